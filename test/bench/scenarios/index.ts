// Runs the selected scenarios and turns their figures into the table's rows. A scenario that throws (a wrong
// answer, a server that does not start) becomes a FAIL row with the reason; the others still run.
import { existsSync, readFileSync } from "node:fs";
import { sqliteFilePath } from "../../../src/platform/database-url.js";
import type { BenchDatabase } from "../lib/data.js";
import { startLede, type LedeServer } from "../lib/lede.js";
import type { Plan } from "../lib/plan.js";
import { ROOT, type Child } from "../lib/processes.js";
import { figures, median, pct, progress, times, type Row } from "../lib/stats.js";
import {
  answerOf,
  baselineUrl,
  frontPageRequest,
  firstDifference,
  measureInterleaved,
  startHttpBaseline,
  startHttpLoad,
} from "./http.js";
import { runBreakingNews } from "./breaking-news.js";
import { runCrossInstance, runFanout } from "./live-run.js";
import { runLiveBlogFanout } from "./liveblog.js";
import { countFrontPageStatements } from "./sql.js";
import { runTypename } from "./typename.js";
import { coldStart, type ColdStart } from "./startup.js";

export const SCENARIOS = ["P1", "P2", "P3", "P4", "P5", "P6", "P7", "P8", "L1"] as const;
export type Scenario = (typeof SCENARIOS)[number];

export interface RunInput {
  plan: Plan;
  selected: Scenario[];
  sqlite: BenchDatabase;
  postgres: BenchDatabase | null;
}

