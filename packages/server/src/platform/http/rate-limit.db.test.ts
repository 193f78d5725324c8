import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Redis } from 'ioredis';
import { startTestApp, uniqueClusterName, type TestApp } from '../../../test/harness';
import { device, errorId } from '../../../test/factories';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

async function redisReachable(): Promise<boolean> {
  const client = new Redis(REDIS_URL, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  try {
    await client.connect();
    return (await client.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

const reachable = await redisReachable();
if (!reachable && process.env.CI === 'true')
  throw new Error(`Redis is not reachable at ${REDIS_URL}`);

describe(
  'rate limits shared through Redis by two server nodes',
  { skip: !reachable && `Redis is not reachable at ${REDIS_URL}` },
  () => {
    let nodes: TestApp[] = [];
    before(async () => {
      // One cluster name: the two nodes share their limits, and no other test's.
      const env = { REDIS_URL, AUTH_RATE_LIMIT_PER_MINUTE: '4', CLUSTER_NAME: uniqueClusterName() };
      nodes = [await startTestApp('sqlite', { env }), await startTestApp('sqlite', { env })];
    });
    after(async () => {
      await Promise.all(nodes.map((n) => n.close()));
    });

    it('counts requests from one address on either node against one limit', async () => {
      const remoteAddress = '198.51.100.7';
      const payload = { phone: '+6591234567', password: 'not a real password', device };
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) {
        const node = nodes[i % 2]!;
        const response = await node.request({
          method: 'POST',
          url: '/api/auth/login',
          payload,
          remoteAddress,
        });
        statuses.push(response.statusCode);
        if (response.statusCode === 429) assert.equal(errorId(response), 'rate_limited');
      }
      assert.deepEqual(statuses, [401, 401, 401, 401, 429]);
    });
  },
);
