// P7: `npm start` on an empty data folder (migrations, seed, listen) to the first correct answer to a query.
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startChild } from "../lib/processes.js";
import { BENCH_ENV } from "../lib/lede.js";

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const port = (server.address() as { port: number }).port;
      server.close(() => resolve(port));
    });
  });
}

export interface ColdStart {
  /** From spawning `npm start` to the first `{ articles(first: 1) { totalCount } }` answered with data. */
  ms: number;
  /** What Lede logged it spent on `prisma migrate deploy`. */
  migrateMs: number | null;
}

export async function coldStart(): Promise<ColdStart> {
  const dir = mkdtempSync(join(tmpdir(), "lede-bench-start-"));
  const port = await freePort();
  const started = performance.now();
  const child = await startChild({
    name: "npm start",
    command: ["npm", "start", "--silent"],
    env: {
      ...BENCH_ENV,
      SEED_ON_START: "on",
      LOG_LEVEL: "info",
      PORT: String(port),
      DATABASE_URL: `file:${join(dir, "data", "lede.db")}`,
    },
    // Not pinned: nothing else of the benchmark runs meanwhile, and `npm start` may use every core a user's machine
    // has (the Prisma CLI migrates in a child process while the server loads).
    core: "none",
    group: true,
  });
  try {
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      try {
        const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ query: "{ articles(first: 1) { totalCount } }" }),
        });
        const result = (await response.json()) as { data?: { articles: { totalCount: number } } };
        if (response.ok && (result.data?.articles.totalCount ?? 0) > 0) {
          const ms = performance.now() - started;
          const migrated = /"migrations applied"[^\n]*"ms":(\d+)/.exec(child.output());
          return { ms, migrateMs: migrated ? Number(migrated[1]) : null };
        }
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error(`npm start answered nothing within 60 s:\n${child.output().slice(-2000)}`);
  } finally {
    await child.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
