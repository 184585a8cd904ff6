// The soak's settings: the defaults of `npm run soak`, and the short run of the suite (test/soak.test.ts).
import type { SoakOptions } from "./types.js";

export type SoakPlan = Omit<SoakOptions, "progress" | "signal">;

export const DEFAULT_PLAN: SoakPlan = {
  minutes: 10,
  readsPerSecond: 10,
  postsPerSecond: 2,
  articles: 3,
  subscribersPerInstance: 6,
  reconnectingPerInstance: 2,
  reconnectEverySeconds: 20,
  // Both restarts in the first half, so that the second half shows whether memory settles after them.
  redisAt: 0.25,
  postgresAt: 0.4,
  downSeconds: 5,
  recoveryGraceSeconds: 15,
  drainSeconds: 60,
  sampleEverySeconds: 10,
  // Each instance answers about 6 requests a second here: a leak of 3 kB per request is 1 MB a minute (4 kB
  // planted in every request's context measured 1.8 and 2.2 MB/min over a 3-minute run). The heap after a full GC
  // of a healthy instance moved by less than 0.2 MB a minute over the steady part of a 10-minute run.
  memory: { maxHeapGrowthMbPerMinute: 1, maxRssGrowthMb: 40 },
};

/**
 * A minute and a half in the suite, on a shared 2-core machine: lighter load, shorter outages. Its steady part
 * (after the PostgreSQL outage's grace) is only about half a minute, too short to tell a slow leak from a cache
 * warming up, so the memory bound only catches gross leaks (a subscription or a connection kept per event);
 * `npm run soak` is the judge of memory.
 */
export const SHORT_PLAN: SoakPlan = {
  ...DEFAULT_PLAN,
  minutes: 1.5,
  readsPerSecond: 5,
  postsPerSecond: 1.5,
  subscribersPerInstance: 3,
  reconnectingPerInstance: 1,
  reconnectEverySeconds: 10,
  redisAt: 0.2,
  postgresAt: 0.35,
  downSeconds: 3,
  drainSeconds: 60,
  sampleEverySeconds: 4,
  memory: { maxHeapGrowthMbPerMinute: 20, maxRssGrowthMb: 100 },
};
