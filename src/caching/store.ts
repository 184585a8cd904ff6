// The response cache's store: an LRU bounded by bytes, not by entries (one answer can be a few hundred bytes or a
// few megabytes, and anonymous clients choose which), with the entity index the yoga plugin's invalidation needs:
// "Article:<id>" and "Article" each name the cached answers that hold that article, or any article.
import { LRUCache } from "lru-cache";
import type { Cache } from "@graphql-yoga/plugin-response-cache";

type CachedResult = NonNullable<Awaited<ReturnType<Cache["get"]>>>;

export interface ResponseStore extends Cache {
  /** Drops the answers that hold any of `entities`, handing each to `dropped` first (for the grace: grace.ts). */
  invalidate(
    entities: Iterable<{ typename: string; id?: string | number }>,
    dropped?: (answerId: string, result: CachedResult) => void,
  ): void;
  /** Drops every answer. */
  clear(): void;
  /** Bytes held (JSON length of the answers). */
  size(): number;
}

export function createResponseStore(maxBytes: number): ResponseStore {
  const answersByEntity = new Map<string, Set<string>>();
  const entitiesByAnswer = new Map<string, Set<string>>();
  const forget = (answerId: string) => {
    for (const entity of entitiesByAnswer.get(answerId) ?? []) {
      const answers = answersByEntity.get(entity);
      answers?.delete(answerId);
      if (answers?.size === 0) answersByEntity.delete(entity);
    }
    entitiesByAnswer.delete(answerId);
  };
  const answers = new LRUCache<string, { result: CachedResult; bytes: number }>({
    maxSize: maxBytes,
    sizeCalculation: (entry) => entry.bytes,
    // expired, evicted or replaced: its index entries go with it
    dispose: (_entry, answerId, reason) => {
      if (reason !== "set") forget(answerId);
    },
  });
  return {
    set(answerId, result, entities, ttl) {
      const bytes = JSON.stringify(result).length;
      // An answer larger than a tenth of the whole cache would push out many others: not worth keeping.
      if (bytes > maxBytes / 10 || ttl <= 0) return;
      forget(answerId);
      const keys = new Set<string>();
      for (const { typename, id } of entities) {
        keys.add(typename);
        if (id !== undefined) keys.add(`${typename}:${id}`);
      }
      answers.set(answerId, { result: result as CachedResult, bytes }, { ttl: Number.isFinite(ttl) ? ttl : undefined });
      entitiesByAnswer.set(answerId, keys);
      for (const key of keys) {
        let set = answersByEntity.get(key);
        if (!set) answersByEntity.set(key, (set = new Set()));
        set.add(answerId);
      }
    },
    get: (answerId) => answers.get(answerId)?.result ?? null,
    invalidate(entities, dropped) {
      for (const { typename, id } of entities) {
        const key = id === undefined || id === null ? typename : `${typename}:${id}`;
        for (const answerId of [...(answersByEntity.get(key) ?? [])]) {
          const entry = answers.get(answerId);
          if (entry && dropped) dropped(answerId, entry.result);
          answers.delete(answerId);
        }
      }
    },
    clear() {
      answers.clear();
      answersByEntity.clear();
      entitiesByAnswer.clear();
    },
    size: () => answers.calculatedSize,
  };
}
