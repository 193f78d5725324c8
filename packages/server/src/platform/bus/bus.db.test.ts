import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { startTestApp, uniqueClusterName, type TestApp } from '../../../test/harness';
import { BROKERS, skipUnless, subscribeInbox, uniqueTopic } from './event-bus.contract';
import { createMemoryBus } from './memory-bus';

const clusters = await Promise.all(
  BROKERS.map(async (broker) => ({
    ...broker,
    skip: skipUnless(await broker.reachable(), broker.where),
  })),
);

describe('the app decorates itself with the configured bus', () => {
  const nodes: TestApp[] = [];
  after(async () => {
    await Promise.all(nodes.map((n) => n.close()));
  });

  it('uses an in-process bus by default', async () => {
    const node = await startTestApp('sqlite');
    nodes.push(node);
    const topic = uniqueTopic('app');
    const inbox = await subscribeInbox(node.app.bus, topic);
    await node.app.bus.publish(topic, { type: 'app.woke' });
    assert.deepEqual(await inbox.waitFor(1), [{ type: 'app.woke' }]);
  });

  it('uses, and leaves open, a bus passed in', async () => {
    const bus = createMemoryBus();
    const node = await startTestApp('sqlite', { deps: { bus } });
    assert.equal(node.app.bus, bus);
    await node.close();
    const topic = uniqueTopic('injected');
    const inbox = await subscribeInbox(bus, topic);
    await bus.publish(topic, { type: 'still.open' });
    await inbox.waitFor(1);
    await bus.close();
  });

  for (const cluster of clusters)
    it(
      `joins two nodes of one cluster through ${cluster.name}, and not a node of another`,
      { skip: cluster.skip },
      async () => {
        const ours = { ...cluster.env, CLUSTER_NAME: uniqueClusterName() };
        const [a, b, other] = [
          await startTestApp('sqlite', { env: ours }),
          await startTestApp('sqlite', { env: ours }),
          await startTestApp('sqlite', { env: cluster.env }),
        ];
        nodes.push(a, b, other);
        const topic = uniqueTopic('cluster');
        const [inbox, otherInbox] = [
          await subscribeInbox(b.app.bus, topic),
          await subscribeInbox(other.app.bus, topic),
        ];
        await a.app.bus.publish(topic, { type: 'node.woke', from: 'a' });
        assert.deepEqual(await inbox.waitFor(1), [{ type: 'node.woke', from: 'a' }]);
        // The broker sends one subscriber its messages in the order it took them: had the
        // other cluster's node heard a's event, it would come before the node's own.
        await other.app.bus.publish(topic, { type: 'node.woke', from: 'other' });
        assert.deepEqual(await otherInbox.waitFor(1), [{ type: 'node.woke', from: 'other' }]);
      },
    );
});
