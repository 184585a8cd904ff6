// Configuration of the Prisma 6.19.3 CLI (the npm alias "prisma6", always run by path with `--config` this file),
// which runs the migrations: deploy, status and diff (npm run db:deploy, db:status, db:migration). The Prisma 7 CLI
// cannot migrate here (it always starts a native schema engine, and none can be downloaded); this one runs its JS
// schema engine over the same driver adapters the server uses, picked from DATABASE_URL.
import "./scripts/unref-long-timers.js";
import { fileURLToPath } from "node:url";
import { defineConfig } from "prisma6/config";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { providerOf, sqliteFilePath, withDefaultPostgresUser } from "../src/platform/database-url.js";
import { writeMigrationSchema } from "./scripts/migration-schema.js";

const databaseUrl = process.env.DATABASE_URL ?? "file:./data/lede.db";
const provider = providerOf(databaseUrl);
const migrations = provider === "postgresql" ? "./postgres/migrations" : "./migrations";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: writeMigrationSchema(provider),
  migrations: { path: fileURLToPath(new URL(migrations, import.meta.url)) },
  adapter: async () =>
    provider === "postgresql"
      ? new PrismaPg({ connectionString: withDefaultPostgresUser(databaseUrl), idleTimeoutMillis: 200 })
      : new PrismaBetterSqlite3({ url: sqliteFilePath(databaseUrl) }),
});
