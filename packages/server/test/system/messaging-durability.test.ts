import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, it } from 'node:test';
import type { Message } from '@carillon/protocol/messaging';
import type { Dialect } from '../../src/platform/db/database';
import { createTestDatabase, TEST_DATABASE_URL, type TestDatabase } from '../databases';
import { describeEachDialect } from '../harness';
import { RealtimeClient } from '../realtime-client';
import {
  groupOverHttp,
  registerOverHttp,
  request,
  wholeEventLog,
  wholeHistory,
  type HttpPerson,
} from './http-api';
import { sendBurst, type Attempt } from './send-burst';
import { startServerProcess, type ServerProcess } from './server-process';
import { assertInLogOrder, assertEveryMessageAnnounced, assertGaplessOnce } from './stream-checks';

const SENDERS = 4;

/** The test PostgreSQL URL with libpq's schema option, as an operator would write it. */
function urlWithSchema(schema: string): string {
  const url = new URL(TEST_DATABASE_URL);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return url.href;
}

/** The environment of a server process on `db` (its data directory, file or schemas). */
function serverEnv(db: TestDatabase, masterKey: string): Record<string, string> {
  const env = { DATA_DIR: db.dataDir, MASTER_KEY: masterKey, AUTH_RATE_LIMIT_PER_MINUTE: '1000' };
  if (db.dialect === 'sqlite' || db.vaultTarget.dialect !== 'postgres') return env;
  return {
    ...env,
    DATABASE_URL: urlWithSchema(db.schema!),
    VAULT_DATABASE_URL: urlWithSchema(db.vaultTarget.schema!),
  };
}

describeEachDialect('messages survive SIGKILL of the server', (dialect: Dialect) => {
  let db: TestDatabase;
  let env: Record<string, string>;
  const servers: ServerProcess[] = [];
  const start = async () => {
    const server = await startServerProcess(env);
    servers.push(server);
    return server;
  };

  before(async () => {
    db = await createTestDatabase(dialect);
    env = serverEnv(db, randomBytes(32).toString('base64'));
  });
  after(async () => {
    for (const server of servers) await server.kill();
    await db?.drop();
  });

  /** What the first test leaves for the others: who sent what to which group. */
  let burst:
    { owner: HttpPerson; people: HttpPerson[]; groupId: string; attempts: Attempt[] } | undefined;
  let restarted: ServerProcess | undefined;
  const afterBurst = () => {
    assert.ok(burst, 'the burst did not complete (see the first test)');
    return burst;
  };
  const afterRestart = () => {
    assert.ok(restarted, 'the server did not restart (see the second test)');
    return { ...afterBurst(), url: restarted.url };
  };

  it('acknowledges sends until it is killed mid-burst', async () => {
    const first = await start();
    const owner = await registerOverHttp(first.url, db.db);
    const members: HttpPerson[] = [];
    for (let i = 1; i < SENDERS; i++) members.push(await registerOverHttp(first.url, db.db));
    const people = [owner, ...members];
    const groupId = await groupOverHttp(first.url, owner, members);
    const attempts = await sendBurst(first.url, groupId, people, {
      perSender: 150,
      inFlight: 3,
      interruptAfterAcks: 80,
      interruptAfterMs: 20_000,
      interrupt: first.kill,
    });
    assert.ok(
      attempts.some((a) => a.acked),
      'some sends were acknowledged before the kill',
    );
    assert.ok(
      attempts.some((a) => !a.acked),
      'the kill cut some sends off',
    );
    burst = { owner, people, groupId, attempts };
  });

  it('keeps every acknowledged send exactly once, numbered without gaps', async (t) => {
    const { owner, groupId, attempts } = afterBurst();
    restarted = await start();
    const history = await wholeHistory(restarted.url, owner, groupId);
    assertGaplessOnce(history);
    const stored = new Map(history.map((m) => [m.clientId, m.seq]));
    const lost = attempts.filter((a) => a.acked && stored.get(a.clientId) !== a.seq);
    assert.deepEqual(lost, [], 'every acknowledged send is stored at the seq it was answered with');
    const cutOff = attempts.filter((a) => !a.acked);
    t.diagnostic(
      `${attempts.length - cutOff.length} acknowledged, ${cutOff.length} cut off, ` +
        `${cutOff.filter((a) => stored.has(a.clientId)).length} of those committed before the kill`,
    );
  });

  it('stores every send once when it is retried, acknowledged or cut off', async () => {
    const { owner, groupId, attempts, url } = afterRestart();
    for (const attempt of attempts) {
      const answer = await request(url, 'POST', `/api/conversations/${groupId}/messages`, {
        token: attempt.sender.token,
        body: { clientId: attempt.clientId, text: attempt.text },
      });
      assert.equal(answer.status, 201, JSON.stringify(answer.body));
      if (attempt.acked)
        assert.equal((answer.body as Message).seq, attempt.seq, 'the first answer');
    }
    const history = await wholeHistory(url, owner, groupId);
    assertGaplessOnce(history);
    assert.deepEqual(
      history.map((m) => m.clientId).sort(),
      attempts.map((a) => a.clientId).sort(),
      'every attempted send is stored, once',
    );
  });

  it("announces every stored message in each member's event log, once", async () => {
    const { owner, people, groupId, url } = afterRestart();
    const history = await wholeHistory(url, owner, groupId);
    for (const person of people) {
      const events = await wholeEventLog(url, person);
      assertInLogOrder(events);
      assertEveryMessageAnnounced(events, groupId, history);
    }
  });

  it('replays the same log over a WebSocket resumed from the start', async () => {
    const { owner, url } = afterRestart();
    const log = await wholeEventLog(url, owner);
    const client = await RealtimeClient.connect(`${url.replace(/^http/, 'ws')}/api/ws`, {
      token: owner.token,
      after: 0,
    });
    try {
      await client.waitFor((frame) => frame.type === 'ready');
      assert.deepEqual(client.events, log);
    } finally {
      await client.close();
    }
  });
});
