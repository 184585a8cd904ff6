// P8 "breaking news": anonymous readers fetch the front page and the story page as a CDN-backed web client does
// (persisted-query GETs: the hash, no query text), with the response cache on, at full load, while comments arrive
// on the story at 10 a second and subscribers follow it. The story is the newest article, so each comment drops
// both pages from the response cache. Measured on one Lede process with one fleet of subscribers:
//   1. the delivery reference: P4's pacing (one comment every plan.intervalMs) to the same subscribers, no reads;
//   2. reads in interleaved rounds without comments and with comments (rounds of each, A B, B A, …, medians);
//   3. the deliveries of the comments posted during the reads: p95 against (1), and what was lost.
// Every read is checked (an answer with data and no error: a full front page, or the story); every delivery is
// checked by the fleet as in P4.
import { createHash } from "node:crypto";
import { addBreakingStory, BREAKING_STORY_GLOBAL_ID, BREAKING_STORY_SLUG } from "../lib/data.js";
import { ask } from "../lib/ipc.js";
import { guestPoster, postComment, startLede, type LedeServer } from "../lib/lede.js";
import type { Plan } from "../lib/plan.js";
import type { Child } from "../lib/processes.js";
import { median, pct, progress, times, type Row } from "../lib/stats.js";
import type { HttpLoadConfig, HttpLoadResult, PageCheck } from "../load/http-load.js";
import { articlesDocument, startHttpLoad } from "./http.js";
import {
  closeFleets,
  collectDeliveries,
  measuredBody,
  openFleets,
  POSTER_NAME,
  sleep,
  warmFleets,
  type FanoutResult,
} from "./live.js";

const MANY_SOCKETS_ENV = { WS_INIT_TIMEOUT_MS: "60000" };
const FRONT_PAGE_SIZE = 20;

/** Registers the two pages' operations as persisted queries (one POST each) and returns their hash-only GETs. */
async function persistedPagePaths(lede: LedeServer): Promise<string[]> {
  const document = articlesDocument();
  const hash = createHash("sha256").update(document).digest("hex");
  const extensions = { persistedQuery: { version: 1, sha256Hash: hash } };
  const pages = [
    { operationName: "FrontPage", variables: { first: FRONT_PAGE_SIZE, comments: 5 } },
    { operationName: "ArticleBySlug", variables: { slug: BREAKING_STORY_SLUG } },
  ];
  const { pathname } = new URL(lede.baseUrl);
  const paths: string[] = [];
  for (const page of pages) {
    const registered = await fetch(lede.baseUrl, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: document, ...page, extensions }),
    });
    if (registered.status !== 200) throw new Error(`registering ${page.operationName}: ${await registered.text()}`);
    await registered.text();
    const search = new URLSearchParams({
      operationName: page.operationName,
      variables: JSON.stringify(page.variables),
      extensions: JSON.stringify(extensions),
    });
    const path = `${pathname}?${search}`;
    // the hash alone now answers, cacheably, as it would through a CDN
    const answered = await fetch(new URL(path, lede.baseUrl));
    const text = await answered.text();
    const cacheControl = answered.headers.get("cache-control") ?? "";
    if (answered.status !== 200 || !cacheControl.includes("public") || text.includes('"errors"'))
      throw new Error(`GET ${page.operationName} by hash: ${answered.status} (${cacheControl}) ${text.slice(0, 300)}`);
    paths.push(path);
  }
  return paths;
}

/** Comments on the story at a steady rate, each posted on time whether the one before has been answered or not. */
function startCommentStream(post: (body: string) => Promise<void>, perSecond: number, firstEvent: number) {
  let next = firstEvent;
  let posted = 0;
  const failures: string[] = [];
  const pending = new Set<Promise<void>>();
  const timer = setInterval(() => {
    const sent = post(measuredBody(next++)).then(
      () => void posted++,
      (error: unknown) => void failures.push(String(error).slice(0, 200)),
    );
    pending.add(sent);
    void sent.finally(() => pending.delete(sent));
  }, 1000 / perSecond);
  return {
    async stop() {
      clearInterval(timer);
      await Promise.all(pending);
      return { nextEvent: next, posted, failures };
    },
  };
}

