// P3: SQL statements for the front page at first:10 and first:100 (and at first:20, P2's size), counted in process
// the way the tests count them (every statement the Prisma client sends).
import { createApp } from "../../../src/app.js";
import { loadConfig } from "../../../src/platform/config.js";
import { createLogger } from "../../../src/platform/logger.js";
import { frontPageRequest } from "./http.js";

export interface StatementCounts {
  [first: number]: number;
}

export async function countFrontPageStatements(databaseUrl: string, sizes: number[]): Promise<StatementCounts> {
  const config = loadConfig({
    NODE_ENV: "production",
    DATABASE_URL: databaseUrl,
    LOG_LEVEL: "silent",
    SEED_ON_START: "off",
    MIGRATE_ON_START: "off",
    DATABASE_POOL_SIZE: "2",
    // statements the engine runs, not answers the response cache already holds
    RESPONSE_CACHE: "off",
  });
  const app = await createApp(config, { logger: createLogger("silent") });
  try {
    const counts: StatementCounts = {};
    const run = async (first: number) => {
      const sql: string[] = [];
      const stop = app.deps.db.onQuery((event) => sql.push(event.sql));
      try {
        const response = await app.server.yoga.fetch(`http://bench${config.graphqlPath}`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: frontPageRequest(first, 5),
        });
        const result = (await response.json()) as { data?: { articles: { edges: unknown[] } }; errors?: unknown };
        if (result.errors || result.data?.articles.edges.length !== first) {
          throw new Error(`front page first:${first} answered wrongly: ${JSON.stringify(result).slice(0, 500)}`);
        }
      } finally {
        stop();
      }
      return sql.length;
    };
    await run(sizes[0]!); // warm: the first request prepares what later ones reuse; it must not count
    for (const first of sizes) counts[first] = await run(first);
    return counts;
  } finally {
    await app.close();
  }
}
