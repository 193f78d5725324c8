import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { OrgRightsRequest } from '@carillon/protocol/org-data';
import type { CreateRightsRequestBody, RightsRequest } from '@carillon/protocol/rights';
import { unzip } from '../../../test/engine-fixtures';
import { errorId } from '../../../test/factories';
import { describeEachDialect, useTestApp, type TestApp } from '../../../test/harness';
import { enterpriseMember, enterprisePassword } from './org-admin.test-support';
import { call, orgWith, person, type Person } from './organizations.test-support';

/** Submits and confirms a request as an enterprise account: with its password, there is no code. */
async function confirmed(t: TestApp, who: Person, body: CreateRightsRequestBody) {
  const created = await call(t, who, 'POST', '/api/privacy/requests', body);
  assert.equal(created.statusCode, 201, created.body);
  const { request, code } = created.json() as { request: RightsRequest; code: unknown };
  assert.equal(code, null, 'no phone or e-mail: no code is sent');
  const verified = await call(t, who, 'POST', `/api/privacy/requests/${request.id}/verify`, {
    password: enterprisePassword,
  });
  assert.equal(verified.statusCode, 200, verified.body);
  return verified.json() as RightsRequest;
}

async function queue(t: TestApp, admin: Person, orgId: string): Promise<OrgRightsRequest[]> {
  const response = await call(t, admin, 'GET', `/api/organizations/${orgId}/rights-requests`);
  assert.equal(response.statusCode, 200, response.body);
  return response.json().requests as OrgRightsRequest[];
}

describeEachDialect('data-rights requests of enterprise accounts (ORG-3)', (dialect) => {
  const testApp = useTestApp(dialect, { env: { AUTH_RATE_LIMIT_PER_MINUTE: '1000' } });

  it('routes a copy whole to the organization, with no download from Carillon', async () => {
    const t = testApp();
    const admin = await person(t);
    const org = await orgWith(t, admin, [], 'Harbour Works');
    const { grant } = await enterpriseMember(t, admin, org.id, 'clerk');
    const clerk = { userId: grant.userId, token: grant.token };
    const renamed = await call(t, clerk, 'PATCH', '/api/profile', { realName: 'Clerk Realname' });
    assert.equal(renamed.statusCode, 200, renamed.body);

    const request = await confirmed(t, clerk, { kind: 'copy' });
    assert.equal(request.status, 'fulfilled');
    assert.equal(request.answeredByOrganization, true);
    assert.match(request.answer!, /enterprise account/);
    assert.match(request.answer!, /“Harbour Works”/);
    assert.deepEqual(
      request.organizations.map((o) => [o.organizationName, o.status]),
      [['Harbour Works', 'open']],
    );
    const download = await call(t, clerk, 'GET', `/api/privacy/requests/${request.id}/export`);
    assert.equal(download.statusCode, 403, download.body);
    assert.equal(errorId(download), 'forbidden');

    const [part] = await queue(t, admin, org.id);
    assert.equal(part?.userId, clerk.userId);
    for (const table of ['profiles', 'sessions', 'enterprise_accounts'])
      assert.ok(part!.tables.includes(table), `the organization answers for ${table} too`);

    // What the organization hands over has the account's own tables, filed apart.
    const exported = await call(t, admin, 'GET', `/api/organizations/${org.id}/export`);
    assert.equal(exported.statusCode, 200, exported.body);
    const zip = await unzip(exported.rawPayload);
    const profiles = JSON.parse(zip.get('data/enterprise-accounts/profiles.json')!.toString());
    assert.deepEqual(
      profiles.rows.map((r: { real_name: string }) => r.real_name),
      ['Clerk Realname'],
    );
    const summary = JSON.parse(zip.get('organization.json')!.toString());
    assert.ok(
      summary.tables.some(
        (s: { file: string }) => s.file === 'data/enterprise-accounts/profiles.json',
      ),
    );
    assert.ok(
      !profiles.rows.some((r: { user_id: string }) => r.user_id === admin.userId),
      "a personal account's profile is not the organization's",
    );
  });

  it('erases nothing itself on a deletion and refuses the access report: the organization decides', async () => {
    const t = testApp();
    const admin = await person(t);
    const org = await orgWith(t, admin, []);
    const { grant } = await enterpriseMember(t, admin, org.id, 'desk');
    const desk = { userId: grant.userId, token: grant.token };
    await call(t, desk, 'PATCH', '/api/profile', { realName: 'Desk Realname' });

    const deletion = await confirmed(t, desk, { kind: 'delete', categories: ['user.name'] });
    assert.equal(deletion.answeredByOrganization, true);
    assert.doesNotMatch(deletion.answer!, /Erased/);
    const profile = await call(t, desk, 'GET', '/api/profile');
    assert.equal(
      profile.json().realName,
      'Desk Realname',
      'still there until the organization acts',
    );
    const [part] = await queue(t, admin, org.id);
    assert.equal(part?.kind, 'delete');
    assert.ok(part!.tables.includes('profiles'));

    const access = await confirmed(t, desk, { kind: 'access' });
    const report = await call(t, desk, 'GET', `/api/privacy/requests/${access.id}/report`);
    assert.equal(report.statusCode, 403, report.body);

    // A complaint is about Carillon itself, so Carillon answers it.
    const complaint = await confirmed(t, desk, { kind: 'complaint', text: 'A complaint of mine.' });
    assert.equal(complaint.answeredByOrganization, false);
  });

  it('confirms by password alone only where no code can be sent: 400, 401, 409', async () => {
    const t = testApp();
    const admin = await person(t);
    const org = await orgWith(t, admin, []);
    const { grant } = await enterpriseMember(t, admin, org.id, 'porter');
    const porter = { userId: grant.userId, token: grant.token };
    const created = await call(t, porter, 'POST', '/api/privacy/requests', { kind: 'copy' });
    const { request } = created.json() as { request: RightsRequest };
    const url = `/api/privacy/requests/${request.id}`;
    const resend = await call(t, porter, 'POST', `${url}/code`);
    assert.equal(resend.statusCode, 409, 'nowhere to send a code');
    const wrong = await call(t, porter, 'POST', `${url}/verify`, {
      password: 'not the password at all',
    });
    assert.equal(wrong.statusCode, 401);

    // An account with a phone number still needs its code.
    const personal = await submitCodeless(t, admin);
    assert.equal(personal.statusCode, 400, personal.body);
    assert.equal(errorId(personal), 'validation_failed');
  });
});

/** A personal account's request confirmed without its code. */
async function submitCodeless(t: TestApp, who: Person & { password: string }) {
  const created = await call(t, who, 'POST', '/api/privacy/requests', { kind: 'copy' });
  assert.equal(created.statusCode, 201, created.body);
  const { request } = created.json() as { request: RightsRequest };
  return call(t, who, 'POST', `/api/privacy/requests/${request.id}/verify`, {
    password: who.password,
  });
}