/** The medians of a phase's read rounds (its wrong answers summed), and the rounds themselves. */
type Reads = Omit<HttpLoadResult, "requests"> & { rounds: HttpLoadResult[] };

function readsOf(rounds: HttpLoadResult[]): Reads {
  const pick = (key: "rps" | "p50" | "p95" | "p99") => median(rounds.map((r) => r[key]));
  const sampleWrong = rounds.find((r) => r.sampleWrong)?.sampleWrong;
  return {
    rps: pick("rps"),
    p50: pick("p50"),
    p95: pick("p95"),
    p99: pick("p99"),
    wrong: rounds.reduce((sum, r) => sum + r.wrong, 0),
    rounds,
    ...(sampleWrong ? { sampleWrong } : {}),
  };
}

const ms = (value: number) => `${value.toFixed(0)} ms`;

export async function runBreakingNews(sqliteUrl: string, plan: Plan, raw: Record<string, unknown>): Promise<Row[]> {
  await addBreakingStory(sqliteUrl);
  const children: Child[] = [];
  let fleets: Child[] = [];
  try {
    const load = await startHttpLoad();
    children.push(load);
    const lede = await startLede("Lede (P8, response cache on)", sqliteUrl, MANY_SOCKETS_ENV);
    children.push(lede);
    const token = await guestPoster(lede.baseUrl, POSTER_NAME);
    const post = (body: string) => postComment(lede.baseUrl, token, BREAKING_STORY_GLOBAL_ID, body);
    const paths = await persistedPagePaths(lede);
    const subscribers = plan.breakingSubscribers;
    fleets = await openFleets({
      label: "P8",
      url: lede.wsUrl,
      mode: "graphql-ws",
      articleId: BREAKING_STORY_GLOBAL_ID,
      subscribers,
      fleets: plan.fleets,
    });
    const warmed = await warmFleets("P8", fleets, post, plan.intervalMs);
    progress(`  P8: ${warmed.warmed}/${warmed.connected} live; delivery reference: ${plan.events} comments, no reads`);

    // 1. the delivery reference, at P4's pacing
    await sleep(plan.intervalMs);
    for (let k = 0; k < plan.events; k++) {
      const started = Date.now();
      await post(measuredBody(k));
      await sleep(Math.max(0, plan.intervalMs - (Date.now() - started)));
    }
    const reference = await collectDeliveries(fleets, {
      subscribers,
      events: plan.events,
      from: 0,
      to: plan.events,
      expectedUnique: warmed.connected * plan.events,
      servers: [lede],
    });
    progress(`  P8 reference: delivery p95 ${ms(reference.p95)}, ${reference.lost} lost`);

    // 2. reads without and with comments, interleaved
    const check: PageCheck = { frontPageEdges: FRONT_PAGE_SIZE, storyId: BREAKING_STORY_GLOBAL_ID };
    const readRound = (durationSec: number) =>
      ask<HttpLoadResult>(load, "run", {
        config: {
          url: new URL(lede.baseUrl).origin,
          paths,
          verify: check,
          connections: plan.connections,
          durationSec,
        } satisfies HttpLoadConfig,
      });
    progress(`  P8 warm-up reads (${plan.warmupSec} s)`);
    await readRound(plan.warmupSec);
    let nextEvent = plan.events;
    let posted = 0;
    const failures: string[] = [];
    const quiet: HttpLoadResult[] = [];
    const busy: HttpLoadResult[] = [];
    for (let round = 0; round < plan.rounds; round++) {
      const order = round % 2 === 0 ? ["without", "with"] : ["with", "without"];
      for (const phase of order) {
        if (phase === "without") {
          quiet.push(await readRound(plan.roundSec));
        } else {
          const stream = startCommentStream(post, plan.breakingCommentsPerSec, nextEvent);
          busy.push(await readRound(plan.roundSec));
          const done = await stream.stop();
          nextEvent = done.nextEvent;
          posted += done.posted;
          failures.push(...done.failures);
        }
        const last = (phase === "without" ? quiet : busy).at(-1)!;
        progress(
          `  round ${round + 1}/${plan.rounds} reads ${phase} comments: ${Math.round(last.rps)} req/s, p99 ${last.p99} ms${last.wrong ? `, ${last.wrong} WRONG` : ""}`,
        );
      }
    }

    // 3. the deliveries of the comments posted during the reads
    const during: FanoutResult = await collectDeliveries(fleets, {
      subscribers,
      events: posted,
      from: plan.events,
      to: nextEvent,
      expectedUnique: warmed.connected * (plan.events + posted),
      servers: [lede],
    });
    const without = readsOf(quiet);
    const withComments = readsOf(busy);
    raw.P8 = { reference, without, with: withComments, during, posted, failures };
    return rows({ subscribers, plan, reference, without, withComments, during, posted, failures });
  } finally {
    await closeFleets(fleets);
    await Promise.all(children.map((c) => c.stop()));
  }
}

