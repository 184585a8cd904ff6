// Prisma CLI configuration. Prisma runs here without native engines: the JS schema engine drives migrations over a
// driver adapter picked from DATABASE_URL (SQLite by default, PostgreSQL for postgres:// URLs).
import "./prisma/scripts/unref-long-timers.js";
import { providerOf, sqliteFilePath, withDefaultPostgresUser } from "./src/platform/database-url.js";
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";

const databaseUrl = process.env.DATABASE_URL ?? "file:./data/lede.db";
const isPostgres = providerOf(databaseUrl) === "postgresql";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: isPostgres ? "prisma/postgres/schema.prisma" : "prisma/schema.prisma",
  migrations: { path: isPostgres ? "prisma/postgres/migrations" : "prisma/migrations" },
  adapter: async () =>
    isPostgres
      ? new PrismaPg({ connectionString: withDefaultPostgresUser(databaseUrl), idleTimeoutMillis: 200 })
      : new PrismaBetterSQLite3({ url: sqliteFilePath(databaseUrl) }),
});
