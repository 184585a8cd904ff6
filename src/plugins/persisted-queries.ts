// Automatic persisted queries (Apollo's protocol) for mobile clients: a client sends a query's SHA-256; an unknown
// hash is PERSISTED_QUERY_NOT_FOUND (404) and the client sends the query once with its hash. Anyone can register,
// so the store is bounded: at most 2000 queries of at most 16 KB each, kept a day, per instance. A longer query still
// runs, unregistered, and a miss (another instance, an expired hash) only costs the client one re-send.
import { createLRUCache, type Plugin } from "graphql-yoga";
import { useAPQ } from "@graphql-yoga/plugin-apq";

const MAX_QUERIES = 2000;
const MAX_QUERY_LENGTH = 16 * 1024;
const KEEP_MS = 24 * 3600 * 1000;

export function usePersistedQueries(): Plugin {
  const store = createLRUCache<string>({ max: MAX_QUERIES, ttl: KEEP_MS });
  return useAPQ({
    store: {
      get: (hash) => store.get(hash),
      set: (hash, query) => {
        if (query.length <= MAX_QUERY_LENGTH) store.set(hash, query);
      },
    },
  }) as Plugin;
}
