// `npm run bench`: Lede against baselines measured in the same run, on this machine, now. Prints one table and
// writes it with every round's raw figures to bench-results/<timestamp>.json. See `npm run bench -- --help`.
import { mkdirSync, writeFileSync } from "node:fs";
import { availableParallelism, cpus, totalmem } from "node:os";
import { join } from "node:path";
import { createPostgresDatabase, createSqliteDatabase, type BenchDatabase } from "./lib/data.js";
import { FULL, QUICK } from "./lib/plan.js";
import { pinningNote, ROOT } from "./lib/processes.js";
import { formatTable, progress, type Row } from "./lib/stats.js";
import { runScenarios, SCENARIOS, type Scenario } from "./scenarios/index.js";

const HELP = `usage: npm run bench -- [--quick] [--only P1,P2,...] [--no-postgres] [--help]

Measures Lede against baselines built into the suite and run in the same session (only ratios mean anything on a
shared machine):
  B0     node:http answering a fixed JSON of the size of P1's answer
  BA BM  P1's peers answering { __typename } from a one-field schema: Apollo Server (standalone, node:http) and
         Mercurius (on Fastify), versions pinned in package.json
  B1     node:http + better-sqlite3 prepared statements producing byte for byte Lede's front-page JSON
  B1-pg  the same from PostgreSQL: node:http + pg prepared statements
  B2     a raw ws server broadcasting the same event payload Lede sends
Scenarios (ratios in one run; SQLite, PostgreSQL beside it):
  P1  { __typename } requests/s vs Apollo Server (Mercurius and B0 beside it)    target >= 1.0x Apollo Server
  P2  front page (20 articles, bylines, publisher, mentions, 5 comments with authors and replies), response cache
      off, vs B1 (and vs B1-pg on PostgreSQL)                         target >= 50 % req/s, p99 <= 2x
  P3  SQL statements for P2 at first:10 and first:100                 target <= 10, and equal
  P4  10,000 subscribers on one process: p95 postComment -> delivery, lost events, RSS
                                                                      target p95 <= 1.5x B2, RSS <= 2x B2's, 0 lost
  P5  two instances over Redis (PostgreSQL): cross-instance p95 vs one instance   target <= +5 ms
  P6  response-cache hit vs uncached P2 (RESPONSE_CACHE=off)          target >= 3x
  P7  npm start on an empty data folder to the first answered query   target <= 1 s
  P8  breaking news: anonymous persisted-query GETs of the front page and the story page, response cache on, full
      load, while 10 comments/s arrive on the story and 2,000 subscribers follow it; vs the same reads without
      comments, and delivery vs P4's pacing to the same subscribers without reads
                                                                      target reads/s >= 50 % of without, p99 <= 3x,
                                                                      delivery p95 <= 1.5x P4's at 2,000, 0 lost
  L1  a live blog, 2,000 subscribers: p95 postLiveUpdate -> delivery   target <= 500 ms, 0 lost, 0 duplicates

Load runs in separate processes (autocannon; graphql-ws client fleets), pinned with taskset to another core than
the servers where the OS allows. HTTP subjects: warm-up, then interleaved rounds, medians. Every response is
checked; a wrong answer fails the scenario.

  --quick        a spot check (a minute or two on the 2-core machine of the README): short rounds, 200 subscribers
                 instead of 10,000 (P8: 200 instead of 2,000), one cold start, SQLite only unless --postgres
  --only LIST    run only these scenarios (e.g. --only P2,P3)
  --no-postgres  skip the PostgreSQL figures (and P5)
  --postgres     with --quick: the PostgreSQL figures and P5 too
  --subscribers N  P4 with N subscribers instead of the plan's (10,000 full, 200 quick)
  --help         this text
Results: bench-results/<timestamp>.json (gitignored). Progress goes to stderr, the table to stdout.`;

