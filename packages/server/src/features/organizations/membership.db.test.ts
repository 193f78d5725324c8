import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { Organization } from '@carillon/protocol/organizations';
import { errorId, newPhone } from '../../../test/factories';
import { describeEachDialect, useTestApp } from '../../../test/harness';
import { call, makeSubAdmin, orgWith, person } from './organizations.test-support';

const HOUR = 60 * 60 * 1000;

describeEachDialect('organization membership', (dialect) => {
  const testApp = useTestApp(dialect, { env: { AUTH_RATE_LIMIT_PER_MINUTE: '1000' } });

  it('joins by signed link until it expires; forged tokens fail', async () => {
    const t = testApp();
    const [admin, joiner, late] = [await person(t), await person(t), await person(t)];
    const org = await orgWith(t, admin);
    const invite = await call(t, admin, 'POST', `/api/organizations/${org.id}/invites`, {
      kind: 'link',
      expiresInHours: 1,
    });
    assert.equal(invite.statusCode, 201, invite.body);
    const { token } = invite.json() as { token: string };
    const joined = await call(t, joiner, 'POST', '/api/organizations/join', { token });
    assert.deepEqual(joined.json(), { organizationId: org.id });
    const twice = await call(t, joiner, 'POST', '/api/organizations/join', { token });
    assert.equal(twice.statusCode, 200, 'joining twice changes nothing');
    const forged = await call(t, late, 'POST', '/api/organizations/join', {
      token: token.slice(0, -2) + 'xx',
    });
    assert.deepEqual([forged.statusCode, errorId(forged)], [400, 'token_invalid']);
    t.clock.advance(2 * HOUR);
    const expired = await call(t, late, 'POST', '/api/organizations/join', { token });
    assert.deepEqual([expired.statusCode, errorId(expired)], [400, 'token_invalid']);
    const members = await call(t, admin, 'GET', `/api/organizations/${org.id}`);
    assert.equal((members.json() as Organization).memberCount, 2);
  });

  it('joins by short code, case-insensitively, until it expires', async () => {
    const t = testApp();
    const [admin, joiner, late] = [await person(t), await person(t), await person(t)];
    const org = await orgWith(t, admin);
    const invite = await call(t, admin, 'POST', `/api/organizations/${org.id}/invites`, {
      kind: 'code',
      expiresInHours: 1,
    });
    const { code } = invite.json() as { code: string };
    assert.match(code, /^[A-Z2-9]{8}$/);
    const joined = await call(t, joiner, 'POST', '/api/organizations/join', {
      code: code.toLowerCase(),
    });
    assert.equal(joined.statusCode, 200, joined.body);
    t.clock.advance(2 * HOUR);
    const expired = await call(t, late, 'POST', '/api/organizations/join', { code });
    assert.equal(errorId(expired), 'token_invalid');
    const malformed = await call(t, late, 'POST', '/api/organizations/join', { code: 'short' });
    assert.equal(malformed.statusCode, 400);
  });

  it('only administrators with members permission invite (403), strangers see 404', async () => {
    const t = testApp();
    const [admin, member, sub, stranger] = [
      await person(t),
      await person(t),
      await person(t),
      await person(t),
    ];
    const org = await orgWith(t, admin, [member, sub]);
    await makeSubAdmin(t, admin, org.id, sub, { permissions: ['members'], departmentId: null });
    const path = `/api/organizations/${org.id}/invites`;
    assert.equal((await call(t, member, 'POST', path, { kind: 'link' })).statusCode, 403);
    assert.equal((await call(t, sub, 'POST', path, { kind: 'link' })).statusCode, 201);
    assert.equal((await call(t, stranger, 'POST', path, { kind: 'link' })).statusCode, 404);
    assert.equal((await call(t, admin, 'POST', path, { kind: 'email' })).statusCode, 400);
    const anonymous = await t.request({ method: 'POST', url: path, payload: { kind: 'link' } });
    assert.equal(anonymous.statusCode, 401);
  });

  it('invites by phone without revealing registration; the invitee accepts or declines', async () => {
    const t = testApp();
    const [admin, invitee, other] = [await person(t), await person(t), await person(t)];
    const org = await orgWith(t, admin);
    const second = await orgWith(t, admin, [], 'Second');
    const path = (id: string) => `/api/organizations/${id}/phone-invitations`;
    const registered = await call(t, admin, 'POST', path(org.id), { phone: invitee.phone });
    const unregistered = await call(t, admin, 'POST', path(org.id), { phone: newPhone() });
    assert.deepEqual(
      [registered.statusCode, registered.body],
      [unregistered.statusCode, unregistered.body],
    );
    assert.equal(registered.statusCode, 202);
    const bad = await call(t, admin, 'POST', path(org.id), { phone: '12345' });
    assert.deepEqual([bad.statusCode, errorId(bad)], [400, 'invalid_phone']);
    await call(t, admin, 'POST', path(second.id), { phone: invitee.phone });

    const pending = await call(t, invitee, 'GET', '/api/organization-invitations');
    const invitations = (
      pending.json() as { invitations: { id: string; organizationId: string }[] }
    ).invitations;
    assert.deepEqual(
      invitations.map((i) => i.organizationId),
      [org.id, second.id],
    );
    const notMine = await call(
      t,
      other,
      'POST',
      `/api/organization-invitations/${invitations[0]!.id}/accept`,
    );
    assert.equal(notMine.statusCode, 404, 'an invitation to another number is not found');
    const accepted = await call(
      t,
      invitee,
      'POST',
      `/api/organization-invitations/${invitations[0]!.id}/accept`,
    );
    assert.deepEqual(accepted.json(), { organizationId: org.id });
    const again = await call(
      t,
      invitee,
      'POST',
      `/api/organization-invitations/${invitations[0]!.id}/accept`,
    );
    assert.equal(again.statusCode, 409);
    const declined = await call(
      t,
      invitee,
      'POST',
      `/api/organization-invitations/${invitations[1]!.id}/decline`,
    );
    assert.equal(declined.statusCode, 200);
    const mine = await call(t, invitee, 'GET', '/api/organizations');
    assert.deepEqual(
      (mine.json() as { organizations: Organization[] }).organizations.map((o) => o.id),
      [org.id],
    );
    const after = await call(t, invitee, 'GET', '/api/organization-invitations');
    assert.deepEqual(after.json(), { invitations: [] });
  });

  it('applications: apply, the administrator approves or declines', async () => {
    const t = testApp();
    const [admin, applicant, declined, member] = [
      await person(t),
      await person(t, '李四'),
      await person(t),
      await person(t),
    ];
    const org = await orgWith(t, admin, [member]);
    const apply = (who: typeof admin, message?: string) =>
      call(t, who, 'POST', '/api/organizations/applications', {
        organizationId: org.id,
        ...(message ? { message } : {}),
      });
    const applied = await apply(applicant, 'I run the east shop');
    assert.equal(applied.statusCode, 201, applied.body);
    assert.equal((await apply(applicant)).statusCode, 409, 'one pending application at a time');
    assert.equal((await apply(member)).statusCode, 409, 'members do not apply');
    const nowhere = await call(t, applicant, 'POST', '/api/organizations/applications', {
      organizationId: crypto.randomUUID(),
    });
    assert.equal(nowhere.statusCode, 404);
    const other = (await apply(declined)).json() as { id: string };

    const listPath = `/api/organizations/${org.id}/applications`;
    assert.equal((await call(t, member, 'GET', listPath)).statusCode, 403);
    assert.equal((await call(t, applicant, 'GET', listPath)).statusCode, 404);
    const list = (await call(t, admin, 'GET', listPath)).json() as {
      applications: { id: string; nickname: string; message: string | null }[];
    };
    assert.deepEqual(
      list.applications.map((a) => [a.nickname, a.message]),
      [
        ['李四', 'I run the east shop'],
        ['Mei', null],
      ],
    );
    const decide = (who: typeof admin, id: string, decision: string) =>
      call(t, who, 'POST', `${listPath}/${id}/${decision}`);
    const { id } = applied.json() as { id: string };
    assert.equal((await decide(member, id, 'approve')).statusCode, 403);
    assert.equal((await decide(admin, id, 'approve')).statusCode, 200);
    assert.equal((await decide(admin, id, 'approve')).statusCode, 409);
    assert.equal((await decide(admin, other.id, 'decline')).statusCode, 200);
    assert.equal((await decide(admin, crypto.randomUUID(), 'decline')).statusCode, 404);
    const joined = await call(t, applicant, 'GET', `/api/organizations/${org.id}`);
    assert.equal(joined.statusCode, 200);
    const notJoined = await call(t, declined, 'GET', `/api/organizations/${org.id}`);
    assert.equal(notJoined.statusCode, 404);
  });
});
