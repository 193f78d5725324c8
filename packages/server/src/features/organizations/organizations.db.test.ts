import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { Certification, Organization } from '@carillon/protocol/organizations';
import { errorId } from '../../../test/factories';
import { describeEachDialect, useTestApp } from '../../../test/harness';
import { operatorEnv, operatorToken } from '../../../test/privacy';
import { call, orgWith, person } from './organizations.test-support';

const certificationBody = {
  legalName: 'Harbour Works Pte Ltd',
  registrationNumber: '201912345K',
  legalRepresentative: 'Tan Wei',
};

describeEachDialect('organizations', (dialect) => {
  const testApp = useTestApp(dialect, {
    env: { ...operatorEnv, AUTH_RATE_LIMIT_PER_MINUTE: '1000' },
  });

  it('creates an organization whose creator is its main administrator, listed among mine', async () => {
    const t = testApp();
    const admin = await person(t);
    const created = await call(t, admin, 'POST', '/api/organizations', {
      name: 'Harbour Works',
      location: 'Singapore',
      industry: 'Logistics',
      staffSize: '21-100',
    });
    assert.equal(created.statusCode, 201, created.body);
    const org = created.json() as Organization;
    assert.equal(org.myRole, 'main_admin');
    assert.equal(org.certified, false);
    assert.equal(org.memberCount, 1);
    const second = await orgWith(t, admin, [], 'Side Project');
    const mine = await call(t, admin, 'GET', '/api/organizations');
    assert.deepEqual(
      (mine.json() as { organizations: Organization[] }).organizations.map((o) => o.id),
      [org.id, second.id],
    );
    const one = await call(t, admin, 'GET', `/api/organizations/${org.id}`);
    assert.equal((one.json() as Organization).location, 'Singapore');
  });

  it('answers 400, 401 and 404 (other organizations look absent)', async () => {
    const t = testApp();
    const [a, b] = [await person(t), await person(t)];
    const org = await orgWith(t, a);
    const bad = await call(t, a, 'POST', '/api/organizations', { name: '' });
    assert.deepEqual([bad.statusCode, errorId(bad)], [400, 'validation_failed']);
    const anonymous = await t.request({ method: 'GET', url: '/api/organizations' });
    assert.equal(anonymous.statusCode, 401);
    const stranger = await call(t, b, 'GET', `/api/organizations/${org.id}`);
    assert.deepEqual([stranger.statusCode, errorId(stranger)], [404, 'not_found']);
    const missing = await call(t, b, 'GET', `/api/organizations/${crypto.randomUUID()}`);
    assert.equal(missing.body, stranger.body, 'absent and foreign answer alike');
  });

  it('transfers the main administrator, keeping exactly one, and audits it', async () => {
    const t = testApp();
    const [admin, heir, other] = [await person(t), await person(t), await person(t)];
    const org = await orgWith(t, admin, [heir, other]);
    const byMember = await call(t, heir, 'POST', `/api/organizations/${org.id}/transfer`, {
      userId: heir.userId,
    });
    assert.deepEqual([byMember.statusCode, errorId(byMember)], [403, 'forbidden']);
    const [first, second] = await Promise.all([
      call(t, admin, 'POST', `/api/organizations/${org.id}/transfer`, { userId: heir.userId }),
      call(t, admin, 'POST', `/api/organizations/${org.id}/transfer`, { userId: other.userId }),
    ]);
    assert.deepEqual([first.statusCode, second.statusCode].sort(), [200, 403]);
    const roles = await t.db.db
      .selectFrom('organization_members')
      .select(['user_id', 'role'])
      .where('organization_id', '=', org.id)
      .where('role', '=', 'main_admin')
      .execute();
    assert.equal(roles.length, 1);
    assert.notEqual(roles[0]!.user_id, admin.userId);
    const audited = await t.db.db
      .selectFrom('audit_entries')
      .select('action')
      .where('action', '=', 'organization.main_admin_transferred')
      .execute();
    assert.ok(audited.length >= 1);
    const leaving = await call(t, admin, 'POST', `/api/organizations/${org.id}/transfer`, {
      userId: admin.userId,
    });
    assert.equal(leaving.statusCode, 403, 'the former main administrator is a member now');
  });

  it('sets sub-administrator roles; only the main administrator may', async () => {
    const t = testApp();
    const [admin, sub, member] = [await person(t), await person(t), await person(t)];
    const org = await orgWith(t, admin, [sub, member]);
    const url = (who: { userId: string }) =>
      `/api/organizations/${org.id}/members/${who.userId}/role`;
    const scope = { permissions: ['members'], departmentId: null };
    const made = await call(t, admin, 'PUT', url(sub), { role: 'sub_admin', scope });
    assert.equal(made.statusCode, 200, made.body);
    const bySub = await call(t, sub, 'PUT', url(member), { role: 'sub_admin', scope });
    assert.deepEqual([bySub.statusCode, errorId(bySub)], [403, 'forbidden']);
    const onMain = await call(t, admin, 'PUT', url(admin), { role: 'member' });
    assert.deepEqual([onMain.statusCode, errorId(onMain)], [409, 'conflict']);
    const invalid = await call(t, admin, 'PUT', url(member), { role: 'sub_admin' });
    assert.equal(invalid.statusCode, 400);
    const unknownDept = await call(t, admin, 'PUT', url(member), {
      role: 'sub_admin',
      scope: { permissions: ['departments'], departmentId: crypto.randomUUID() },
    });
    assert.equal(unknownDept.statusCode, 404);
    const back = await call(t, admin, 'PUT', url(sub), { role: 'member' });
    assert.equal(back.statusCode, 200);
    const mine = await call(t, sub, 'GET', `/api/organizations/${org.id}`);
    assert.equal((mine.json() as Organization).myRole, 'member');
  });

  it('certifies through operator review: pending, rejected with a reason, approved', async () => {
    const t = testApp();
    const [admin, member] = [await person(t), await person(t)];
    const org = await orgWith(t, admin, [member]);
    const path = `/api/organizations/${org.id}/certification`;
    const byMember = await call(t, member, 'POST', path, certificationBody);
    assert.equal(byMember.statusCode, 403);
    const invalid = await call(t, admin, 'POST', path, { legalName: 'x' });
    assert.equal(invalid.statusCode, 400);
    const submitted = await call(t, admin, 'POST', path, certificationBody);
    assert.equal(submitted.statusCode, 201, submitted.body);
    const first = submitted.json() as Certification;
    assert.deepEqual([first.status, first.documents], ['pending', []]);
    const again = await call(t, admin, 'POST', path, certificationBody);
    assert.equal(again.statusCode, 409);

    const operator = { authorization: `Bearer ${await operatorToken(t)}` };
    const asUser = await call(t, admin, 'GET', '/api/operator/organization-certifications');
    assert.equal(asUser.statusCode, 401, 'user sessions never reach operator routes');
    const queue = await t.request({
      method: 'GET',
      url: '/api/operator/organization-certifications',
      headers: operator,
    });
    assert.ok(
      (queue.json() as { certifications: Certification[] }).certifications.some(
        (c) => c.id === first.id,
      ),
    );
    const noReason = await t.request({
      method: 'POST',
      url: `/api/operator/organization-certifications/${first.id}/reject`,
      headers: operator,
      payload: {},
    });
    assert.equal(noReason.statusCode, 400);
    const rejected = await t.request({
      method: 'POST',
      url: `/api/operator/organization-certifications/${first.id}/reject`,
      headers: operator,
      payload: { reason: 'The registration number does not match.' },
    });
    assert.equal((rejected.json() as Certification).status, 'rejected');
    const seen = await call(t, admin, 'GET', path);
    assert.equal((seen.json() as Certification).reason, 'The registration number does not match.');

    const resubmitted = (
      await call(t, admin, 'POST', path, certificationBody)
    ).json() as Certification;
    const approve = (id: string) =>
      t.request({
        method: 'POST',
        url: `/api/operator/organization-certifications/${id}/approve`,
        headers: operator,
      });
    assert.equal((await approve(resubmitted.id)).statusCode, 200);
    assert.equal((await approve(resubmitted.id)).statusCode, 409);
    assert.equal((await approve(crypto.randomUUID())).statusCode, 404);
    const certified = (await call(t, member, 'GET', `/api/organizations/${org.id}`)).json();
    assert.equal((certified as Organization).certified, true);
    const actions = await t.db.db
      .selectFrom('audit_entries')
      .select('action')
      .where('action', 'like', 'organization.certification_%')
      .execute();
    const names = new Set(actions.map((a) => a.action));
    for (const action of ['submitted', 'rejected', 'approved'])
      assert.ok(names.has(`organization.certification_${action}`), action);
  });
});
