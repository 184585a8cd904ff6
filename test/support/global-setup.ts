// Runs once per project (SQLite, PostgreSQL): builds the template databases every test file copies. With
// REQUIRE_SERVICES=1 a missing PostgreSQL fails the run; without it the PostgreSQL project is skipped.
import { rmSync } from "node:fs";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { openDatabase } from "../../src/platform/db.js";
import { migrateDeploy } from "../../src/platform/migrate.js";
import { seedDatabase } from "../../src/seed/seed.js";
import { postgresAvailable, postgresUrl, sqliteDirectory, withAdminClient } from "./databases.js";

declare module "vitest" {
  export interface ProvidedContext {
    templateUrl: string;
    emptyTemplateUrl: string;
    skipReason: string;
  }
}

async function prepare(url: string, seed: boolean): Promise<void> {
  await migrateDeploy(url);
  if (!seed) return;
  const db = await openDatabase(url);
  try {
    await seedDatabase(db.prisma);
    if (db.provider === "sqlite") await db.prisma.$queryRawUnsafe("PRAGMA wal_checkpoint(TRUNCATE)");
  } finally {
    await db.close();
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const runId = `${Date.now().toString(36)}${process.pid}`;
  // The project's env (LEDE_TEST_DB) reaches the test workers, not this process: go by the project's name.
  const provider = project.name === "postgresql" ? "postgresql" : "sqlite";
  project.provide("skipReason", "");
  if (provider === "sqlite") {
    const dir = sqliteDirectory(runId);
    const templateUrl = `file:${join(dir, "template.db")}`;
    const emptyTemplateUrl = `file:${join(dir, "empty.db")}`;
    await Promise.all([prepare(templateUrl, true), prepare(emptyTemplateUrl, false)]);
    project.provide("templateUrl", templateUrl);
    project.provide("emptyTemplateUrl", emptyTemplateUrl);
    return async () => rmSync(dir, { recursive: true, force: true });
  }

  if (!(await postgresAvailable())) {
    const message = "PostgreSQL is not reachable at 127.0.0.1:5432";
    if (process.env.REQUIRE_SERVICES === "1") throw new Error(`${message} and REQUIRE_SERVICES=1`);
    project.provide("skipReason", `${message}: PostgreSQL tests skipped`);
    project.provide("templateUrl", "");
    project.provide("emptyTemplateUrl", "");
    return async () => {};
  }
  const seeded = `lede_t${runId}`;
  const empty = `lede_e${runId}`;
  await withAdminClient(async (c) => {
    await c.query(`CREATE DATABASE "${seeded}"`);
    await c.query(`CREATE DATABASE "${empty}"`);
  });
  await Promise.all([prepare(postgresUrl(seeded), true), prepare(postgresUrl(empty), false)]);
  project.provide("templateUrl", postgresUrl(seeded));
  project.provide("emptyTemplateUrl", postgresUrl(empty));
  return async () => {
    await withAdminClient(async (c) => {
      const { rows } = await c.query<{ datname: string }>(
        "SELECT datname FROM pg_database WHERE datname LIKE $1 OR datname LIKE $2",
        [`${seeded}%`, `${empty}%`],
      );
      for (const row of rows) await c.query(`DROP DATABASE IF EXISTS "${row.datname}" WITH (FORCE)`);
    });
  };
}
