// The server-side response cache: anonymous query answers, kept in memory (an LRU per instance, bounded in bytes:
// cache-store.ts) for the TTLs of
// cache-policy.ts and dropped as soon as something they contain changes:
// - comment changes (posts, edits, removals, reactions, moderation) drop the answers that hold the comment, its
//   thread or its article. They are read from the comment event stream, which every instance hears (through Redis
//   when REDIS_URL is set), and on the instance that made the change before the mutation answers; what a change
//   that only adds (a new comment, a reaction, a flag) drops stays readable for a short grace (grace.ts);
// - live-blog changes (each a live-blog event) drop the answers that hold the blog's article, on the instance that
//   made the change before the mutation answers, and on the others through the broadcast below;
// - every other mutation (editorial changes, the entity graph) drops the whole cache: they are rare, and they change
//   what lists show (a newly published article is in no cached list yet);
// - the yoga plugin drops the answers that hold any entity a mutation returns (but for comment mutations: below).
// Invalidations other than comment events are broadcast through the pub/sub, so with Redis every instance drops
// them too. Answers to token holders are never stored (their TTL is 0), and neither is any answer that selects a
// viewer-specific field, so what is cached is what every anonymous reader sees.
import { randomUUID } from "node:crypto";
import { getOperationAST, Kind, type DocumentNode, type ExecutionArgs } from "graphql";
import type { Plugin } from "graphql-yoga";
import { hashSHA256, useResponseCache, type Cache } from "@graphql-yoga/plugin-response-cache";
import stableStringify from "fast-json-stable-stringify";
import { entitiesOf, onlyAdds } from "./comment-events.js";
import { createFlights, isShareable } from "./flights.js";
import { createGrace } from "./grace.js";
import {
  DEFAULT_TTL_MS,
  mutationsCoveredByCommentEvents,
  mutationsCoveredByLiveBlogEvents,
  TTL_BY_TYPE,
  ttlPerSchemaCoordinate,
} from "./policy.js";
import { createResponseStore } from "./store.js";
import type { Context } from "../context.js";
import { encodeGlobalId } from "../global-id.js";
import type { Logger } from "../platform/logger.js";
import type { CacheInvalidation, LedePubSub } from "../platform/pubsub.js";
import type { CommentEventMessage } from "../services/comments/event-message.js";

/** Mutations whose every effect on public answers shows in an event stream that drops what it names (the comment
 * events, or the live-blog events: see observe() below), or that have none: those marked INVALIDATED_BY_COMMENT_EVENTS
 * or INVALIDATED_BY_LIVE_BLOG_EVENTS where they are declared. */
const COMMENT_EVENT_MUTATIONS = mutationsCoveredByCommentEvents();
const MUTATIONS_COVERED_BY_EVENTS = new Set([...COMMENT_EVENT_MUTATIONS, ...mutationsCoveredByLiveBlogEvents()]);

export interface LedeResponseCache {
  /** The pub/sub for contexts: a comment event published through it drops the local entries at once. */
  observe(pubsub: LedePubSub): LedePubSub;
  /** Drops every cached answer, here and on the other instances. */
  purge(): void;
  close(): void;
}

/** Lists whose membership a comment changes without the comment events naming them (an article's first comment
 * puts it in `hasComments` lists and moves it in MOST_COMMENTED pages): such answers live only as long as comments. */
const COMMENT_SENSITIVE = /\bhasComments\b|\bMOST_COMMENTED\b/;

/** The root fields a mutation selected (by response key), or null when it spreads fragments at the root. */
function rootFields(args: { document: DocumentNode; operationName?: string | null }) {
  const operation = getOperationAST(args.document, args.operationName ?? undefined);
  if (operation?.operation !== "mutation") return undefined;
  const fields: { name: string; key: string }[] = [];
  for (const selection of operation.selectionSet.selections) {
    if (selection.kind !== Kind.FIELD) return null;
    fields.push({ name: selection.name.value, key: selection.alias?.value ?? selection.name.value });
  }
  return fields;
}

