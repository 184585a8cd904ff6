// Live scenarios: P4 (many subscribers on one Lede process vs B2, a raw ws broadcast) and P5 (two Lede instances
// over Redis vs one). Fleets of subscribers run in processes of their own on the load core; the poster writes the
// post time (monotonic clock, ns) into each comment, so every delivery carries its own latency.
import { ask } from "../lib/ipc.js";
import { percentile, progress } from "../lib/stats.js";
import { startChild, type Child } from "../lib/processes.js";
import type { FleetConfig, FleetReport, FleetStatus } from "../load/ws-fleet.js";

export const POSTER_NAME = "Bench Poster";

export const LIVE_SUBSCRIPTION = `subscription($articleId: ID!) {
  commentEvents(articleId: $articleId) { kind cursor sequence comment { id body author { displayName } } }
}`;

export interface FanoutOptions {
  label: string;
  url: string;
  mode: FleetConfig["mode"];
  articleId: string;
  /** The subscription each subscriber runs (default: the comment feed of P4). */
  query?: string;
  subscribers: number;
  fleets: number;
  events: number;
  intervalMs: number;
  post(body: string): Promise<void>;
  /** The processes whose memory is reported (the server, or both instances). */
  servers: Child[];
}

export interface FanoutResult {
  subscribers: number;
  connected: number;
  expected: number;
  delivered: number;
  lost: number;
  duplicates: number;
  wrong: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  rssMb: number;
  sampleWrong?: string;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const stamp = () => process.hrtime.bigint().toString();

async function statusOf(fleets: Child[]): Promise<FleetStatus> {
  const all = await Promise.all(fleets.map((f) => ask<FleetStatus>(f, "status")));
  const sum = (key: "connected" | "warmed" | "received" | "wrong" | "closed" | "uniqueReceived") =>
    all.reduce((total, s) => total + s[key], 0);
  const sampleWrong = all.find((s) => s.sampleWrong)?.sampleWrong;
  return {
    connected: sum("connected"),
    warmed: sum("warmed"),
    received: sum("received"),
    wrong: sum("wrong"),
    closed: sum("closed"),
    uniqueReceived: sum("uniqueReceived"),
    ...(sampleWrong ? { sampleWrong } : {}),
  };
}

/** Starts the fleet processes and connects every subscriber. */
export async function openFleets(
  options: Pick<FanoutOptions, "label" | "url" | "mode" | "articleId" | "query" | "subscribers" | "fleets">,
): Promise<Child[]> {
  const perFleet = Math.ceil(options.subscribers / options.fleets);
  const fleets: Child[] = [];
  try {
    for (let i = 0; i < options.fleets; i++) {
      const count = Math.min(perFleet, options.subscribers - i * perFleet);
      const config: FleetConfig = {
        url: options.url,
        count,
        mode: options.mode,
        query: options.query ?? LIVE_SUBSCRIPTION,
        variables: { articleId: options.articleId },
        author: POSTER_NAME,
      };
      fleets.push(
        await startChild({
          name: `${options.label} fleet ${i + 1}`,
          script: "test/bench/load/ws-fleet.ts",
          args: [JSON.stringify(config)],
          core: "load",
          ready: /READY fleet/,
          nodeFlags: ["--max-old-space-size=4096"],
        }),
      );
    }
    progress(`  ${options.label}: connecting ${options.subscribers} subscribers`);
    // thousands of graphql-ws handshakes on a loaded machine take minutes
    await Promise.all(fleets.map((f) => ask(f, "connect", {}, 900_000)));
    return fleets;
  } catch (error) {
    await closeFleets(fleets);
    throw error;
  }
}

/** Posts warm-up events until every connected subscriber has received one: every subscription is live. */
export async function warmFleets(
  label: string,
  fleets: Child[],
  post: (body: string) => Promise<void>,
  intervalMs: number,
): Promise<FleetStatus> {
  let status = await statusOf(fleets);
  progress(`  ${label}: ${status.connected} connected; warming up until every subscription is live`);
  const warmDeadline = Date.now() + 120_000;
  for (let w = 0; status.warmed < status.connected && Date.now() < warmDeadline; w++) {
    await post(`bench w ${w} ${stamp()}`);
    await sleep(Math.max(300, intervalMs));
    status = await statusOf(fleets);
  }
  return status;
}

/** The body of measured event k: its number and its post time, which the fleets read back. */
export const measuredBody = (k: number) => `bench m ${k} ${stamp()}`;

/**
 * Waits (a minute at most: what has not arrived by then counts as lost) until the fleets hold `expectedUnique`
 * measured deliveries in all, then reports events [from, to): their latencies, and what was lost of them.
 */
export async function collectDeliveries(
  fleets: Child[],
  options: { subscribers: number; events: number; from: number; to: number; expectedUnique: number; servers: Child[] },
): Promise<FanoutResult> {
  const settleDeadline = Date.now() + 60_000;
  let status = await statusOf(fleets);
  while (Date.now() < settleDeadline && status.uniqueReceived < options.expectedUnique) {
    await sleep(250);
    status = await statusOf(fleets);
  }
  const reports = await Promise.all(
    fleets.map((f) => ask<FleetReport>(f, "report", { from: options.from, to: options.to })),
  );
  const latencies = reports.flatMap((r) => r.latencies).sort((a, b) => a - b);
  const delivered = reports.reduce((sum, r) => sum + r.uniqueInRange, 0);
  return {
    subscribers: options.subscribers,
    connected: status.connected,
    // a subscriber that never connected lost every event
    expected: options.subscribers * options.events,
    delivered,
    lost: options.subscribers * options.events - delivered,
    duplicates: reports.reduce((sum, r) => sum + r.duplicates, 0),
    wrong: status.wrong,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    max: latencies.at(-1) ?? NaN,
    rssMb: options.servers.reduce((sum, s) => sum + s.memory().peakMb, 0),
    ...(status.sampleWrong ? { sampleWrong: status.sampleWrong } : {}),
  };
}

export async function closeFleets(fleets: Child[]): Promise<void> {
  await Promise.all(fleets.map((f) => ask(f, "close", {}, 10_000).catch(() => undefined)));
  await Promise.all(fleets.map((f) => f.stop()));
}

export async function measureFanout(options: FanoutOptions): Promise<FanoutResult> {
  const fleets = await openFleets(options);
  try {
    const status = await warmFleets(options.label, fleets, options.post, options.intervalMs);
    progress(`  ${options.label}: ${status.warmed}/${status.connected} live; ${options.events} measured events`);
    await sleep(options.intervalMs);
    for (let k = 0; k < options.events; k++) {
      const started = Date.now();
      await options.post(measuredBody(k));
      await sleep(Math.max(0, options.intervalMs - (Date.now() - started)));
    }
    return await collectDeliveries(fleets, {
      subscribers: options.subscribers,
      events: options.events,
      from: 0,
      to: options.events,
      expectedUnique: status.connected * options.events,
      servers: options.servers,
    });
  } finally {
    await closeFleets(fleets);
  }
}

export function startBroadcastBaseline(): Promise<Child> {
  return startChild({
    name: "B2",
    script: "test/bench/baselines/ws-broadcast.ts",
    core: "server",
    ready: /READY (\d+)/,
  });
}

export async function publishToBaseline(port: string, body: string): Promise<void> {
  const response = await fetch(`http://127.0.0.1:${port}/publish`, {
    method: "POST",
    body: JSON.stringify({ body, author: POSTER_NAME }),
  });
  if (!response.ok) throw new Error(`B2 publish failed: ${response.status}`);
  await response.text();
}
