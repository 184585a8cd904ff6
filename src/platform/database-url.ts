// DATABASE_URL rules shared by the server, the CLIs and prisma/migrate.config.ts (which must not load the generated
// clients).
import { userInfo } from "node:os";
import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";

export type Provider = "sqlite" | "postgresql";

export function providerOf(databaseUrl: string): Provider {
  if (databaseUrl.startsWith("file:")) return "sqlite";
  if (/^postgres(ql)?:\/\//.test(databaseUrl)) return "postgresql";
  throw new Error(
    `DATABASE_URL must start with file:, postgres:// or postgresql:// (got ${databaseUrl.slice(0, 16)}…)`,
  );
}

/** A pg connection string with the OS user filled in when it names none (libpq's default, which node-pg lacks). */
export function withDefaultPostgresUser(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  if (!url.username) url.username = process.env.PGUSER ?? userInfo().username;
  return url.toString();
}

/** The path of a file: URL, relative to the working directory, with its folder created. */
export function sqliteFilePath(databaseUrl: string): string {
  const path = databaseUrl.replace(/^file:/, "").replace(/\?.*$/, "");
  if (path !== ":memory:") mkdirSync(dirname(resolve(path)), { recursive: true });
  return path;
}
