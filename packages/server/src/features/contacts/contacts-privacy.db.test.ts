import assert from 'node:assert/strict';
import { it } from 'node:test';
import { describeEachDialect, useTestApp, type TestApp } from '../../../test/harness';
import { errorId, newPhone, registerUser } from '../../../test/factories';
import { introspect } from '../../../test/live-schema';
import { as, befriend, incomingRequests, setDiscoverable } from '../../../test/contacts';

/** Every row of every table, as JSON text: what a copy of the database would reveal. */
async function everyRow(t: TestApp): Promise<Map<string, string>> {
  const rows = new Map<string, string>();
  for (const { name } of await introspect(t.db))
    rows.set(
      name,
      JSON.stringify(
        await t.db.db
          .selectFrom(name as never)
          .selectAll()
          .execute(),
      ),
    );
  return rows;
}

describeEachDialect('contacts: finding people without revealing who exists', (dialect) => {
  const t = useTestApp(dialect, { env: { AUTH_RATE_LIMIT_PER_MINUTE: '1000' } });

  it('answers a request identically for unknown, undiscoverable, blocked and real targets', async () => {
    const sender = await registerUser(t());
    const hidden = await registerUser(t());
    const blocker = await registerUser(t());
    const open = await registerUser(t());
    await setDiscoverable(t(), blocker, { phone: true });
    await setDiscoverable(t(), open, { phone: true });
    await as(t(), blocker, { method: 'PUT', url: `/api/contacts/blocked/${sender.userId}` });
    const answers = [];
    for (const phone of [newPhone(), hidden.phone, blocker.phone, open.phone]) {
      const response = await as(t(), sender, {
        method: 'POST',
        url: '/api/contacts/requests',
        payload: { phone },
      });
      answers.push({ status: response.statusCode, body: response.body });
    }
    assert.deepEqual(new Set(answers.map((a) => JSON.stringify(a))).size, 1);
    assert.deepEqual(answers[0], { status: 202, body: '{"status":"sent"}' });
    assert.equal((await incomingRequests(t(), hidden)).length, 0);
    assert.equal((await incomingRequests(t(), blocker)).length, 0);
    assert.equal((await incomingRequests(t(), open)).length, 1);
  });

  it('rejects malformed input with 400, whoever it names', async () => {
    const sender = await registerUser(t());
    const send = (payload: object) =>
      as(t(), sender, { method: 'POST', url: '/api/contacts/requests', payload });
    const notANumber = await send({ phone: '12345' });
    assert.deepEqual([notANumber.statusCode, errorId(notANumber)], [400, 'invalid_phone']);
    const both = await send({ phone: sender.phone, email: 'a@example.com' });
    assert.deepEqual([both.statusCode, errorId(both)], [400, 'validation_failed']);
  });

  it('refuses expired, forged and own QR tokens with 400; renders the QR code as SVG', async () => {
    const mei = await registerUser(t());
    const jun = await registerUser(t());
    const image = await as(t(), jun, { method: 'GET', url: '/api/contacts/qr/image' });
    assert.equal(image.statusCode, 200);
    assert.match(image.headers['content-type'] as string, /^image\/svg\+xml/);
    assert.match(image.body, /<svg/);
    const grant = (await as(t(), jun, { method: 'POST', url: '/api/contacts/qr' })).json();
    assert.match(grant.url, /^carillon:\/\/contacts\/qr\?token=/);
    const redeem = (user: typeof mei, token: string) =>
      as(t(), user, { method: 'POST', url: '/api/contacts/qr/redeem', payload: { token } });
    const [id, expires, signature] = grant.token.split('.');
    const forged = await redeem(mei, `${id}.${Number(expires) + 1}.${signature}`);
    assert.deepEqual([forged.statusCode, errorId(forged)], [400, 'token_invalid']);
    const card = (await as(t(), jun, { method: 'GET', url: '/api/contacts/card' })).json();
    assert.equal((await redeem(mei, card.token)).statusCode, 400, 'a card token is not a QR token');
    assert.equal((await redeem(jun, grant.token)).statusCode, 400);
    t().clock.advance(10 * 60_000 + 1);
    const expired = await redeem(mei, grant.token);
    assert.deepEqual([expired.statusCode, errorId(expired)], [400, 'token_invalid']);
    assert.equal((await incomingRequests(t(), jun)).length, 0);
  });

  it('shares an e-card others view and send a request from; blocked people get 404', async () => {
    const mei = await registerUser(t(), { nickname: 'Mei' });
    const jun = await registerUser(t());
    const blocked = await registerUser(t());
    const card = (await as(t(), mei, { method: 'GET', url: '/api/contacts/card' })).json();
    assert.equal(card.profile.nickname, 'Mei');
    assert.match(card.url, /^carillon:\/\/contacts\/card\?token=/);
    const cardUrl = `/api/contacts/cards/${encodeURIComponent(card.token)}`;
    const seen = await as(t(), jun, { method: 'GET', url: cardUrl });
    assert.deepEqual([seen.statusCode, seen.json().nickname], [200, 'Mei']);
    const sent = await as(t(), jun, { method: 'POST', url: `${cardUrl}/request` });
    assert.deepEqual([sent.statusCode, sent.json()], [202, { status: 'sent' }]);
    assert.equal((await incomingRequests(t(), mei))[0]?.profile.userId, jun.userId);
    await as(t(), mei, { method: 'PUT', url: `/api/contacts/blocked/${blocked.userId}` });
    assert.equal((await as(t(), blocked, { method: 'GET', url: cardUrl })).statusCode, 404);
    const forged = await as(t(), jun, { method: 'GET', url: `${cardUrl}x` });
    assert.deepEqual([forged.statusCode, errorId(forged)], [400, 'token_invalid']);
  });

  it('matches an address book only with consent, never keeping the numbers', async () => {
    const caller = await registerUser(t());
    const [findable, hidden, blocker] = [
      await registerUser(t(), { nickname: 'Findable' }),
      await registerUser(t()),
      await registerUser(t()),
    ];
    await setDiscoverable(t(), findable, { phone: true });
    await setDiscoverable(t(), blocker, { phone: true });
    await as(t(), blocker, { method: 'PUT', url: `/api/contacts/blocked/${caller.userId}` });
    const strangers = [newPhone(), newPhone()];
    const phones = [findable.phone, hidden.phone, blocker.phone, ...strangers, 'not a number'];
    const match = () =>
      as(t(), caller, { method: 'POST', url: '/api/contacts/match', payload: { phones } });
    const refused = await match();
    assert.deepEqual([refused.statusCode, errorId(refused)], [403, 'consent_required']);
    const granted = await as(t(), caller, {
      method: 'PUT',
      url: '/api/privacy/consents/contacts_matching',
      payload: { granted: true },
    });
    assert.equal(granted.statusCode, 200, granted.body);
    const before = await everyRow(t());
    const logLines = t().logs.length;
    const answer = await match();
    assert.equal(answer.statusCode, 200, answer.body);
    assert.deepEqual(answer.json().matches, [
      {
        phone: findable.phone,
        profile: { userId: findable.userId, nickname: 'Findable', avatarUrl: null },
      },
    ]);
    assert.deepEqual(await everyRow(t()), before, 'matching wrote nothing to any table');
    const logged = t().logs.slice(logLines).join('\n');
    for (const phone of phones) assert.ok(!logged.includes(phone), 'no number in the logs');
    for (const [table, rows] of before)
      for (const phone of strangers) assert.ok(!rows.includes(phone), `${phone} in ${table}`);
  });

  it('answers 400 for an empty or oversized address book and 401 without a credential', async () => {
    const caller = await registerUser(t());
    const url = '/api/contacts/match';
    const empty = await as(t(), caller, { method: 'POST', url, payload: { phones: [] } });
    assert.equal(empty.statusCode, 400);
    const huge = Array.from({ length: 1001 }, () => '+6581234567');
    const tooMany = await as(t(), caller, { method: 'POST', url, payload: { phones: huge } });
    assert.equal(tooMany.statusCode, 400);
    const anonymous = await t().request({ method: 'POST', url, payload: { phones: ['1'] } });
    assert.equal(anonymous.statusCode, 401);
  });

  it('erasing a person removes the contact rows naming them, on both sides', async () => {
    const gone = await registerUser(t());
    const friend = await registerUser(t());
    const blocker = await registerUser(t());
    await befriend(t(), gone, friend);
    await as(t(), blocker, { method: 'PUT', url: `/api/contacts/blocked/${gone.userId}` });
    await t().app.dataEngines.erase(gone.userId, { kind: 'all' });
    const rows = await everyRow(t());
    for (const table of ['contacts', 'contact_blocks', 'contact_requests', 'contact_settings'])
      assert.ok(!rows.get(table)!.includes(gone.userId), `${gone.userId} left in ${table}`);
    const list = await as(t(), friend, { method: 'GET', url: '/api/contacts' });
    assert.deepEqual(list.json().contacts, []);
  });

  it('lists friends with their public profile bits', async () => {
    const mei = await registerUser(t(), { nickname: 'Mei' });
    const jun = await registerUser(t());
    await befriend(t(), jun, mei);
    const list = await as(t(), jun, { method: 'GET', url: '/api/contacts' });
    const [entry] = list.json().contacts;
    assert.deepEqual(entry.profile, { userId: mei.userId, nickname: 'Mei', avatarUrl: null });
    assert.equal(entry.since, t().clock.now());
  });
});
