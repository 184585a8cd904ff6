// The schema as the Prisma 6.19.3 CLI, which runs the migrations, needs it. That CLI requires a `url` in the
// datasource block, a line Prisma 7 refuses in a schema file; with a driver adapter the URL is never used. So the
// migration commands read a copy of the schema with that line and with one generator of their own instead of the
// project's (the 6.19 CLI must never write over the Prisma 7 clients), written under .build/ from the committed
// schema each time a command loads its config.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Provider } from "../../src/platform/database-url.js";
import { postgresSchemaFrom } from "./write-postgres-schema.js";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

/** Placeholder URLs: the 6.19 CLI checks that one is there, while the driver adapter says where the database is. */
const PLACEHOLDER_URL: Record<Provider, string> = {
  sqlite: "file:./unused-with-a-driver-adapter.db",
  postgresql: "postgresql://localhost:5432/unused-with-a-driver-adapter",
};

/**
 * Without a generator whose engineType is "client", the 6.19 CLI downloads a native query engine before it migrates.
 * Migration commands never generate; the output is a folder nothing reads, should one ever do.
 */
const MIGRATION_GENERATOR = `generator client {
  provider   = "prisma-client"
  output     = "./unused-client"
  engineType = "client"
}`;

/**
 * A SQLite or PostgreSQL schema (as committed now, or as it was in an older commit, when the url line was still there)
 * turned into what the 6.19 CLI reads.
 */
export function migrationSchemaFrom(schema: string, provider: Provider): string {
  const withoutGenerators = schema.replace(/^generator \w+ \{[^}]*\}\n\n?/gm, "");
  const withGenerator = withoutGenerators.replace(/^(datasource \w+ \{)/m, `${MIGRATION_GENERATOR}\n\n$1`);
  const withoutUrl = withGenerator.replace(/^(datasource \w+ \{[^}]*?)\n  url\s*=.*$/m, "$1");
  const datasource = /^(datasource \w+ \{\n  provider = "(?:sqlite|postgresql)")$/m;
  if (!datasource.test(withoutUrl)) throw new Error("migration-schema: no datasource block with a provider line");
  return withoutUrl.replace(datasource, `$1\n  url      = "${PLACEHOLDER_URL[provider]}"`);
}

/** Writes the migration copy of the committed schema for a provider; returns its absolute path. */
export function writeMigrationSchema(provider: Provider): string {
  const source = readFileSync(join(root, "prisma/schema.prisma"), "utf8");
  const schema = provider === "postgresql" ? postgresSchemaFrom(source) : source;
  const path = join(root, ".build/prisma6", `${provider}.prisma`);
  mkdirSync(dirname(path), { recursive: true });
  // Several CLIs may load the config at once (the test setup migrates four databases in parallel): write, then rename.
  const temporary = `${path}.${process.pid}`;
  const header =
    "// WRITTEN from prisma/schema.prisma by prisma/scripts/migration-schema.ts for the 6.19 migration CLI.\n";
  writeFileSync(temporary, header + migrationSchemaFrom(schema, provider));
  renameSync(temporary, path);
  return path;
}
