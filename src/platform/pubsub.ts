// Typed pub/sub topics in one place. In one process events travel in memory; with REDIS_URL they travel through
// Redis (yoga's createPubSub over @graphql-yoga/redis-event-target) so that a comment posted on one instance
// reaches subscribers on every instance. Every channel carries a namespace, so that several deployments (or test
// runs) can share one Redis without hearing each other. A Redis outage never throws: publishing is best effort,
// and live streams fill what they missed from the event log.
import { createPubSub } from "graphql-yoga";
import { createRedisEventTarget } from "@graphql-yoga/redis-event-target";
import { Redis } from "ioredis";
import type { CommentEventMessage } from "../services/comments/event-message.js";
import type { LiveBlogEventMessage } from "../services/live/event-message.js";
import type { Logger } from "./logger.js";

export interface Topics {
  /** Every change to a comment, keyed by article id. */
  "comment:event": CommentEventMessage;
  /** The same events for the moderators' stream, keyed by "all". */
  "moderation:event": CommentEventMessage;
  /** Every public change to a live blog (updates posted, edited, pinned, withdrawn), keyed by article id. */
  "liveblog:event": LiveBlogEventMessage;
  /** Response-cache invalidations from one instance for the others, keyed by "all" (see response-cache.ts). */
  "cache:invalidate": CacheInvalidation;
}

export interface CacheInvalidation {
  /** The instance that sent it (it has already invalidated its own cache). */
  origin: string;
  /** Entities whose cached answers are stale: a typename alone means every entity of the type. */
  entities?: { typename: string; id?: string | number }[];
  /** Everything is stale. */
  all?: boolean;
}

export interface LedePubSub {
  publish<T extends keyof Topics>(topic: T, id: string, payload: Topics[T]): void;
  /** Starts listening at once; return() stops. */
  subscribe<T extends keyof Topics>(topic: T, id: string): AsyncIterableIterator<Topics[T]>;
  /** Resolves once a registered listener of `topic`/`id` will receive what is published from now on. */
  ready<T extends keyof Topics>(topic: T, id: string): Promise<void>;
  /**
   * Calls `listener` whenever the link to the other instances comes back after a break (Redis restarted or
   * unreachable): what they published meanwhile never arrived here. Never, without Redis. Returns the way to stop.
   */
  onReconnect(listener: () => void): () => void;
}

export interface PubSubHandle {
  pubsub: LedePubSub;
  /** Resolves once what was published so far has reached Redis (or after `timeoutMs`): for short-lived CLIs. */
  flush(timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

type YogaTopics = { [T in keyof Topics]: [id: string, payload: Topics[T]] };

/** Most events one subscriber may have waiting. A subscriber that falls further behind misses events here, which
 * is safe: live streams notice the gap in the sequence and read what they missed from the event log. */
export const SUBSCRIBER_QUEUE_LIMIT = 1000;

interface Target {
  addEventListener(type: string, listener: (event: Event) => void): void;
  removeEventListener(type: string, listener: (event: Event) => void): void;
}

type Deliver = (value: unknown) => void;

/**
 * One event listener per channel, however many subscribers it has. Node's EventTarget looks through every listener
 * of a type when one is added or removed, so ten thousand subscribers of one article, each with a listener of its
 * own, cost 10,000² steps to subscribe; here each subscriber is one entry in a Set.
 */
const channels = new WeakMap<Target, Map<string, { members: Set<Deliver>; listener: (event: Event) => void }>>();

function join(target: Target, type: string, deliver: Deliver): () => void {
  let byType = channels.get(target);
  if (!byType) channels.set(target, (byType = new Map()));
  let channel = byType.get(type);
  if (!channel) {
    const members = new Set<Deliver>();
    const listener = (event: Event) => {
      const value = (event as CustomEvent<unknown>).detail;
      for (const member of members) member(value);
    };
    byType.set(type, (channel = { members, listener }));
    target.addEventListener(type, listener);
  }
  const { members, listener } = channel;
  members.add(deliver);
  return () => {
    if (!members.delete(deliver) || members.size > 0) return;
    byType.delete(type);
    target.removeEventListener(type, listener);
  };
}

/** Listens on `type` at once and queues at most `limit` events; return() stops listening and ends a pending next(). */
export function listen<T>(target: Target, type: string, limit = SUBSCRIBER_QUEUE_LIMIT): AsyncIterableIterator<T> {
  const queue: T[] = [];
  let waiting: ((result: IteratorResult<T>) => void) | undefined;
  let done = false;
  const leave = join(target, type, (value) => {
    if (done) return;
    if (waiting) {
      const resolve = waiting;
      waiting = undefined;
      resolve({ value: value as T, done: false });
    } else if (queue.length < limit) {
      queue.push(value as T);
    }
  });
  const iterator: AsyncIterableIterator<T> = {
    [Symbol.asyncIterator]: () => iterator,
    next() {
      if (queue.length > 0) return Promise.resolve({ value: queue.shift()!, done: false });
      if (done) return Promise.resolve({ value: undefined, done: true });
      return new Promise((resolve) => (waiting = resolve));
    },
    return() {
      if (!done) {
        done = true;
        leave();
        queue.length = 0;
        waiting?.({ value: undefined, done: true });
        waiting = undefined;
      }
      return Promise.resolve({ value: undefined, done: true });
    },
  };
  return iterator;
}

/** Lets a command fail quietly (logged) instead of as an unhandled rejection, which would end the process. */
function quiet(
  client: Redis,
  logger: Logger,
  track?: (command: string, channel: string, done: Promise<unknown>) => void,
): Redis {
  return new Proxy(client, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (property !== "publish" && property !== "subscribe" && property !== "unsubscribe") return value;
      return (...args: unknown[]) => {
        const result = (value as (...a: unknown[]) => Promise<unknown>).apply(target, args).catch((error: unknown) => {
          logger.warn("redis command failed", { command: String(property), error: String(error) });
        });
        track?.(property, String(args[0]), result);
        return result;
      };
    },
  });
}

