// Typed pub/sub topics in one place. In one process events travel in memory; with REDIS_URL they travel through
// Redis so that a comment posted on one instance reaches subscribers on every instance.
import { createPubSub, type PubSub } from "graphql-yoga";
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

export type Topics = {
  "comment:added": [articleId: string, payload: CommentAddedEvent];
};

export type LedePubSub = PubSub<Topics>;

export interface PubSubHandle {
  pubsub: LedePubSub;
  close(): Promise<void>;
}

export function createLedePubSub(redisUrl?: string): PubSubHandle {
  if (!redisUrl) return { pubsub: createPubSub<Topics>(), close: async () => {} };
  // ioredis reconnects by itself; keep commands from piling up forever while Redis is away.
  const options = { maxRetriesPerRequest: 1, enableOfflineQueue: true, lazyConnect: false };
  const publishClient = new Redis(redisUrl, options);
  const subscribeClient = new Redis(redisUrl, options);
  // Without listeners ioredis reports connection errors as unhandled; a Redis outage must not take Lede down.
  publishClient.on("error", () => {});
  subscribeClient.on("error", () => {});
  const eventTarget = createRedisEventTarget({ publishClient, subscribeClient });
  return {
    pubsub: createPubSub<Topics>({ eventTarget: eventTarget as never }),
    async close() {
      publishClient.disconnect();
      subscribeClient.disconnect();
    },
  };
}
