// `npm run soak -- --minutes N`: Lede under steady load while Redis and then PostgreSQL are restarted. Prints
// progress while it runs, then the figures and the verdict; exits 1 when a promise was broken. See --help.
import { writeFileSync } from "node:fs";
import { formatReport } from "./format.js";
import { DEFAULT_PLAN, type SoakPlan } from "./plan.js";
import { analyse } from "./report.js";
import { runSoak, soakUnavailable } from "./soak.js";

const HELP = `usage: npm run soak -- [--minutes N] [--reads N] [--posts N] [--subscribers N] [--down N] [--json FILE]

Starts a PostgreSQL and a Redis of its own (initdb into a temporary folder, free ports; the machine's shared servers
are left alone) and two Lede instances on them (node src/start.mjs, what npm start runs, REDIS_URL set). Then, for
N minutes: readers send anonymous queries over HTTP, writers post comments through GraphQL (a failed post is
retried with its clientMutationId), and subscribers follow the articles' comments over graphql-ws (some keep one
subscription, some resume from their last cursor on the other instance every ${DEFAULT_PLAN.reconnectEverySeconds} s).
A quarter of the way in Redis is restarted; at ${DEFAULT_PLAN.postgresAt * 100} % (and ${DEFAULT_PLAN.recoveryGraceSeconds + 5} s after Redis is back at the
earliest) PostgreSQL, each down for --down seconds.

Promises checked at the end (exit code 1 when one is broken):
  - every subscriber receives every event of the log after its cursor: none lost, none twice, in order
  - no request fails (and none is answered 5xx) outside the outage windows: from a stop to
    ${DEFAULT_PLAN.recoveryGraceSeconds} s after the service answers again
  - inside them nothing fails unexpectedly: no INTERNAL_SERVER_ERROR, no error in the instances' logs
  - requests and live delivery recover within those ${DEFAULT_PLAN.recoveryGraceSeconds} s; every post succeeds in the end, once
  - memory is flat over the steady part (the second half): heap after a full GC grows at most
    ${DEFAULT_PLAN.memory.maxHeapGrowthMbPerMinute} MB/min, RSS at most ${DEFAULT_PLAN.memory.maxRssGrowthMb} MB
  - both instances shut down cleanly on SIGTERM

  --minutes N      how long the load runs (default ${DEFAULT_PLAN.minutes}; at least 2)
  --reads N        reads a second over both instances (default ${DEFAULT_PLAN.readsPerSecond})
  --posts N        posts a second (default ${DEFAULT_PLAN.postsPerSecond})
  --subscribers N  steady subscribers per instance (default ${DEFAULT_PLAN.subscribersPerInstance}, plus ${DEFAULT_PLAN.reconnectingPerInstance} reconnecting)
  --down N         seconds each service stays down (default ${DEFAULT_PLAN.downSeconds})
  --json FILE      also write the figures as JSON
  --help           this text

Needs the PostgreSQL server binaries (/usr/lib/postgresql/<version>/bin, or SOAK_POSTGRES_BIN) and redis-server.
As root, PostgreSQL runs as the postgres user. Ctrl-C stops everything and removes the temporary folder.`;

const NUMERIC = {
  "--minutes": "minutes",
  "--reads": "readsPerSecond",
  "--posts": "postsPerSecond",
  "--subscribers": "subscribersPerInstance",
  "--down": "downSeconds",
} as const;

function parseArgs(argv: string[]): { plan: SoakPlan; json?: string } | null {
  const plan: SoakPlan = { ...DEFAULT_PLAN };
  let json: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i]!.split("=", 2) as [string, string | undefined];
    if (flag === "--help" || flag === "-h") return null;
    const value = inline ?? argv[++i];
    if (flag === "--json") {
      if (!value) throw new Error("--json needs a file name");
      json = value;
      continue;
    }
    const key = NUMERIC[flag as keyof typeof NUMERIC];
    if (!key) throw new Error(`unknown option ${flag} (see --help)`);
    const number = Number(value);
    if (!Number.isFinite(number) || number <= 0) throw new Error(`${flag} needs a positive number, not ${value}`);
    plan[key] = number;
  }
  if (plan.minutes < 2) throw new Error("--minutes must be at least 2 (both restarts and a steady part must fit)");
  // Enough memory samples for the steady part of a short run, no more than one each 10 s in a long one.
  plan.sampleEverySeconds = Math.min(DEFAULT_PLAN.sampleEverySeconds, plan.minutes * 1.5);
  return { plan, json };
}

async function main(): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs(process.argv.slice(2));
  } catch (error) {
    console.error(`soak: ${(error as Error).message}`);
    process.exit(2);
  }
  if (!parsed) {
    console.log(HELP);
    return;
  }
  const unavailable = soakUnavailable();
  if (unavailable) {
    console.error(`soak: cannot run here: ${unavailable}`);
    process.exit(2);
  }
  const abort = new AbortController();
  let interrupts = 0;
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      // The first Ctrl-C stops the soak and cleans up; a second one leaves at once (the exit hook kills the rest).
      if (++interrupts > 1) process.exit(130);
      console.error("soak: interrupted; stopping the instances, PostgreSQL and Redis");
      abort.abort();
    });
  }
  try {
    const run = await runSoak({ ...parsed.plan, progress: (line) => console.log(line), signal: abort.signal });
    const report = analyse(run);
    console.log(`\n${formatReport(report)}`);
    if (parsed.json) writeFileSync(parsed.json, JSON.stringify(report, null, 2));
    process.exit(report.failures.length === 0 ? 0 : 1);
  } catch (error) {
    if (abort.signal.aborted) process.exit(130);
    console.error(`soak: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  }
}

void main();
