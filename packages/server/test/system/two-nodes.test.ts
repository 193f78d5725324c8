import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Conversation, Receipts, UserEvent } from '@carillon/protocol/messaging';
import { CloseCode } from '@carillon/protocol/realtime';
import {
  call,
  groupWith,
  send,
  type Person,
} from '../../src/features/messaging/messaging.test-support';
import { BROKERS, skipUnless } from '../../src/platform/bus/event-bus.contract';
import { nthPresence } from '../../src/features/realtime/realtime.test-support';
import { befriend } from '../contacts';
import { unavailableReason } from '../databases';
import { registerUser } from '../factories';
import { RealtimeClient } from '../realtime-client';
import { wholeEventLog, wholeHistory } from './http-api';
import { startCluster, type Cluster, type ClusterNode } from './cluster';
import { assertInLogOrder, assertEveryMessageAnnounced, assertGaplessOnce } from './stream-checks';

const MAX_SENDS_PER_TALKER = 300;
const postgresMissing = await unavailableReason('postgres');
const brokers = await Promise.all(
  BROKERS.map(async (broker) => ({
    ...broker,
    skip: postgresMissing ?? skipUnless(await broker.reachable(), broker.where),
  })),
);

/** Joins `who` to a group through `node` with an invite token made elsewhere. */
async function joinVia(node: ClusterNode, who: Person, token: string): Promise<void> {
  const joined = await call(node, who, 'POST', '/api/conversations/join', { token });
  assert.equal(joined.statusCode, 200, joined.body);
}

/** Opens `who`'s WebSocket on `node` (resuming after `after`) and waits until it is caught up. */
async function socketOn(node: ClusterNode, who: Person, after?: number): Promise<RealtimeClient> {
  const client = await RealtimeClient.connect(`${node.url.replace(/^http/, 'ws')}/api/ws`, {
    token: who.token,
    ...(after === undefined ? {} : { after }),
  });
  await client.waitFor((frame) => frame.type === 'ready');
  return client;
}

/** Sends texts one after another through `node` until stopped; `stop` resolves to the count sent. */
function keepSending(node: ClusterNode, who: Person, conversationId: string) {
  let stopped = false;
  const sending = (async () => {
    let count = 0;
    // Bounded: the test stops it long before, unless something hangs.
    while (!stopped && count < MAX_SENDS_PER_TALKER)
      await send(node, who, conversationId, `#${++count}`);
    return count;
  })();
  return {
    stop: () => {
      stopped = true;
      return sending;
    },
  };
}

const total = (counts: number[]) => counts.reduce((sum, n) => sum + n, 0);

/** Waits until `who`'s log, read through `node`, holds an event past `cursor`. */
async function waitUntilLogPasses(node: ClusterNode, who: Person, cursor: number) {
  for (let waited = 0; ; waited += 20) {
    const newest = (await wholeEventLog(node.url, who, cursor)).at(-1)?.cursor ?? cursor;
    if (newest > cursor) return;
    if (waited >= 5_000) throw new Error(`the log never passed cursor ${cursor}`);
    await sleep(20);
  }
}