export async function runScenarios(input: RunInput): Promise<{ rows: Row[]; raw: Record<string, unknown> }> {
  const rows: Row[] = [];
  const raw: Record<string, unknown> = {};
  const children: Child[] = [];
  const keep = <T extends Child>(child: T) => (children.push(child), child);
  const attempt = async (scenario: string, run: () => Promise<void>) => {
    progress(`${scenario}`);
    try {
      await run();
    } catch (error) {
      const message = (error instanceof Error ? error.message : String(error)).split("\n").slice(0, 6).join(" / ");
      progress(`${scenario} FAILED: ${message}`);
      rows.push({ scenario, subject: "(did not complete)", verdict: "FAIL", note: message.slice(0, 300) });
    }
  };
  const has = (s: Scenario) => input.selected.includes(s);
  let statementsAt20: Record<string, number> = {};
  try {
    const needsHttp = has("P1") || has("P2") || has("P6");
    const load = needsHttp ? keep(await startHttpLoad()) : null;
    const lede = needsHttp // P1–P3 measure the engine, not the response cache (P6 measures that): the cache is off here.
      ? keep(await startLede("Lede (SQLite)", input.sqlite.url, { RESPONSE_CACHE: "off" }))
      : null;

    if (has("P3")) {
      await attempt("P3", async () => {
        for (const db of [input.sqlite, input.postgres]) {
          if (!db) continue;
          const counts = await countFrontPageStatements(db.url, [10, 100, 20]);
          statementsAt20[db.provider] = counts[20]!;
          raw[`P3 ${db.provider}`] = counts;
          const ok = counts[10]! <= 10 && counts[10] === counts[100];
          rows.push({
            scenario: "P3",
            subject: "front page SQL statements",
            db: db.provider,
            sql: counts[10],
            ratio: `first:10 → ${counts[10]}, first:100 → ${counts[100]}`,
            target: "≤ 10, equal",
            verdict: ok ? "ok" : "MISS",
          });
        }
      });
    }

    if (has("P1"))
      await attempt("P1", async () => void rows.push(...(await runTypename(load!, lede!, input.plan, raw, keep))));

    if (has("P2")) {
      await attempt("P2", async () => {
        const body = frontPageRequest(20, 5);
        const answer = (await answerOf(lede!.baseUrl, body)).text;
        const parsed = JSON.parse(answer) as {
          data?: { articles: { edges: unknown[] } };
          errors?: unknown;
          extensions?: unknown;
        };
        if (parsed.errors || parsed.data?.articles.edges.length !== 20)
          throw new Error(`front page answered ${answer.slice(0, 300)}`);
        const b1 = keep(
          await startHttpBaseline("b1", {
            BENCH_SQLITE_FILE: sqliteFilePath(input.sqlite.url),
            BENCH_EXTENSIONS: JSON.stringify(parsed.extensions ?? ""),
          }),
        );
        const b1Answer = (await answerOf(baselineUrl(b1), body)).text;
        if (b1Answer !== answer)
          throw new Error(`B1 and Lede disagree on the front page; ${firstDifference(answer, b1Answer)}`);
        const subjects = [
          { name: "B1", url: baselineUrl(b1), body, expected: answer, server: b1 as Child },
          { name: "Lede front page (SQLite)", url: lede!.baseUrl, body, expected: answer, server: lede! as Child },
        ];
        let pg: LedeServer | null = null;
        let b1pg: Child | null = null;
        if (input.postgres) {
          // B1-pg: the same JSON from PostgreSQL with node-postgres prepared statements, so that the PostgreSQL
          // ratio compares Lede with a hand-written endpoint on the same database
          b1pg = keep(
            await startHttpBaseline("b1-pg", {
              BENCH_POSTGRES_URL: input.postgres.url,
              BENCH_EXTENSIONS: JSON.stringify(parsed.extensions ?? ""),
            }),
          );
          const b1pgAnswer = (await answerOf(baselineUrl(b1pg), body)).text;
          if (b1pgAnswer !== answer)
            throw new Error(`B1-pg and Lede disagree on the front page; ${firstDifference(answer, b1pgAnswer)}`);
          pg = keep(await startLede("Lede (PostgreSQL)", input.postgres.url, { RESPONSE_CACHE: "off" }));
          subjects.push({ name: "B1-pg", url: baselineUrl(b1pg), body, expected: answer, server: b1pg });
          subjects.push({ name: "Lede front page (PostgreSQL)", url: pg.baseUrl, body, expected: answer, server: pg });
        }
        const [base, ours, basePg, oursPg] = await measureInterleaved(load!, subjects, input.plan);
        raw.P2 = { B1: base, lede: ours, ...(basePg ? { "B1-pg": basePg, "lede postgresql": oursPg } : {}) };
        const pairs = [{ db: "sqlite", baseline: "B1", base: base!, ours: ours! }];
        if (basePg && oursPg) pairs.push({ db: "postgresql", baseline: "B1-pg", base: basePg, ours: oursPg });
        for (const { db, baseline, base: b, ours: m } of pairs) {
          rows.push({
            scenario: baseline,
            subject: `node:http + ${db === "sqlite" ? "better-sqlite3" : "pg"} prepared statements, same JSON`,
            db,
            ...figures(b),
            verdict: "",
          });
          const ok = m.rps >= 0.5 * b.rps && m.p99 <= 2 * b.p99;
          rows.push({
            scenario: "P2",
            subject: "front page",
            db,
            ...figures(m),
            sql: statementsAt20[db],
            ratio: `${pct(m.rps, b.rps)} of ${baseline}, p99 ${times(m.p99, b.p99)}`,
            target: `≥ 50 % of ${baseline}, p99 ≤ 2×`,
            verdict: m.wrong || b.wrong ? "FAIL" : ok ? "ok" : "MISS",
          });
        }
        await Promise.all([b1.stop(), b1pg?.stop(), pg?.stop()]);
      });
    }

    if (has("P6")) {
      await attempt("P6", async () => {
        const manifest = JSON.parse(readFileSync(`${ROOT}/package.json`, "utf8")) as {
          dependencies?: Record<string, string>;
        };
        const hasCache =
          manifest.dependencies?.["@graphql-yoga/plugin-response-cache"] !== undefined &&
          existsSync(`${ROOT}/node_modules/@graphql-yoga/plugin-response-cache`);
        if (!hasCache) {
          rows.push({
            scenario: "P6",
            subject: "response-cache hit vs uncached P2",
            ratio: "n/a (no response cache)",
            target: "≥ 3×",
            verdict: "n/a",
          });
          return;
        }
        const uncached = lede!;
        const cached = keep(await startLede("Lede (response cache on)", input.sqlite.url));
        const body = frontPageRequest(20, 5);
        const plain = (await answerOf(uncached.baseUrl, body)).text;
        await answerOf(cached.baseUrl, body); // fills the cache
        const cachedAnswer = (await answerOf(cached.baseUrl, body)).text;
        const withoutMeta = (text: string) => {
          const parsed = JSON.parse(text) as { extensions?: Record<string, unknown> };
          delete parsed.extensions?.responseCache;
          return JSON.stringify(parsed);
        };
        if (withoutMeta(cachedAnswer) !== withoutMeta(plain)) {
          throw new Error(
            `a cache hit differs from the uncached answer; ${firstDifference(withoutMeta(cachedAnswer), withoutMeta(plain))}`,
          );
        }
        const [off, on] = await measureInterleaved(
          load!,
          [
            { name: "front page, RESPONSE_CACHE=off", url: uncached.baseUrl, body, expected: plain, server: uncached },
            { name: "front page, cache hits", url: cached.baseUrl, body, expected: cachedAnswer, server: cached },
          ],
          input.plan,
        );
        raw.P6 = { uncached: off, cached: on };
        const hitFlag = (JSON.parse(cachedAnswer) as { extensions?: { responseCache?: { hit?: boolean } } }).extensions
          ?.responseCache?.hit;
        const isHit = hitFlag === true || (hitFlag === undefined && on!.rps > 1.2 * off!.rps);
        rows.push({
          scenario: "P6",
          subject: `response-cache hit vs uncached P2${hitFlag === undefined ? "" : hitFlag ? " (hit: true)" : " (hit: false)"}`,
          db: "sqlite",
          ...figures(on!),
          ratio: isHit ? `${times(on!.rps, off!.rps)} uncached` : `${times(on!.rps, off!.rps)}, no hits seen`,
          target: "≥ 3×",
          verdict: on!.wrong || off!.wrong ? "FAIL" : on!.rps >= 3 * off!.rps ? "ok" : "MISS",
        });
        await uncached.stop();
      });
    }
    await lede?.stop();
    await load?.stop();

    if (has("P4"))
      await attempt("P4", async () => void rows.push(...(await runFanout(input.sqlite.url, input.plan, raw))));
    if (has("L1"))
      await attempt("L1", async () => void rows.push(...(await runLiveBlogFanout(input.sqlite.url, input.plan, raw))));
    if (has("P5")) {
      if (!input.postgres)
        rows.push({
          scenario: "P5",
          subject: "two instances over Redis",
          ratio: "skipped (no PostgreSQL)",
          verdict: "n/a",
        });
      else
        await attempt(
          "P5",
          async () => void rows.push(...(await runCrossInstance(input.postgres!.url, input.plan, raw))),
        );
    }
    if (has("P7")) {
      await attempt("P7", async () => {
        const runs: ColdStart[] = [];
        for (let i = 0; i < input.plan.startups; i++) {
          runs.push(await coldStart());
          const run = runs.at(-1)!;
          progress(
            `  cold start ${i + 1}/${input.plan.startups}: ${Math.round(run.ms)} ms (migrate ${run.migrateMs} ms)`,
          );
        }
        raw.P7 = runs;
        const ms = median(runs.map((r) => r.ms));
        const migrateMs = median(runs.map((r) => r.migrateMs ?? NaN));
        rows.push({
          scenario: "P7",
          subject: "npm start, empty data folder → first answer",
          db: "sqlite",
          // a start from the template database runs no migration, and logs none
          ratio: Number.isFinite(migrateMs)
            ? `${(ms / 1000).toFixed(2)} s (prisma migrate deploy ${(migrateMs / 1000).toFixed(2)} s)`
            : `${(ms / 1000).toFixed(2)} s (no migration run)`,
          target: "≤ 1 s",
          verdict: ms <= 1000 ? "ok" : "MISS",
        });
      });
    }
    // last: it adds the breaking story, which heads the front page from then on
    if (has("P8"))
      await attempt("P8", async () => void rows.push(...(await runBreakingNews(input.sqlite.url, input.plan, raw))));
  } finally {
    await Promise.all(children.map((c) => c.stop().catch(() => undefined)));
  }
  return { rows, raw };
}
