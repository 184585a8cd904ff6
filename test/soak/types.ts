// What the soak is told (options) and what it hands back (the run), shared by the runner, the report and the test.
import type { Posted, RequestRecord, SoakArticle } from "./http-load.js";
import type { MemorySample } from "./instances.js";
import type { SubscriberRecord } from "./subscribers.js";

export interface SoakOptions {
  minutes: number;
  readsPerSecond: number;
  postsPerSecond: number;
  /** How many articles the posts and the subscribers are spread over. */
  articles: number;
  subscribersPerInstance: number;
  reconnectingPerInstance: number;
  reconnectEverySeconds: number;
  /** When Redis, then PostgreSQL, is restarted: a fraction of the load's duration. */
  redisAt: number;
  postgresAt: number;
  /** How long each service stays down. */
  downSeconds: number;
  /** How long after a service is back everything must work again; failures later count as outside the outage. */
  recoveryGraceSeconds: number;
  /** How long posts under way and lagging subscribers get to finish once the load stops. */
  drainSeconds: number;
  /** Memory (after a full GC in each instance) and a progress line, this often. */
  sampleEverySeconds: number;
  /** Memory promises: see report.ts (the short run in the suite uses a looser bound, and says why). */
  memory: { maxHeapGrowthMbPerMinute: number; maxRssGrowthMb: number };
  progress(line: string): void;
  signal?: AbortSignal;
}

export interface Outage {
  service: "Redis" | "PostgreSQL";
  /** ms since the soak started: the stop was sent, the service answered again, and the grace for recovery ended */
  stoppedAt: number;
  upAt: number;
  endsAt: number;
}

export interface LoggedEvent {
  articleId: string;
  seq: number;
  kind: string;
  commentId: string;
  status: string;
  previousStatus: string | null;
}

export interface InstanceRun {
  name: string;
  memory: MemorySample[];
  output(): string;
}

export interface SoakRun {
  options: SoakOptions;
  /** Date.now() when the soak's clock started (the instances' log lines carry wall-clock times). */
  wallStart: number;
  loadStart: number;
  loadEnd: number;
  outages: Outage[];
  records: RequestRecord[];
  posted: Posted[];
  /** Posts that never succeeded. */
  abandoned: number;
  /** Ticks skipped because too many requests were unanswered. */
  skipped: { reads: number; posts: number };
  subscribers: SubscriberRecord[];
  instances: InstanceRun[];
  articles: SoakArticle[];
  /** The articles' comment event log after the run, each event with the index of its article. */
  log: (LoggedEvent & { article: number })[];
  /** Comments posted twice for one clientMutationId (by their body, which is unique per post). */
  duplicateComments: string[];
  /** How each instance ended on SIGTERM (0: clean); -1 when it had exited before. */
  exitCodes: (number | null)[];
}
