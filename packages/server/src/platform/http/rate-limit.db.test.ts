import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestApp, uniqueClusterName, type TestApp } from '../../../test/harness';
import { device, errorId } from '../../../test/factories';
import { REDIS_URL, redisReachable, skipUnless } from '../bus/event-bus.contract';

const skip = skipUnless(await redisReachable(), `Redis at ${REDIS_URL}`);

describe('rate limits shared through Redis by two server nodes', { skip }, () => {
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
});
