// Applies pending migrations with `prisma migrate deploy` of the Prisma 6.19.3 CLI (the npm alias "prisma6": its JS
// schema engine over a driver adapter; see prisma/migrate.config.ts). Prisma 7's CLI cannot migrate without a native
// engine, which cannot be downloaded here. It runs as a child process because the Prisma CLI is the maintained
// migration runner.
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { readdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import type { Database, Provider } from "./db.js";
import { PROJECT_ROOT } from "./paths.js";

/**
 * Node's arguments for a command of the migration CLI, by path: both Prisma CLIs install a bin named `prisma`, and
 * which one node_modules/.bin gets differs between `npm install` and `npm ci`.
 */
export function migrationCliArgs(...command: string[]): string[] {
  const require = createRequire(import.meta.url);
  const cli = resolve(dirname(require.resolve("prisma6/package.json")), "build/index.js");
  return [cli, ...command, "--config", resolve(PROJECT_ROOT, "prisma/migrate.config.ts")];
}

export interface MigrateResult {
  output: string;
}

export async function migrateDeploy(databaseUrl: string): Promise<MigrateResult> {
  const child = spawn(process.execPath, migrationCliArgs("migrate", "deploy"), {
    cwd: PROJECT_ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  const code = await new Promise<number | null>((done, fail) => {
    child.once("error", fail);
    child.once("close", done);
  });
  if (code !== 0) {
    const lastLines = output.trim().split("\n").slice(-8).join("\n");
    throw new Error(`prisma migrate deploy failed (exit ${code}):\n${lastLines}`);
  }
  return { output };
}

/** The migrations this checkout has for a provider. */
export function migrationNames(provider: Provider): string[] {
  const dir = resolve(PROJECT_ROOT, provider === "postgresql" ? "prisma/postgres/migrations" : "prisma/migrations");
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && /^\d/.test(entry.name))
    .map((entry) => entry.name);
}

/**
 * True when the database has applied every migration of this checkout, so `npm start` can skip the Prisma CLI (a
 * second or so, and it cannot run while another process has the same SQLite file open). Any doubt means false.
 */
export async function isFullyMigrated(db: Database): Promise<boolean> {
  try {
    const rows = await db.prisma.$queryRawUnsafe<{ migration_name: string }[]>(
      `SELECT "migration_name" FROM "_prisma_migrations" WHERE "finished_at" IS NOT NULL AND "rolled_back_at" IS NULL`,
    );
    const applied = new Set(rows.map((row) => row.migration_name));
    return migrationNames(db.provider).every((name) => applied.has(name));
  } catch {
    return false; // no migrations table yet: a new database
  }
}
