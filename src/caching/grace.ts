// Grace for the response cache. A new comment on a breaking story drops the story's and the front page's answers
// (they show the comment's count and the latest comments), and at ten comments a second they are dropped faster than
// a loaded core reads them again: every reader then read for themselves, and reads fell to a few per cent of what the
// same pages served without comments. So an answer that a new comment (or a reaction, or a flag) made out of date
// stays readable for a short grace while one reader reads it again: readers who ask meanwhile get it at once, as a
// CDN's stale-while-revalidate would serve them. The grace counts from when the answer's data was read, so nobody
// gets an answer older than that, and it applies only to changes that add: an edit, a removal, a moderation decision
// or an anonymised author drops every answer in grace at once (see response-cache.ts). Anonymous answers only: the
// cache keeps nothing else, and a signed-in poster always reads their own comment.
import type { ExecutionResult } from "graphql";
import { LRUCache } from "lru-cache";

interface InGrace {
  result: ExecutionResult;
  /** When the answer's data was read (ms): it is served until readAt + graceMs. */
  readAt: number;
}

export interface Grace {
  /** Keeps an answer whose data was read at `readAt`, unless a newer one is kept for the key. */
  keep(key: string, result: ExecutionResult, readAt: number): void;
  /** The answer kept for `key` while its grace lasts, and whether it is old enough to be read again (`due`). */
  get(key: string): { result: ExecutionResult; due: boolean } | undefined;
  /** Forgets every answer in grace. */
  clear(): void;
}

/**
 * An answer in grace is read again once it is older than this share of the grace, not at every change: at ten
 * comments a second, a hot page is then read again about four times a second (grace 1 s) instead of ten, and its
 * readers are never answered with data older than the grace.
 */
const REREAD_AFTER = 0.25;

export function createGrace(options: { graceMs: number; maxBytes: number; now?: () => number }): Grace {
  const { graceMs, maxBytes } = options;
  const now = options.now ?? Date.now;
  const kept = new LRUCache<string, InGrace>({
    maxSize: Math.max(1, maxBytes),
    sizeCalculation: (entry) => Math.max(1, JSON.stringify(entry.result).length),
  });
  return {
    keep(key, result, readAt) {
      if (graceMs <= 0 || now() - readAt > graceMs) return;
      const current = kept.get(key);
      if (current && current.readAt >= readAt) return;
      kept.set(key, { result, readAt });
    },
    get(key) {
      const entry = kept.get(key);
      if (!entry) return undefined;
      const age = now() - entry.readAt;
      if (age <= graceMs) return { result: entry.result, due: age > graceMs * REREAD_AFTER };
      kept.delete(key);
      return undefined;
    },
    clear: () => kept.clear(),
  };
}
