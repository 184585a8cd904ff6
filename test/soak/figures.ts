// The figures of a soak run (report.ts computes them, format.ts prints them, promises.ts judges them).
import type { MemorySample } from "./instances.js";
import type { Outage } from "./types.js";

export interface SubscriberFigures {
  name: string;
  article: number;
  reconnecting: boolean;
  expected: number;
  delivered: number;
  lost: number;
  duplicates: number;
  outOfOrder: number;
  /** Events it received that the log does not have. */
  phantom: number;
  /** Events with errors in place of the comment, and subscriptions that ended by themselves: inside and outside
   * the outage windows. */
  incidents: { inside: number; outside: number };
  ended: number;
  resumed: number;
}

export interface OutageFigures extends Outage {
  failures: Record<string, number>;
  fiveHundreds: number;
  /** From the service's return to the end of the last failed request (0: none failed after it was back). */
  requestsRecoveredMs: number;
  /** From the service's return until every steady subscriber had the first post made after it; null if one never did. */
  deliveryRecoveredMs: number | null;
}

export interface LogFigures {
  instance: string;
  /** Lines the instance logged at level error (an unexpected error is one), inside and outside the outage windows. */
  inside: number;
  outside: number;
  examples: string[];
}

export interface SoakReport {
  seconds: number;
  posts: { acknowledged: number; failedAttempts: number; abandoned: number; skipped: number; notInLog: number };
  reads: { ok: number; failed: number; perSecond: number; p95Ms: number; skipped: number };
  outside: { failures: Record<string, number>; fiveHundreds: number };
  outages: OutageFigures[];
  subscribers: SubscriberFigures[];
  fanoutLagMs: { p50: number; p95: number; max: number };
  memory: MemoryFigures[];
  errorLogs: LogFigures[];
  exitCodes: (number | null)[];
  duplicateComments: string[];
  /** The promises broken, one sentence each; empty when the run was clean. */
  failures: string[];
}

export interface MemoryFigures {
  name: string;
  start: MemorySample | undefined;
  end: MemorySample | undefined;
  /** The judged window (ms since the soak started) and its samples. */
  window: { from: number; to: number; samples: number };
  heapSlopeMbPerMinute: number;
  rssSlopeMbPerMinute: number;
  /** The fitted RSS growth over the window. */
  rssGrowthMb: number;
  failure?: string;
}
