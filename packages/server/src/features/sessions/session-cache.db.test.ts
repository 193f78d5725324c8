import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { openDatabase } from '../../platform/db/database';
import type { SessionsTable } from '../../platform/db/schema';
import { createTestDatabase, TEST_DATABASE_URL, type TestDatabase } from '../../../test/databases';
import { describeEachDialect, useTestApp } from '../../../test/harness';
import { bearer, registerUser, signInOn } from '../../../test/factories';
import { SessionCache } from './session-cache';
import { SESSION_IDLE_MS } from './sessions.service';

/**
 * On SQLite a signed-in request finds its session in memory once it has been
 * used (session-cache.ts); whatever ends a session must still end it at once.
 */
describeEachDialect('a session in use ends at once', (dialect) => {
  const t = useTestApp(dialect);

  const status = async (token: string) =>
    (await t().request({ method: 'GET', url: '/api/account', headers: bearer(token) })).statusCode;

  /** Signs a second device in and uses it, so its session is the one a lookup would keep. */
  async function usedSecondDevice(user: { phone: string; password: string }) {
    const phone = await signInOn(t(), user);
    assert.equal(await status(phone.token), 200);
    assert.equal(await status(phone.token), 200);
    return phone;
  }

  it('when signed out from another device', async () => {
    const user = await registerUser(t());
    const phone = await usedSecondDevice(user);
    const ended = await t().request({
      method: 'DELETE',
      url: `/api/sessions/${phone.sessionId}`,
      headers: bearer(user.token),
    });
    assert.equal(ended.statusCode, 204);
    assert.equal(await status(phone.token), 401);
    assert.equal(await status(user.token), 200);
  });

  it('when the password changes or the account is frozen', async () => {
    const user = await registerUser(t());
    const phone = await usedSecondDevice(user);
    const changed = await t().request({
      method: 'POST',
      url: '/api/account/password',
      headers: bearer(user.token),
      payload: { currentPassword: user.password, newPassword: `${user.password}-2` },
    });
    assert.equal(changed.statusCode, 204, changed.body);
    assert.equal(await status(phone.token), 401);
    assert.equal(await status(user.token), 200);
    const frozen = await t().request({
      method: 'POST',
      url: '/api/account/freeze',
      headers: bearer(user.token),
      payload: { password: `${user.password}-2` },
    });
    assert.equal(frozen.statusCode, 204, frozen.body);
    assert.equal(await status(user.token), 401);
  });

  it('when its row is deleted by a statement of another feature, as erasure does', async () => {
    const user = await registerUser(t());
    assert.equal(await status(user.token), 200);
    await t().db.db.deleteFrom('sessions').where('user_id', '=', user.userId).execute();
    assert.equal(await status(user.token), 401);
  });

  it('when another connection to the database deletes it', async () => {
    const user = await registerUser(t());
    assert.equal(await status(user.token), 200);
    // Another connection to the app's database, as a command-line job or a second process opens.
    const other = openDatabase(t().db.target);
    try {
      await other.db.deleteFrom('sessions').where('id', '=', user.sessionId).execute();
    } finally {
      await other.close();
    }
    // The cache looks for other connections' commits once per turn of the event loop; a
    // request from the network comes on a later turn than the commit it follows.
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(await status(user.token), 401);
  });

  it('when it has been idle too long, though it was used before', async () => {
    const user = await registerUser(t());
    assert.equal(await status(user.token), 200);
    t().clock.advance(SESSION_IDLE_MS);
    assert.equal(await status(user.token), 401);
  });
});

describe('the session cache itself', () => {
  let database: TestDatabase;
  before(async () => {
    database = await createTestDatabase('sqlite', { migrate: false });
    await sql`create table sessions (token_hash text primary key)`.execute(database.db);
    await sql`insert into sessions (token_hash) values ('a'), ('b')`.execute(database.db);
  });
  after(() => database.drop());

  const row = (token_hash: string) => ({ token_hash }) as SessionsTable;

  it('does not keep a row read before a change reported meanwhile', async () => {
    const cache = SessionCache.over(database.db)!;
    const mark = cache.mark();
    await sql`update sessions set token_hash = 'a2' where token_hash = 'a'`.execute(database.db);
    cache.keep(row('b'), mark);
    assert.equal(cache.get('b'), undefined);
    cache.keep(row('b'), cache.mark());
    assert.equal(cache.get('b')?.token_hash, 'b');
    cache.stop();
  });

  it('keeps at most its capacity, dropping the longest kept', () => {
    const cache = SessionCache.over(database.db, 2)!;
    for (const hash of ['x', 'y', 'z']) cache.keep(row(hash), cache.mark());
    assert.deepEqual(
      ['x', 'y', 'z'].map((hash) => cache.get(hash) !== undefined),
      [false, true, true],
    );
    cache.stop();
  });

  it('keeps nothing once stopped, and is not offered on PostgreSQL', async () => {
    const cache = SessionCache.over(database.db)!;
    cache.keep(row('b'), cache.mark());
    cache.stop();
    cache.keep(row('b'), cache.mark());
    assert.equal(cache.get('b'), undefined);
    const postgres = openDatabase({ dialect: 'postgres', url: TEST_DATABASE_URL });
    try {
      assert.equal(SessionCache.over(postgres.db), undefined);
    } finally {
      await postgres.close();
    }
  });
});