function parseArgs(argv: string[]) {
  if (argv.includes("--help") || argv.includes("-h")) return null;
  const known = new Set(["--quick", "--no-postgres", "--postgres", "--only", "--subscribers"]);
  for (const arg of argv) {
    if (arg.startsWith("--") && !known.has(arg.split("=")[0]!)) throw new Error(`unknown option ${arg} (see --help)`);
  }
  const onlyIndex = argv.findIndex((a) => a === "--only" || a.startsWith("--only="));
  const onlyValue = onlyIndex < 0 ? undefined : (argv[onlyIndex]!.split("=")[1] ?? argv[onlyIndex + 1]);
  const only = onlyValue ? new Set(onlyValue.toUpperCase().split(",")) : null;
  for (const name of only ?? []) {
    if (!SCENARIOS.includes(name as Scenario))
      throw new Error(`unknown scenario ${name}; known: ${SCENARIOS.join(", ")}`);
  }
  const quick = argv.includes("--quick");
  const subscribersIndex = argv.findIndex((a) => a === "--subscribers" || a.startsWith("--subscribers="));
  const subscribersValue =
    subscribersIndex < 0 ? undefined : (argv[subscribersIndex]!.split("=")[1] ?? argv[subscribersIndex + 1]);
  const subscribers = subscribersValue === undefined ? undefined : Number(subscribersValue);
  if (subscribers !== undefined && !(Number.isInteger(subscribers) && subscribers > 0)) {
    throw new Error(`--subscribers needs a positive whole number, not ${subscribersValue}`);
  }
  const postgres = !argv.includes("--no-postgres") && (!quick || argv.includes("--postgres"));
  return { quick, postgres, only, subscribers };
}

async function main(): Promise<void> {
  let options;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (error) {
    console.error(`bench: ${(error as Error).message}`);
    process.exit(2);
  }
  if (!options) {
    console.log(HELP);
    return;
  }
  const base = options.quick ? QUICK : FULL;
  const plan = options.subscribers ? { ...base, subscribers: options.subscribers } : base;
  const started = new Date();
  const selected = SCENARIOS.filter((s) => !options.only || options.only.has(s));
  progress(`${options.quick ? "quick" : "full"} run of ${selected.join(" ")}; ${pinningNote()}`);
  const databases: BenchDatabase[] = [];
  let rows: Row[] = [];
  let raw: Record<string, unknown> = {};
  try {
    progress("preparing the SQLite database (migrate, seed, 120 synthetic articles)");
    const sqlite = await createSqliteDatabase();
    databases.push(sqlite);
    let postgres: BenchDatabase | null = null;
    const wantsPostgres = selected.some((s) => ["P2", "P3", "P5"].includes(s));
    if (options.postgres && wantsPostgres) {
      progress("preparing the PostgreSQL database");
      postgres = await createPostgresDatabase();
      if (postgres) databases.push(postgres);
      else progress("PostgreSQL is not reachable at 127.0.0.1:5432: its figures (and P5) are skipped");
    }
    ({ rows, raw } = await runScenarios({ plan, selected, sqlite, postgres }));
  } finally {
    await Promise.all(databases.map((db) => db.drop().catch(() => undefined)));
  }
  const seconds = (Date.now() - started.getTime()) / 1000;
  const table = formatTable(rows);
  console.log(
    `\nLede benchmark, ${options.quick ? "quick" : "full"} run, ${started.toISOString()}, ${seconds.toFixed(0)} s; ` +
      `${availableParallelism()} × ${cpus()[0]?.model.trim() ?? "cpu"}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, ` +
      `Node ${process.version}; ${pinningNote()}\n`,
  );
  console.log(table);
  const dir = join(ROOT, "bench-results");
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${started.toISOString().replace(/[:.]/g, "-")}.json`);
  writeFileSync(
    file,
    JSON.stringify(
      {
        startedAt: started.toISOString(),
        seconds,
        quick: options.quick,
        pinning: pinningNote(),
        plan,
        rows,
        raw,
        table,
      },
      null,
      2,
    ),
  );
  console.log(`\nwritten to ${file}`);
  // Keep-alive sockets and the Prisma clients of P3 would hold the process open.
  process.exit(rows.some((r) => r.verdict === "FAIL") ? 1 : 0);
}

main().catch((error) => {
  console.error(`bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});
