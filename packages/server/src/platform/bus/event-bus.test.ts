import {
  NATS_URL,
  REDIS_URL,
  natsReachable,
  redisReachable,
  runBusContract,
  skipUnless,
} from './event-bus.contract';
import { createMemoryBus, createMemoryHub } from './memory-bus';
import { createNatsBus } from './nats-bus';
import { createRedisBus } from './redis-bus';

const [redisUp, natsUp] = await Promise.all([redisReachable(), natsReachable()]);

const hub = createMemoryHub();
runBusContract('memory', async (options) => createMemoryBus({ ...options, hub }));
runBusContract(
  'Redis',
  (options) => createRedisBus(REDIS_URL, options),
  skipUnless(redisUp, `Redis at ${REDIS_URL}`),
);
runBusContract(
  'NATS',
  (options) => createNatsBus(NATS_URL, options),
  skipUnless(natsUp, `NATS at ${NATS_URL}`),
);
