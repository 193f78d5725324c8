import type { Config } from '../../config';
import type { BusOptions, EventBus } from './event-bus';
import { createMemoryBus } from './memory-bus';
import { createNatsBus } from './nats-bus';
import { createRedisBus } from './redis-bus';
import { withTopicPrefix } from './topic-prefix';

/**
 * The configured event bus: NATS when NATS_URL is set, else Redis when
 * REDIS_URL is set, else the in-process bus of the embedded default. Every
 * node of a cluster must name the same broker and CLUSTER_NAME, or nodes will
 * not hear each other; a broker's topics all start with the cluster's name.
 */
export async function createBus(
  config: Pick<Config, 'natsUrl' | 'redisUrl' | 'clusterName'>,
  options: BusOptions = {},
): Promise<EventBus> {
  if (config.natsUrl)
    return withTopicPrefix(await createNatsBus(config.natsUrl, options), config.clusterName);
  if (config.redisUrl)
    return withTopicPrefix(
      await createRedisBus(config.redisUrl, { ...options, name: `${config.clusterName}-bus` }),
      config.clusterName,
    );
  return createMemoryBus(options);
}
