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
  const broker = await createBrokerBus(config, options);
  return broker ? withTopicPrefix(broker, config.clusterName) : createMemoryBus(options);
}

/** The NATS or Redis bus the configuration names, if it names one. */
async function createBrokerBus(
  config: Pick<Config, 'natsUrl' | 'redisUrl' | 'clusterName'>,
  options: BusOptions,
): Promise<EventBus | undefined> {
  if (config.natsUrl) return createNatsBus(config.natsUrl, options);
  if (config.redisUrl)
    return createRedisBus(config.redisUrl, { ...options, name: `${config.clusterName}-bus` });
  return undefined;
}