export function createLedeResponseCache(options: {
  pubsub: LedePubSub;
  logger: Logger;
  maxBytes: number;
  /** How long an answer a new comment made out of date may still be served while it is read again (grace.ts). */
  graceMs: number;
  now?: () => number;
}): LedeResponseCache {
  const { pubsub, logger, maxBytes } = options;
  const now = options.now ?? Date.now;
  const origin = randomUUID();
  const local = createResponseStore(maxBytes);
  // Answers in grace are a fraction of the cache's budget: the hot pages of a busy story, not the long tail.
  const grace = createGrace({ graceMs: options.graceMs, maxBytes: maxBytes / 4, now });
  const broadcast = (message: Omit<CacheInvalidation, "origin">) =>
    pubsub.publish("cache:invalidate", "all", { origin, ...message });

  // Misses of the same answer while it is being read wait for the one reading it (flights.ts).
  const flights = createFlights();
  const keyOfContext = new WeakMap<object, string>();
  const cache: Cache = {
    get(key) {
      const fresh = local.get(key);
      if (fresh) return fresh;
      // An answer still in its grace is served at once while someone reads it again, or until it is due to be read
      // again; the reader who finds it due reads (grace.ts).
      const inGrace = grace.get(key);
      if (inGrace && (!inGrace.due || flights.underWay(key))) return inGrace.result;
      return flights.join(key, generation);
    },
    set: (key, result, entities, ttl) => local.set(key, result, entities, ttl),
    invalidate(entities) {
      const list = [...entities].map(({ typename, id }) => ({ typename, id }));
      if (list.length === 0) return;
      invalidateLocal(list);
      broadcast({ entities: list });
    },
  };
  // The plugin also drops every entity a mutation returns. A comment mutation's events already say what it changed,
  // and its answer holds its author, whose earlier comments are on the very pages a new comment leaves in grace: for
  // those mutations that second drop is skipped. The plugin asks for the cache by context when given a function (the
  // yoga wrapper reads it as the cache itself: hence a function with the cache's methods).
  const answeredByCommentEvents = new WeakSet<object>();
  const cacheOfContext = Object.assign(
    (context: object): Cache => ({
      get: cache.get,
      set: cache.set,
      invalidate: (entities) => (answeredByCommentEvents.has(context) ? undefined : cache.invalidate(entities)),
    }),
    cache,
  );
  // Bumped by every invalidation: an answer whose execution overlapped one may hold what was just invalidated, so
  // it is not stored (it would otherwise outlive the purge for its whole TTL).
  let generation = 0;
  // The generation of the last change that took something away (an edit, a removal): no answer read before it may
  // go into grace.
  let takenAwayAt = 0;
  const started = new WeakMap<object, { generation: number; commentSensitive: boolean }>();
  /** `adds`: the change only adds to what answers show (a new comment, a reaction): they may be served in grace. */
  const invalidateLocal = (entities: { typename: string; id?: string | number }[], adds = false) => {
    generation++;
    if (adds) {
      const at = now();
      local.invalidate(entities, (key, result) => grace.keep(key, result, at));
    } else {
      takenAwayAt = generation;
      grace.clear();
      local.invalidate(entities);
    }
  };
  const dropAll = () => {
    generation++;
    takenAwayAt = generation;
    grace.clear();
    local.clear();
  };

  // What the other instances did. Our own messages come back too (through Redis); they are skipped.
  const invalidations = pubsub.subscribe("cache:invalidate", "all");
  const commentEvents = pubsub.subscribe("moderation:event", "all");
  const follow = async <T>(stream: AsyncIterableIterator<T>, apply: (message: T) => void) => {
    try {
      for await (const message of stream) apply(message);
    } catch (error) {
      logger.warn("response cache invalidations stopped", { error: String(error) });
    }
  };
  void follow(invalidations, (message) => {
    if (message.origin === origin) return;
    if (message.all) dropAll();
    else if (message.entities) invalidateLocal(message.entities);
  });
  void follow(commentEvents, (event) => invalidateLocal(entitiesOf(event), onlyAdds(event)));
  // While Redis was away, the other instances' invalidations (and their comment events) never reached this one: any
  // answer kept here may be stale, and nothing says which. Start again from an empty cache.
  const stopFollowingReconnects = pubsub.onReconnect(() => {
    logger.info("response cache dropped: invalidations may have been missed while Redis was away");
    dropAll();
  });

  const purge = () => {
    dropAll();
    broadcast({ all: true });
  };

  /** An anonymous query over HTTP (the ones with a cache key) reads for everyone who asks the same meanwhile. */
  const flyFor = (args: ExecutionArgs) => {
    const context = args.contextValue as Context | undefined;
    const key = context ? keyOfContext.get(context) : undefined;
    if (!key || context?.viewer !== null) return undefined;
    if (getOperationAST(args.document, args.operationName ?? undefined)?.operation !== "query") return undefined;
    const flight = flights.start(key, generation);
    return flight ? { key, flight, readAt: now() } : undefined;
  };

  const purgeAfterOtherMutations: Plugin = {
    onExecute({ args }) {
      if (typeof args.contextValue === "object" && args.contextValue !== null) {
        const text = (args.document.loc?.source.body ?? "") + JSON.stringify(args.variableValues ?? {});
        started.set(args.contextValue, { generation, commentSensitive: COMMENT_SENSITIVE.test(text) });
      }
      const flying = flyFor(args);
      if (flying) {
        return {
          onExecuteDone({ result }) {
            flights.land(flying.key, flying.flight, result);
            // Read after the last change that took something away: the newest answer there is, for the grace.
            if (flying.flight.generation >= takenAwayAt && isShareable(result)) {
              grace.keep(flying.key, result, flying.readAt);
            }
          },
        };
      }
      const fields = rootFields(args);
      if (fields === undefined) return;
      if (fields?.length && fields.every((field) => COMMENT_EVENT_MUTATIONS.has(field.name))) {
        answeredByCommentEvents.add(args.contextValue as object);
      }
      return {
        onExecuteDone({ result }) {
          // A streamed (@defer) mutation: its root fields have run, but their data is not here to look at.
          if (Symbol.asyncIterator in result) {
            if (fields === null || fields.some((field) => !MUTATIONS_COVERED_BY_EVENTS.has(field.name))) purge();
            return;
          }
          const data = result.data as Record<string, unknown> | null | undefined;
          if (!data) return;
          // A failed mutation changed nothing (each is one transaction); a fragment at the root: assume the worst.
          const changed =
            fields === null ||
            fields.some((field) => !MUTATIONS_COVERED_BY_EVENTS.has(field.name) && data[field.key] != null);
          if (changed) purge();
        },
      };
    },
  };

  // The yoga plugins (the response cache and the purge after other mutations) come from useLedeResponseCache.
  const { plugins, ...handle }: LedeResponseCache & { plugins: Plugin[] } = {
    plugins: [
      useResponseCache<Context>({
        cache: cacheOfContext,
        ttl: DEFAULT_TTL_MS,
        ttlPerSchemaCoordinate: ttlPerSchemaCoordinate(),
        // Anonymous requests share one entry; a token holder's answers are never stored (see onTtl), but their
        // mutations still go through the plugin, which drops what the mutation returns.
        session: (request) => request.headers.get("authorization")?.trim() || null,
        // The key as the plugin's own default builds it (variables in a stable order), kept by context so that the
        // execution knows which answer it is reading for the readers waiting on it.
        buildResponseCacheKey: async ({ documentString, operationName, variableValues, sessionId, context }) => {
          const key = await hashSHA256(
            [documentString, operationName ?? "", stableStringify(variableValues ?? {}), sessionId ?? ""].join("|"),
          );
          if (typeof context === "object" && context !== null) keyOfContext.set(context, key);
          return key;
        },
        // Over graphql-ws there is no HTTP request to key by: those operations bypass the cache (their mutations
        // still invalidate it, through the comment events and the purge below).
        enabled: (request) => request !== undefined,
        onTtl: ({ ttl, context }) => {
          if ((context as Context | undefined)?.viewer) return 0;
          const start = context ? started.get(context) : undefined;
          if (!start || start.generation !== generation) return 0;
          return start.commentSensitive ? Math.min(ttl, TTL_BY_TYPE.Comment ?? ttl) : ttl;
        },
        includeExtensionMetadata: false,
      }),
      purgeAfterOtherMutations,
    ],
    observe: (target) => ({
      ...target,
      publish(topic, id, payload) {
        if (topic === "moderation:event") {
          const event = payload as CommentEventMessage;
          invalidateLocal(entitiesOf(event), onlyAdds(event));
        }
        if (topic === "liveblog:event") {
          // A live blog's answers hang off its article: drop them here at once, and on the other instances.
          const entities = [{ typename: "Article", id: encodeGlobalId("Article", id) }];
          invalidateLocal(entities);
          broadcast({ entities });
        }
        target.publish(topic, id, payload);
      },
    }),
    purge,
    close() {
      stopFollowingReconnects();
      void invalidations.return?.();
      void commentEvents.return?.();
    },
  };
  pluginsOf.set(handle, plugins);
  return handle;
}

const pluginsOf = new WeakMap<LedeResponseCache, Plugin[]>();

/** The yoga plugins of a response cache: the cache itself, then the purge after other mutations. */
export function useLedeResponseCache(cache: LedeResponseCache): Plugin {
  return {
    // Adds them right after this entry, in this order (envelop's way for a plugin made of plugins).
    onPluginInit({ addPlugin }) {
      for (const plugin of pluginsOf.get(cache)!) addPlugin(plugin);
    },
  };
}
