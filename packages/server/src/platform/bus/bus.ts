import type { Config } from '../../config';
import type { BusOptions, EventBus } from './event-bus';
import { createMemoryBus } from './memory-bus';
import { createNatsBus } from './nats-bus';
import { createRedisBus } from './redis-bus';

/**
 * The configured event bus: NATS when NATS_URL is set, else Redis when
 * REDIS_URL is set, else the in-process bus of the embedded default. Every
 * node of a cluster must name the same broker, or nodes will not hear each other.
 */
export async function createBus(
  config: Pick<Config, 'natsUrl' | 'redisUrl'>,
  options: BusOptions = {},
): Promise<EventBus> {
  if (config.natsUrl) return createNatsBus(config.natsUrl, options);
  if (config.redisUrl) return createRedisBus(config.redisUrl, options);
  return createMemoryBus(options);
}
