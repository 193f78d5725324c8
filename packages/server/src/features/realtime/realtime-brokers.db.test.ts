import { before, it } from 'node:test';
import {
  NATS_URL,
  REDIS_URL,
  natsReachable,
  redisReachable,
  skipUnless,
} from '../../platform/bus/event-bus.contract';
import { describeEachDialect, useTestApp } from '../../../test/harness';
import { listenOnLoopback } from '../../../test/realtime-client';
import { groupWith, people, send } from '../messaging/messaging.test-support';
import { assertEveryEvent, connectReady, newestCursor } from './realtime.test-support';

const [redisUp, natsUp] = await Promise.all([redisReachable(), natsReachable()]);

const brokers: { name: string; env: Record<string, string>; skip: string | false }[] = [
  { name: 'Redis', env: { REDIS_URL }, skip: skipUnless(redisUp, `Redis at ${REDIS_URL}`) },
  { name: 'NATS', env: { NATS_URL }, skip: skipUnless(natsUp, `NATS at ${NATS_URL}`) },
];

for (const broker of brokers)
  describeEachDialect(`real-time delivery over the ${broker.name} bus`, (dialect) => {
    const t = useTestApp(dialect, { env: broker.env });
    let url: string;
    before(async () => {
      if (!broker.skip) url = await listenOnLoopback(t());
    });

    it(
      'delivers live events and typing, and resumes after a disconnect',
      { skip: broker.skip },
      async () => {
        const [ann, bob] = await people(t(), 2);
        const group = await groupWith(t(), ann!, [bob!]);
        const first = await connectReady(url, bob!, { after: 0 });
        await send(t(), ann!, group.id, 'through the broker');
        await first.waitForCursor(await newestCursor(t(), bob!.userId));

        const annDevice = await connectReady(url, ann!);
        annDevice.send({ type: 'typing', conversationId: group.id });
        await first.waitFor((f) => f.type === 'typing' && f.userId === ann!.userId);

        await first.close();
        for (let i = 0; i < 5; i++) await send(t(), ann!, group.id, `while away ${i}`);
        const second = await first.reconnect();
        await send(t(), ann!, group.id, 'after coming back');
        const newest = await newestCursor(t(), bob!.userId);
        await second.waitForCursor(newest);
        await assertEveryEvent(
          t(),
          bob!.userId,
          [...first.events, ...second.events].map((e) => e.cursor),
        );
        await Promise.all([second.close(), annDevice.close()]);
      },
    );
  });
