import type { PubSub } from 'type-graphql';
import { asyncQueue } from './asyncQueue';

/**
 * An in-process topic bus, for subscriptions declared with `topics`. type-graphql requires one
 * whenever the schema has subscriptions; planProgressChanged follows the read models directly.
 */
export function createPubSub(): PubSub {
  const topics = new Map<string, Set<(payload: unknown) => void>>();
  const key = (routingKey: string, dynamicId?: unknown) =>
    dynamicId === undefined ? routingKey : `${routingKey}:${String(dynamicId)}`;
  return {
    publish(routingKey, ...args) {
      for (const deliver of topics.get(routingKey) ?? []) deliver(args[0]);
    },
    subscribe(routingKey, dynamicId) {
      const topic = key(routingKey, dynamicId);
      const subscribers = topics.get(topic) ?? new Set();
      topics.set(topic, subscribers);
      const queue = asyncQueue<unknown>(() => subscribers.delete(queue.push));
      subscribers.add(queue.push);
      return queue.iterator;
    },
  };
}