export function createLedePubSub(options: { redisUrl?: string; namespace: string; logger: Logger }): PubSubHandle {
  const { redisUrl, namespace, logger } = options;
  const channel = (topic: string, id: string) => `${topic}:${namespace}:${id}`;
  if (!redisUrl) {
    const target = new EventTarget();
    const memory = createPubSub<YogaTopics>({ eventTarget: target as never });
    return {
      pubsub: {
        publish: (topic, id, payload) => memory.publish(topic, `${namespace}:${id}`, payload as never),
        subscribe: (topic, id) => listen(target, channel(topic, id)),
        ready: async () => {},
        onReconnect: () => () => {},
      },
      flush: async () => {},
      close: async () => {},
    };
  }
  // ioredis reconnects (and resubscribes) by itself; while Redis is away a publish fails fast instead of queueing.
  const redisOptions = { maxRetriesPerRequest: 1, enableOfflineQueue: true };
  const publishClient = new Redis(redisUrl, redisOptions);
  const subscribeClient = new Redis(redisUrl, redisOptions);
  publishClient.on("error", () => {});
  subscribeClient.on("error", () => {});
  const subscribed = new Map<string, Promise<unknown>>();
  const target = createRedisEventTarget({
    publishClient: quiet(publishClient, logger),
    subscribeClient: quiet(subscribeClient, logger, (command, name, done) => {
      if (command === "subscribe") subscribed.set(name, done);
      else if (command === "unsubscribe") subscribed.delete(name);
    }),
  });
  const remote = createPubSub<YogaTopics>({ eventTarget: target as never });
  // ioredis says "ready" on the first connection and again after every reconnection (it has resubscribed by then).
  const reconnectListeners = new Set<() => void>();
  let connectedBefore = false;
  subscribeClient.on("ready", () => {
    if (connectedBefore) {
      logger.info("redis connection back: events published meanwhile were missed");
      for (const listener of reconnectListeners) listener();
    }
    connectedBefore = true;
  });
  return {
    pubsub: {
      publish: (topic, id, payload) => remote.publish(topic, `${namespace}:${id}`, payload as never),
      subscribe: (topic, id) => listen(target as unknown as Target, channel(topic, id)),
      ready: async (topic, id) => {
        await subscribed.get(channel(topic, id));
      },
      onReconnect: (listener) => {
        reconnectListeners.add(listener);
        return () => reconnectListeners.delete(listener);
      },
    },
    async flush(timeoutMs = 2000) {
      // Commands go out in order: once this PING is answered, every earlier PUBLISH has been handled.
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        publishClient.ping().catch(() => {}),
        new Promise((resolve) => (timer = setTimeout(resolve, timeoutMs))),
      ]);
      clearTimeout(timer);
    },
    async close() {
      publishClient.disconnect();
      subscribeClient.disconnect();
    },
  };
}
