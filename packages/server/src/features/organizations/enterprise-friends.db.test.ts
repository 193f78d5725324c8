import assert from 'node:assert/strict';
import { it } from 'node:test';
import { describeEachDialect, useTestApp, type TestApp } from '../../../test/harness';
import { enterpriseMember } from './org-admin.test-support';
import { call, orgWith, person, type Person } from './organizations.test-support';

/** Sends `from` a friend request to the owner of `to`'s e-card. */
async function requestByCard(t: TestApp, from: Person, to: Person) {
  const card = await call(t, to, 'GET', '/api/contacts/card');
  const { token } = card.json() as { token: string };
  const sent = await call(
    t,
    from,
    'POST',
    `/api/contacts/cards/${encodeURIComponent(token)}/request`,
  );
  assert.equal(sent.statusCode, 202, sent.body);
}

async function incoming(t: TestApp, who: Person) {
  const lists = await call(t, who, 'GET', '/api/contacts/requests');
  return (lists.json() as { incoming: { id: string }[] }).incoming;
}

describeEachDialect('enterprise accounts and friends', (dialect) => {
  const testApp = useTestApp(dialect, { env: { AUTH_RATE_LIMIT_PER_MINUTE: '1000' } });

  it('befriend colleagues only; requests across the boundary vanish without a word', async () => {
    const t = testApp();
    const [admin, colleague, outsider] = [await person(t), await person(t), await person(t)];
    const org = await orgWith(t, admin, [colleague]);
    const { grant: clerk } = await enterpriseMember(t, admin, org.id, 'clerk');

    await requestByCard(t, clerk, outsider);
    assert.deepEqual(await incoming(t, outsider), [], 'the outsider never receives it');
    await requestByCard(t, outsider, clerk);
    assert.deepEqual(await incoming(t, clerk), [], 'nor does the enterprise account');

    await requestByCard(t, clerk, colleague);
    const [request] = await incoming(t, colleague);
    assert.ok(request, 'a colleague receives it');
    const accepted = await call(
      t,
      colleague,
      'POST',
      `/api/contacts/requests/${request.id}/accept`,
    );
    assert.equal(accepted.statusCode, 204, accepted.body);
    const friends = await call(t, clerk, 'GET', '/api/contacts');
    assert.equal((friends.json() as { contacts: unknown[] }).contacts.length, 1);
  });
});
