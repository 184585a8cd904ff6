// The per-request context: who is asking, the clock and id generator (injected so tests are deterministic), the
// database, the pub/sub and the DataLoaders.
import { randomUUID } from "node:crypto";
import type { Config } from "./platform/config.js";
import type { Database, Prisma } from "./platform/db.js";
import type { Account } from "./generated/prisma/client.js";
import { createLoaders, type Loaders } from "./loaders/index.js";
import type { LedePubSub } from "./platform/pubsub.js";
import type { Metrics } from "./plugins/metrics.js";
import { unsharedReads, type SharedReads } from "./platform/shared-reads.js";
import { countedCommentWhere } from "./services/shared/visibility.js";

export type Clock = () => Date;
export type IdGenerator = () => string;

/** What lives as long as the server: shared by every request's context. */
export interface AppDeps {
  config: Config;
  db: Database;
  pubsub: LedePubSub;
  clock: Clock;
  newId: IdGenerator;
}

export interface Context extends AppDeps {
  prisma: Prisma;
  viewer: Account | null;
  loaders: Loaders;
  /** Identifies this request in logs and in the response. */
  requestId: string;
  /** Aborted when the server shuts down: long-lived streams end on it. */
  shutdown: AbortSignal;
  metrics: Pick<Metrics, "observeFanoutLag">;
  /** Reads shared by every subscriber an event fans out to (one per server; see shared-reads.ts). */
  sharedReads: SharedReads;
}

export const systemClock: Clock = () => new Date();
export const uuidGenerator: IdGenerator = () => randomUUID();

export function createContext(
  deps: AppDeps,
  viewer: Account | null,
  options: {
    longLived: boolean;
    requestId?: string;
    shutdown?: AbortSignal;
    metrics?: Pick<Metrics, "observeFanoutLag">;
    sharedReads?: SharedReads;
  },
): Context {
  return {
    ...deps,
    prisma: deps.db.prisma,
    viewer,
    loaders: createLoaders(deps.db.prisma, deps.db.provider, {
      cache: !options.longLived,
      countedComments: countedCommentWhere(viewer),
    }),
    requestId: options.requestId ?? randomUUID(),
    shutdown: options.shutdown ?? new AbortController().signal,
    metrics: options.metrics ?? { observeFanoutLag: () => {} },
    sharedReads: options.sharedReads ?? unsharedReads,
  };
}
