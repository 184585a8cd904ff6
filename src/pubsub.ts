// Typed pub/sub topics in one place. In one process events travel in memory; with REDIS_URL they travel through
// Redis (yoga's createPubSub over @graphql-yoga/redis-event-target) so that a comment posted on one instance
// reaches subscribers on every instance. Every channel carries a namespace, so that several deployments (or test
// runs) can share one Redis without hearing each other.
import { createPubSub } from "graphql-yoga";
import { createRedisEventTarget } from "@graphql-yoga/redis-event-target";
import { Redis } from "ioredis";

/** What is published when a comment is written; subscribers load the comment themselves (with their visibility). */
export interface CommentAddedEvent {
  commentId: string;
  articleId: string;
  seq: number;
  status: string;
  authorId: string;
}

export interface Topics {
  "comment:added": CommentAddedEvent;
}

export interface LedePubSub {
  /** Publishes to everyone following `id` (an article id) on `topic`. */
  publish<T extends keyof Topics>(topic: T, id: string, payload: Topics[T]): void;
  subscribe<T extends keyof Topics>(topic: T, id: string): AsyncIterable<Topics[T]>;
}

export interface PubSubHandle {
  pubsub: LedePubSub;
  close(): Promise<void>;
}

type YogaTopics = { [T in keyof Topics]: [id: string, payload: Topics[T]] };

export function createLedePubSub(options: { redisUrl?: string; namespace: string }): PubSubHandle {
  const { redisUrl, namespace } = options;
  let close = async () => {};
  let yogaPubSub;
  if (!redisUrl) {
    yogaPubSub = createPubSub<YogaTopics>();
  } else {
    // ioredis reconnects by itself; fail a publish fast while Redis is away rather than queueing it forever.
    const redisOptions = { maxRetriesPerRequest: 1, enableOfflineQueue: true };
    const publishClient = new Redis(redisUrl, redisOptions);
    const subscribeClient = new Redis(redisUrl, redisOptions);
    // Without listeners ioredis reports connection errors as unhandled; a Redis outage must not take Lede down.
    publishClient.on("error", () => {});
    subscribeClient.on("error", () => {});
    yogaPubSub = createPubSub<YogaTopics>({
      eventTarget: createRedisEventTarget({ publishClient, subscribeClient }) as never,
    });
    close = async () => {
      publishClient.disconnect();
      subscribeClient.disconnect();
    };
  }
  const pubsub = yogaPubSub;
  return {
    pubsub: {
      publish: (topic, id, payload) => pubsub.publish(topic, `${namespace}:${id}`, payload as never),
      subscribe: (topic, id) =>
        (pubsub.subscribe as (t: string, i: string) => AsyncIterable<never>)(topic, `${namespace}:${id}`),
    },
    close: () => close(),
  };
}