for (const broker of brokers) {
  describe(`two server nodes sharing PostgreSQL and ${broker.name}`, { skip: broker.skip }, () => {
    let cluster: Cluster;
    let a: ClusterNode;
    let b: ClusterNode;
    before(async () => {
      cluster = await startCluster(broker.env);
      ({ a, b } = cluster);
    });
    after(async () => {
      await cluster?.close();
    });

    it('orders concurrent sends through both nodes into one gapless history and log', async () => {
      const owner = await registerUser(a);
      const localFriend = await registerUser(a);
      const remote = await registerUser(b);
      const group = await groupWith(a, owner, [localFriend]);
      await joinVia(b, remote, group.token);
      await Promise.all([
        ...Array.from({ length: 15 }, (_, i) => send(a, owner, group.id, `from A ${i}`)),
        ...Array.from({ length: 15 }, (_, i) => send(b, remote, group.id, `from B ${i}`)),
      ]);
      const history = await wholeHistory(a.url, localFriend, group.id);
      assert.equal(history.length, 30);
      assertGaplessOnce(history);
      assert.deepEqual(await wholeHistory(b.url, remote, group.id), history, 'both nodes agree');
      for (const [node, who] of [
        [b, owner],
        [a, remote],
        [b, localFriend],
      ] as const) {
        const events = await wholeEventLog(node.url, who);
        assertInLogOrder(events);
        assertEveryMessageAnnounced(events, group.id, history);
      }
    });

    it('pushes messages and receipts made on one node to sockets on the other', async () => {
      const sender = await registerUser(a);
      const reader = await registerUser(b);
      const group = await groupWith(a, sender);
      await joinVia(b, reader, group.token);
      const senderSocket = await socketOn(a, sender);
      const readerSocket = await socketOn(b, reader);
      try {
        const message = await send(a, sender, group.id, 'read me');
        await readerSocket.waitFor(
          (f) => f.type === 'event' && f.event.payload.messageId === message.id,
        );
        const read = await call(b, reader, 'POST', `/api/conversations/${group.id}/read`, {
          seq: message.seq,
        });
        assert.equal(read.statusCode, 200, read.body);
        await senderSocket.waitFor((f) => f.type === 'event' && f.event.type === 'receipt.updated');
        const receipt = senderSocket.events.find((e) => e.type === 'receipt.updated')!;
        assert.deepEqual(receipt.payload, {
          conversationId: group.id,
          userId: reader.userId,
          readSeq: message.seq,
        });
      } finally {
        await senderSocket.close();
        await readerSocket.close();
      }
    });

    it('relays presence, typing and the end of a session from one node to sockets on the other', async () => {
      const ann = await registerUser(a);
      const bob = await registerUser(b);
      const group = await groupWith(a, ann);
      await joinVia(b, bob, group.token);
      const watcher = await socketOn(a, ann);
      let bobSocket: RealtimeClient | undefined;
      const nthOnline = async (n: number) => (await nthPresence(watcher, bob.userId, n)).online;
      try {
        watcher.send({ type: 'presence.watch', userIds: [bob.userId] });
        assert.equal(await nthOnline(1), false);
        bobSocket = await socketOn(b, bob);
        assert.equal(await nthOnline(2), true, 'online, seen from the other node');

        bobSocket.send({ type: 'typing', conversationId: group.id });
        await watcher.waitFor((f) => f.type === 'typing' && f.userId === bob.userId);

        // Freezing through node A ends Bob's socket on node B at once, long before its heartbeat.
        const frozen = await call(a, bob, 'POST', '/api/account/freeze', {
          password: bob.password,
        });
        assert.equal(frozen.statusCode, 204, frozen.body);
        const closed = await Promise.race([bobSocket.closed, sleep(3_000, undefined)]);
        assert.equal(closed?.code, CloseCode.sessionEnded);
        assert.equal(await nthOnline(3), false);
      } finally {
        await watcher.close();
        await bobSocket?.close();
      }
    });

    it('opens one direct chat when both people open it at once, one on each node', async () => {
      const mei = await registerUser(a);
      const wei = await registerUser(b);
      await befriend(a, mei, wei);
      const weiSocket = await socketOn(b, wei);
      try {
        const [onA, onB] = await Promise.all([
          call(a, mei, 'POST', '/api/conversations/direct', { userId: wei.userId }),
          call(b, wei, 'POST', '/api/conversations/direct', { userId: mei.userId }),
        ]);
        assert.equal(onA.statusCode, 200, onA.body);
        assert.equal(onB.statusCode, 200, onB.body);
        const chat = onA.json() as Conversation;
        assert.equal((onB.json() as Conversation).id, chat.id, 'one chat for the pair');
        const message = await send(a, mei, chat.id, 'hello from A');
        await weiSocket.waitFor(
          (f) => f.type === 'event' && f.event.payload.messageId === message.id,
        );
        const read = await call(b, wei, 'POST', `/api/conversations/${chat.id}/read`, {
          seq: message.seq,
        });
        assert.equal(read.statusCode, 200, read.body);
        const receipts = await call(
          a,
          mei,
          'GET',
          `/api/conversations/${chat.id}/messages/${message.seq}/receipts`,
        );
        assert.equal((receipts.json() as Receipts).status, 'read');
      } finally {
        await weiSocket.close();
      }
    });

    it('pages exactly the missed events from the other node while sends go on', async () => {
      const talkerA = await registerUser(a);
      const follower = await registerUser(a);
      const talkerB = await registerUser(b);
      const group = await groupWith(a, talkerA, [follower]);
      await joinVia(b, talkerB, group.token);
      await send(a, talkerA, group.id, 'before the move');
      // The follower is caught up on node A, then goes away while both nodes keep sending.
      const seen = await wholeEventLog(a.url, follower);
      const away = seen.at(-1)!.cursor;
      const talk = [keepSending(a, talkerA, group.id), keepSending(b, talkerB, group.id)];
      const resumed: UserEvent[] = [];
      const cursor = () => resumed.at(-1)?.cursor ?? away;
      let sent: number[];
      try {
        // It comes back on node B mid-stream and reads on from its cursor as events arrive.
        for (let waited = 0; resumed.length < 20; waited += 20) {
          if (waited >= 10_000) throw new Error(`only ${resumed.length} events arrived`);
          const more = await wholeEventLog(b.url, follower, cursor());
          resumed.push(...more);
          if (more.length === 0) await sleep(20);
        }
      } finally {
        sent = await Promise.all(talk.map((talker) => talker.stop()));
      }
      resumed.push(...(await wholeEventLog(b.url, follower, cursor())));
      assertInLogOrder(resumed, away);
      assert.deepEqual(
        [...seen, ...resumed],
        await wholeEventLog(a.url, follower),
        'nothing lost, nothing twice',
      );
      const history = await wholeHistory(b.url, follower, group.id);
      assert.equal(history.length, 1 + total(sent));
      assertEveryMessageAnnounced([...seen, ...resumed], group.id, history);
    });

    it('moves a socket from one node to the other mid-stream without losing or repeating', async (t) => {
      const talkerA = await registerUser(a);
      const follower = await registerUser(a);
      const talkerB = await registerUser(b);
      const group = await groupWith(a, talkerA, [follower]);
      await joinVia(b, talkerB, group.token);
      const onA = await socketOn(a, follower, 0);
      const talk = [keepSending(a, talkerA, group.id), keepSending(b, talkerB, group.id)];
      try {
        // Live events arrive on A; the connection drops; events are missed while away.
        await onA.waitForMore(5);
        await onA.close();
        await waitUntilLogPasses(b, follower, onA.cursor + 5);
        // Back on B with the last cursor: the backlog, then live events while sends go on.
        const onB = await socketOn(b, follower, onA.cursor);
        try {
          await onB.waitForMore(5);
          const sent = await Promise.all(talk.map((talker) => talker.stop()));
          const log = await wholeEventLog(a.url, follower);
          await onB.waitForCursor(log.at(-1)!.cursor);
          const received = [...onA.events, ...onB.events];
          assertInLogOrder(received);
          assert.deepEqual(received, log, 'exactly the log: nothing lost, nothing twice');
          const history = await wholeHistory(b.url, follower, group.id);
          assert.equal(history.length, total(sent));
          assertEveryMessageAnnounced(received, group.id, history);
          t.diagnostic(
            `${onA.events.length} events on A, ${onB.events.length} on B, ${history.length} messages`,
          );
        } finally {
          await onB.close();
        }
      } finally {
        await Promise.all(talk.map((talker) => talker.stop()));
      }
    });
  });
}
