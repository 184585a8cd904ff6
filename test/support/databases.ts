// Test databases: a template per run (migrated with the real `prisma migrate deploy`, then seeded), and a private
// copy of it for each test file. Tests never touch a database they did not create.
import { copyFileSync, existsSync, mkdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { withDefaultPostgresUser, type Provider } from "../../src/platform/database-url.js";

export const ADMIN_POSTGRES_URL = process.env.LEDE_TEST_POSTGRES_URL ?? "postgresql://127.0.0.1:5432/postgres";

export function testProvider(): Provider {
  return process.env.LEDE_TEST_DB === "postgresql" ? "postgresql" : "sqlite";
}

export function postgresUrl(database: string): string {
  const url = new URL(withDefaultPostgresUser(ADMIN_POSTGRES_URL));
  url.pathname = `/${database}`;
  return url.toString();
}

export async function withAdminClient<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({
    connectionString: withDefaultPostgresUser(ADMIN_POSTGRES_URL),
    connectionTimeoutMillis: 3000,
  });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

export async function postgresAvailable(): Promise<boolean> {
  try {
    await withAdminClient((c) => c.query("SELECT 1"));
    return true;
  } catch {
    return false;
  }
}

export function sqliteDirectory(runId: string): string {
  const dir = join(tmpdir(), `lede-test-${runId}`);
  mkdirSync(dir, { recursive: true });
  return dir;
}

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

let counter = 0;

/** A private database for one test file, copied from the run's template (empty: `seeded: false`). */
export async function createTestDatabase(
  templateUrl: string,
  emptyTemplateUrl: string,
  seeded = true,
): Promise<TestDatabase> {
  const source = seeded ? templateUrl : emptyTemplateUrl;
  const name = `f${process.pid}_${++counter}_${Math.random().toString(36).slice(2, 8)}`;
  if (source.startsWith("file:")) {
    const sourcePath = source.slice("file:".length);
    const path = join(sourcePath, "..", `${name}.db`);
    copyFileSync(sourcePath, path);
    return {
      url: `file:${path}`,
      async drop() {
        for (const suffix of ["", "-wal", "-shm"]) if (existsSync(path + suffix)) rmSync(path + suffix);
      },
    };
  }
  const template = new URL(source).pathname.slice(1);
  const database = `${template}_${name}`.slice(0, 63);
  await withAdminClient((c) => c.query(`CREATE DATABASE "${database}" TEMPLATE "${template}"`));
  return {
    url: postgresUrl(database),
    async drop() {
      await withAdminClient((c) => c.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`));
    },
  };
}
