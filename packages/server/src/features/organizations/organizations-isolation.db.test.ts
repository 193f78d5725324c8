import assert from 'node:assert/strict';
import { it } from 'node:test';
import { describeEachDialect, useTestApp } from '../../../test/harness';
import { allStaffOf } from './org-chats.test-support';
import { submitVerified } from '../../privacy/rights/rights.fixtures';
import { call, department, orgWith, person } from './organizations.test-support';

describeEachDialect('organization isolation', (dialect) => {
  const testApp = useTestApp(dialect, { env: { AUTH_RATE_LIMIT_PER_MINUTE: '1000' } });

  it('never shows organization B to a member of A: 404 for every B resource', async () => {
    const t = testApp();
    const [adminA, adminB, memberB] = [await person(t), await person(t), await person(t)];
    await orgWith(t, adminA, [], 'A');
    const b = await orgWith(t, adminB, [memberB], 'B');
    const dept = await department(t, adminB, b.id, 'Secret lab');
    const application = await call(t, adminA, 'POST', '/api/organizations/applications', {
      organizationId: b.id,
    });
    const { id: applicationId } = application.json() as { id: string };
    await submitVerified(t, memberB, { kind: 'access' });
    const { id: routedId } = await t.db.db
      .selectFrom('organization_rights_requests')
      .select('id')
      .where('organization_id', '=', b.id)
      .executeTakeFirstOrThrow();
    const dissolving = await call(t, adminB, 'POST', `/api/organizations/${b.id}/dissolution`, {
      password: adminB.password,
    });
    assert.equal(dissolving.statusCode, 201, dissolving.body);
    const base = `/api/organizations/${b.id}`;
    const allStaffB = (await allStaffOf(t, adminB, b.id))!.id;
    const attempts: [string, string, object?][] = [
      ['GET', base],
      ['GET', `${base}/members`],
      ['GET', `${base}/members/${memberB.userId}`],
      ['PATCH', `${base}/members/${memberB.userId}`, { position: 'Spy' }],
      ['DELETE', `${base}/members/${memberB.userId}`],
      ['PUT', `${base}/members/${memberB.userId}/role`, { role: 'member' }],
      ['POST', `${base}/transfer`, { userId: adminA.userId }],
      ['GET', `${base}/departments`],
      ['POST', `${base}/departments`, { name: 'Mine' }],
      ['PATCH', `${base}/departments/${dept.id}`, { name: 'Mine' }],
      ['DELETE', `${base}/departments/${dept.id}`],
      ['PUT', `${base}/departments/${dept.id}/group`, { enabled: true }],
      ['POST', `${base}/invites`, { kind: 'link' }],
      ['POST', `${base}/phone-invitations`, { phone: adminA.phone }],
      ['GET', `${base}/applications`],
      ['POST', `${base}/applications/${applicationId}/approve`],
      ['GET', `${base}/certification`],
      [
        'POST',
        `${base}/certification`,
        { legalName: 'B', registrationNumber: '12345', legalRepresentative: 'X' },
      ],
      // B's conversations: its all-staff group, a colleague chat or a group in its context.
      ['GET', `/api/conversations/${allStaffB}`],
      ['GET', `/api/conversations/${allStaffB}/messages`],
      ['POST', '/api/conversations/direct', { userId: memberB.userId, organizationId: b.id }],
      ['POST', '/api/conversations', { name: 'Mine', organizationId: b.id }],
      ['GET', `${base}/export`],
      ['GET', `${base}/retention`],
      ['PUT', `${base}/retention`, { days: 3 }],
      ['GET', `${base}/rights-requests`],
      ['POST', `${base}/rights-requests/${routedId}/fulfil`, {}],
      ['POST', `${base}/rights-requests/${routedId}/refuse`, { reason: 'Not yours to answer.' }],
      ['POST', `${base}/dissolution`, { password: adminA.password }],
      ['GET', `${base}/dissolution`],
      ['DELETE', `${base}/dissolution`],
    ];
    for (const [method, url, body] of attempts) {
      const response = await call(t, adminA, method as 'GET', url, body);
      assert.equal(response.statusCode, 404, `${method} ${url}: ${response.body}`);
    }
  });
});