function rows(r: {
  subscribers: number;
  plan: Plan;
  reference: FanoutResult;
  without: Reads;
  withComments: Reads;
  during: FanoutResult;
  posted: number;
  failures: string[];
}): Row[] {
  const { reference, without, withComments, during } = r;
  const full = r.subscribers >= 2000;
  const readsOk = withComments.rps >= 0.5 * without.rps && withComments.p99 <= 3 * without.p99;
  const deliveryOk = during.p95 <= 1.5 * reference.p95 && during.lost === 0;
  const lossNote = (f: FanoutResult) =>
    [`${f.connected}/${f.subscribers} connected`, `${f.lost} lost`, ...(f.wrong ? [`${f.wrong} wrong`] : [])].join(
      ", ",
    );
  const readFigures = (m: Reads) => ({
    rps: m.rps,
    p50: m.p50,
    p95: m.p95,
    p99: m.p99,
    ...(m.wrong ? { note: `${m.wrong} wrong answers: ${m.sampleWrong?.slice(0, 120) ?? ""}` } : {}),
  });
  const failed = r.failures.length ? { note: `${r.failures.length} comments not posted: ${r.failures[0]}` } : {};
  return [
    {
      scenario: "P8",
      subject: `delivery reference: P4's pacing to ${r.subscribers}, no reads`,
      db: "sqlite",
      p50: reference.p50,
      p95: reference.p95,
      p99: reference.p99,
      ratio: lossNote(reference),
      verdict: reference.wrong ? "FAIL" : "",
    },
    {
      scenario: "P8",
      subject: "breaking news: front page + story, persisted GETs, no comments",
      db: "sqlite",
      ...readFigures(without),
      verdict: without.wrong ? "FAIL" : "",
    },
    {
      scenario: "P8",
      subject: `the same while ${r.plan.breakingCommentsPerSec} comments/s arrive, ${r.subscribers} following`,
      db: "sqlite",
      ...readFigures(withComments),
      ratio: `${pct(withComments.rps, without.rps)} of reads/s, p99 ${times(withComments.p99, without.p99)}`,
      target: "≥ 50 %, p99 ≤ 3×",
      verdict: withComments.wrong || without.wrong ? "FAIL" : readsOk ? "ok" : "MISS",
    },
    {
      scenario: "P8",
      subject: `delivery of ${r.posted} comments during the reads`,
      db: "sqlite",
      p50: during.p50,
      p95: during.p95,
      p99: during.p99,
      rssMb: during.rssMb,
      ratio: `p95 ${times(during.p95, reference.p95)} reference; ${lossNote(during)}`,
      target: "p95 ≤ 1.5× P4's at 2,000, 0 lost",
      verdict: during.wrong || r.failures.length ? "FAIL" : !full ? "" : deliveryOk ? "ok" : "MISS",
      ...(r.failures.length ? failed : full ? {} : { note: "(fewer subscribers than the 2,000 of the target)" }),
    },
  ];
}
