import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { it } from 'node:test';
import { describeEachDialect, useTestApp } from '../../../test/harness';
import { errorId, registerUser } from '../../../test/factories';
import { as, befriend, friendIds, incomingRequests, setDiscoverable } from '../../../test/contacts';

describeEachDialect('contacts: requests, friends and blocks', (dialect) => {
  const t = useTestApp(dialect, { env: { AUTH_RATE_LIMIT_PER_MINUTE: '1000' } });

  it('keeps people undiscoverable until they turn it on; 400 and 401 on settings', async () => {
    const user = await registerUser(t());
    const url = '/api/contacts/settings';
    const initial = await as(t(), user, { method: 'GET', url });
    assert.deepEqual(initial.json(), { discoverableBy: { phone: false, email: false } });
    const changed = await as(t(), user, {
      method: 'PATCH',
      url,
      payload: { discoverableBy: { phone: true } },
    });
    assert.deepEqual(changed.json(), { discoverableBy: { phone: true, email: false } });
    const bad = await as(t(), user, { method: 'PATCH', url, payload: { discoverableBy: 1 } });
    assert.equal(bad.statusCode, 400);
    assert.equal(errorId(bad), 'validation_failed');
    assert.equal((await t().request({ method: 'GET', url })).statusCode, 401);
  });

  it('sends by phone to a discoverable person, who accepts; both see each other', async () => {
    const mei = await registerUser(t(), { nickname: 'Mei' });
    const jun = await registerUser(t(), { nickname: 'Jun' });
    await setDiscoverable(t(), jun, { phone: true });
    const sent = await as(t(), mei, {
      method: 'POST',
      url: '/api/contacts/requests',
      payload: { phone: jun.phone },
    });
    assert.equal(sent.statusCode, 202);
    assert.deepEqual(sent.json(), { status: 'sent' });
    const outgoing = await as(t(), mei, { method: 'GET', url: '/api/contacts/requests' });
    assert.equal(outgoing.json().outgoing[0].profile.nickname, 'Jun');
    const [request] = await incomingRequests(t(), jun);
    assert.equal(request?.profile.userId, mei.userId);
    const accepted = await as(t(), jun, {
      method: 'POST',
      url: `/api/contacts/requests/${request!.id}/accept`,
    });
    assert.equal(accepted.statusCode, 204);
    assert.deepEqual(await friendIds(t(), mei), [jun.userId]);
    assert.deepEqual(await friendIds(t(), jun), [mei.userId]);
    assert.deepEqual(await incomingRequests(t(), jun), []);
  });

  it('sends by exact e-mail when the person allows finding by e-mail', async () => {
    const mei = await registerUser(t());
    const jun = await registerUser(t());
    const email = `jun-${randomUUID()}@example.com`;
    await t().db.db.updateTable('users').set({ email }).where('id', '=', jun.userId).execute();
    const send = () =>
      as(t(), mei, {
        method: 'POST',
        url: '/api/contacts/requests',
        payload: { email: email.toUpperCase() },
      });
    assert.equal((await send()).statusCode, 202);
    assert.deepEqual(await incomingRequests(t(), jun), []);
    await setDiscoverable(t(), jun, { email: true });
    assert.equal((await send()).statusCode, 202);
    assert.equal((await incomingRequests(t(), jun))[0]?.profile.userId, mei.userId);
  });

  it('declines and withdraws requests; only the right side may, others get 404', async () => {
    const mei = await registerUser(t());
    const jun = await registerUser(t());
    const stranger = await registerUser(t());
    const qr = (await as(t(), jun, { method: 'POST', url: '/api/contacts/qr' })).json();
    const redeem = {
      method: 'POST',
      url: '/api/contacts/qr/redeem',
      payload: { token: qr.token },
    } as const;
    await as(t(), mei, redeem);
    const [request] = await incomingRequests(t(), jun);
    const byStranger = await as(t(), stranger, {
      method: 'POST',
      url: `/api/contacts/requests/${request!.id}/accept`,
    });
    assert.equal(byStranger.statusCode, 404);
    const bySender = await as(t(), mei, {
      method: 'POST',
      url: `/api/contacts/requests/${request!.id}/decline`,
    });
    assert.equal(bySender.statusCode, 404);
    const declined = await as(t(), jun, {
      method: 'POST',
      url: `/api/contacts/requests/${request!.id}/decline`,
    });
    assert.equal(declined.statusCode, 204);
    assert.deepEqual(await friendIds(t(), mei), []);
    await as(t(), mei, redeem);
    const [again] = await incomingRequests(t(), jun);
    const path = `/api/contacts/requests/${again!.id}`;
    assert.equal((await as(t(), jun, { method: 'DELETE', url: path })).statusCode, 404);
    assert.equal((await as(t(), mei, { method: 'DELETE', url: path })).statusCode, 204);
    assert.deepEqual(await incomingRequests(t(), jun), []);
    const badId = await as(t(), jun, { method: 'POST', url: '/api/contacts/requests/x/accept' });
    assert.equal(badId.statusCode, 400);
    const unknown = `/api/contacts/requests/${randomUUID()}/accept`;
    assert.equal((await as(t(), jun, { method: 'POST', url: unknown })).statusCode, 404);
  });

  it('removes a friend on both sides; removing again is 404', async () => {
    const mei = await registerUser(t());
    const jun = await registerUser(t());
    await befriend(t(), mei, jun);
    const url = `/api/contacts/${jun.userId}`;
    assert.equal((await as(t(), mei, { method: 'DELETE', url })).statusCode, 204);
    assert.deepEqual(await friendIds(t(), mei), []);
    assert.deepEqual(await friendIds(t(), jun), []);
    const again = await as(t(), mei, { method: 'DELETE', url });
    assert.equal(again.statusCode, 404);
    assert.equal(errorId(again), 'not_found');
  });

  it('blocking ends the friendship; the blocked person cannot send requests', async () => {
    const mei = await registerUser(t());
    const jun = await registerUser(t());
    await befriend(t(), mei, jun);
    await setDiscoverable(t(), jun, { phone: true });
    const block = await as(t(), jun, { method: 'PUT', url: `/api/contacts/blocked/${mei.userId}` });
    assert.equal(block.statusCode, 204);
    assert.deepEqual(await friendIds(t(), jun), []);
    const sent = await as(t(), mei, {
      method: 'POST',
      url: '/api/contacts/requests',
      payload: { phone: jun.phone },
    });
    assert.deepEqual([sent.statusCode, sent.json()], [202, { status: 'sent' }]);
    const qr = (await as(t(), jun, { method: 'POST', url: '/api/contacts/qr' })).json();
    const redeem = {
      method: 'POST',
      url: '/api/contacts/qr/redeem',
      payload: { token: qr.token },
    } as const;
    assert.equal((await as(t(), mei, redeem)).statusCode, 202);
    assert.deepEqual(await incomingRequests(t(), jun), []);
    const list = await as(t(), jun, { method: 'GET', url: '/api/contacts/blocked' });
    assert.deepEqual(
      list.json().blocked.map((b: { userId: string }) => b.userId),
      [mei.userId],
    );
    await as(t(), jun, { method: 'DELETE', url: `/api/contacts/blocked/${mei.userId}` });
    await as(t(), mei, redeem);
    assert.equal((await incomingRequests(t(), jun)).length, 1);
  });

  it('answers 404 for blocking an unknown user, 400 for yourself or a bad id', async () => {
    const mei = await registerUser(t());
    const put = (id: string) => as(t(), mei, { method: 'PUT', url: `/api/contacts/blocked/${id}` });
    assert.equal((await put(randomUUID())).statusCode, 404);
    assert.equal((await put(mei.userId)).statusCode, 400);
    assert.equal((await put('nobody')).statusCode, 400);
  });

  it('shows a friend profile fields with contacts visibility, and a stranger not', async () => {
    const mei = await registerUser(t());
    const jun = await registerUser(t());
    const stranger = await registerUser(t());
    const patched = await as(t(), mei, {
      method: 'PATCH',
      url: '/api/profile',
      payload: { workRegion: 'Singapore', visibility: { workRegion: 'contacts' } },
    });
    assert.equal(patched.statusCode, 200, patched.body);
    await befriend(t(), jun, mei);
    const url = `/api/users/${mei.userId}/profile`;
    assert.equal((await as(t(), jun, { method: 'GET', url })).json().workRegion, 'Singapore');
    assert.equal((await as(t(), stranger, { method: 'GET', url })).json().workRegion, undefined);
    const friends = await as(t(), jun, { method: 'GET', url: '/api/contacts' });
    assert.equal(friends.json().contacts[0].profile.workRegion, 'Singapore');
  });

  it('answers 401 on contacts routes without a credential', async () => {
    for (const url of ['/api/contacts', '/api/contacts/requests', '/api/contacts/blocked'])
      assert.equal((await t().request({ method: 'GET', url })).statusCode, 401, url);
  });
});
