// P4 and P5 as table rows: the fan-out of one process against B2, and two instances over Redis against one.
import { LIVE_ARTICLE_GLOBAL_ID } from "../lib/data.js";
import { guestPoster, postComment, startLede } from "../lib/lede.js";
import type { Plan } from "../lib/plan.js";
import { median, progress, type Row } from "../lib/stats.js";
import { measureFanout, POSTER_NAME, publishToBaseline, startBroadcastBaseline, type FanoutResult } from "./live.js";

/** Connecting thousands of sockets at once on a loaded machine takes longer than the 5 s a widget gets. */
const MANY_SOCKETS_ENV = { WS_INIT_TIMEOUT_MS: "60000" };
const REDIS_URL = process.env.BENCH_REDIS_URL ?? "redis://127.0.0.1:6379";

const ms = (value: number) => `${value.toFixed(0)} ms`;

function fanoutFigures(result: FanoutResult) {
  return { p50: result.p50, p95: result.p95, p99: result.p99, rssMb: result.rssMb };
}

function deliveryNote(result: FanoutResult): string {
  const parts = [`${result.connected}/${result.subscribers} connected`];
  if (result.lost) parts.push(`${result.lost} lost`);
  if (result.duplicates) parts.push(`${result.duplicates} duplicates`);
  if (result.wrong) parts.push(`${result.wrong} wrong`);
  return parts.join(", ");
}

export async function runFanout(sqliteUrl: string, plan: Plan, raw: Record<string, unknown>): Promise<Row[]> {
  const shared = {
    articleId: LIVE_ARTICLE_GLOBAL_ID,
    subscribers: plan.subscribers,
    fleets: plan.fleets,
    events: plan.events,
    intervalMs: plan.intervalMs,
  };
  const b2 = await startBroadcastBaseline();
  let base: FanoutResult;
  try {
    base = await measureFanout({
      ...shared,
      label: "B2",
      url: `ws://127.0.0.1:${b2.ready[1]}`,
      mode: "raw",
      post: (body) => publishToBaseline(b2.ready[1]!, body),
      servers: [b2],
    });
  } finally {
    await b2.stop();
  }
  progress(`  B2: p95 ${ms(base.p95)}, ${deliveryNote(base)}`);
  const lede = await startLede("Lede (P4)", sqliteUrl, MANY_SOCKETS_ENV);
  let ours: FanoutResult;
  try {
    const token = await guestPoster(lede.baseUrl, POSTER_NAME);
    ours = await measureFanout({
      ...shared,
      label: "Lede",
      url: lede.wsUrl,
      mode: "graphql-ws",
      post: (body) => postComment(lede.baseUrl, token, LIVE_ARTICLE_GLOBAL_ID, body),
      servers: [lede],
    });
  } finally {
    await lede.stop();
  }
  progress(`  Lede: p95 ${ms(ours.p95)}, ${deliveryNote(ours)}`);
  raw.P4 = { B2: base, lede: ours };
  const full = ours.subscribers >= 10_000;
  const ok = full && ours.p95 <= 1.5 * base.p95 && ours.rssMb <= 2 * base.rssMb && ours.lost === 0;
  return [
    {
      scenario: "B2",
      subject: `raw ws broadcast, ${base.subscribers} sockets`,
      ...fanoutFigures(base),
      ratio: deliveryNote(base),
      verdict: base.wrong ? "FAIL" : "",
    },
    {
      scenario: "P4",
      subject: `${ours.subscribers} subscribers, postComment → delivery`,
      db: "sqlite",
      ...fanoutFigures(ours),
      ratio: `p95 ${(ours.p95 / base.p95).toFixed(1)}× B2, RSS ${(ours.rssMb / base.rssMb).toFixed(1)}× B2; ${deliveryNote(ours)}`,
      target: "10,000, p95 ≤ 1.5× B2, RSS ≤ 2× B2, 0 lost",
      verdict: ours.wrong ? "FAIL" : ok ? "ok" : full ? "MISS" : "",
      ...(full ? {} : { note: "(fewer subscribers than the 10,000 of the target)" }),
    },
  ];
}

export async function runCrossInstance(postgresUrl: string, plan: Plan, raw: Record<string, unknown>): Promise<Row[]> {
  const single = await startLede("Lede (one instance)", postgresUrl, { REDIS_URL: "" });
  const first = await startLede("Lede A", postgresUrl, { REDIS_URL });
  const second = await startLede("Lede B", postgresUrl, { REDIS_URL });
  try {
    const token = await guestPoster(single.baseUrl, POSTER_NAME);
    const shared = {
      articleId: LIVE_ARTICLE_GLOBAL_ID,
      subscribers: plan.crossSubscribers,
      fleets: 1,
      events: plan.crossEvents,
      intervalMs: 200,
      mode: "graphql-ws" as const,
    };
    const singles: FanoutResult[] = [];
    const crosses: FanoutResult[] = [];
    for (let round = 0; round < plan.crossRounds; round++) {
      progress(`  round ${round + 1}/${plan.crossRounds}`);
      singles.push(
        await measureFanout({
          ...shared,
          label: "one instance",
          url: single.wsUrl,
          post: (body) => postComment(single.baseUrl, token, LIVE_ARTICLE_GLOBAL_ID, body),
          servers: [single],
        }),
      );
      crosses.push(
        await measureFanout({
          ...shared,
          label: "A → Redis → B",
          url: second.wsUrl,
          post: (body) => postComment(first.baseUrl, token, LIVE_ARTICLE_GLOBAL_ID, body),
          servers: [first, second],
        }),
      );
    }
    raw.P5 = { single: singles, cross: crosses };
    const summary = (list: FanoutResult[]) => ({
      p50: median(list.map((r) => r.p50)),
      p95: median(list.map((r) => r.p95)),
      p99: median(list.map((r) => r.p99)),
      rssMb: Math.max(...list.map((r) => r.rssMb)),
      lost: list.reduce((sum, r) => sum + r.lost, 0),
      wrong: list.reduce((sum, r) => sum + r.wrong, 0),
    });
    const one = summary(singles);
    const two = summary(crosses);
    const extra = two.p95 - one.p95;
    return [
      {
        scenario: "P5",
        subject: `one instance, ${plan.crossSubscribers} subscribers`,
        db: "postgresql",
        ...one,
        ratio: one.lost ? `${one.lost} lost` : "0 lost",
        verdict: one.wrong ? "FAIL" : "",
      },
      {
        scenario: "P5",
        subject: "two instances over Redis (post on A, subscribers on B)",
        db: "postgresql",
        ...two,
        ratio: `p95 ${extra >= 0 ? "+" : ""}${extra.toFixed(1)} ms${two.lost ? `, ${two.lost} lost` : ", 0 lost"}`,
        target: "≤ +5 ms",
        verdict: two.wrong || two.lost ? "FAIL" : extra <= 5 ? "ok" : "MISS",
      },
    ];
  } finally {
    await Promise.all([single.stop(), first.stop(), second.stop()]);
  }
}
