import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { CloseCode } from '@carillon/protocol/realtime';
import type { FastifyInstance } from 'fastify';
import { describeEachDialect, useTestApp } from '../../../test/harness';
import { listenOnLoopback, RealtimeClient } from '../../../test/realtime-client';
import { buildApp } from '../../app';
import { createMemoryBus, createMemoryHub } from '../../platform/bus/memory-bus';
import { connectReady } from '../realtime/realtime.test-support';
import { enterpriseMember } from './org-admin.test-support';
import { call, orgWith, person } from './organizations.test-support';

/** Far longer than the test may wait: only the bus event can close the sockets in time. */
const SLOW_HEARTBEAT = { WS_HEARTBEAT_MS: '60000', AUTH_RATE_LIMIT_PER_MINUTE: '1000' };
/** How long the sockets may take to close after the disable answered. */
const CUT_WITHIN_MS = 3_000;

describeEachDialect('disabling an enterprise account cuts its sockets', (dialect) => {
  // Two nodes on one database, joined by one bus, as in a deployment.
  const hub = createMemoryHub();
  const otherBus = createMemoryBus({ hub });
  let other: FastifyInstance | undefined;
  // Registered first, so it runs before the first node drops the database.
  after(async () => {
    await other?.close();
    await otherBus.close();
  });
  const t = useTestApp(dialect, { env: SLOW_HEARTBEAT, deps: { bus: createMemoryBus({ hub }) } });
  let urls: string[];
  before(async () => {
    const node = await buildApp({
      config: t().config,
      database: t().db,
      vault: t().vault,
      secret: 'test-secret-test-secret-test-secret!',
      clock: t().clock,
      bus: otherBus,
    });
    other = node;
    await node.ready();
    urls = [await listenOnLoopback(t()), await listenOnLoopback({ app: node })];
  });

  it('closes every socket of the account on every node at once, not at the heartbeat', async () => {
    const admin = await person(t());
    const org = await orgWith(t(), admin);
    const { account, grant } = await enterpriseMember(t(), admin, org.id, 'cut.me');
    const bystander = await person(t());
    const sockets = [
      await connectReady(urls[0]!, grant),
      await connectReady(urls[1]!, grant),
      await connectReady(urls[1]!, grant),
    ];
    const untouched = await connectReady(urls[1]!, bystander);
    const disabled = await call(
      t(),
      admin,
      'POST',
      `/api/organizations/${org.id}/enterprise-accounts/${account.userId}/disable`,
    );
    assert.equal(disabled.statusCode, 200, disabled.body);
    const closes = await Promise.race([
      Promise.all(sockets.map((s) => s.closed)),
      new Promise<'late'>((resolve) => setTimeout(() => resolve('late'), CUT_WITHIN_MS)),
    ]);
    assert.notEqual(closes, 'late', `sockets still open ${CUT_WITHIN_MS} ms after disabling`);
    for (const close of closes as { code: number }[])
      assert.equal(close.code, CloseCode.sessionEnded);
    untouched.send({ type: 'ping', id: 'still-here' });
    await untouched.waitFor((f) => f.type === 'pong' && f.id === 'still-here');
    await untouched.close();
    const reconnect = await RealtimeClient.connect(urls[1]!, { token: grant.token }).then(
      () => 'opened',
      () => 'refused',
    );
    assert.equal(reconnect, 'refused', 'the ended session cannot open a socket again');
  });
});
