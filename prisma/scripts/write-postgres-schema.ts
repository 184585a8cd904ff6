// Writes prisma/postgres/schema.prisma from prisma/schema.prisma: same models, PostgreSQL provider, its own client
// output, no Pothos generator (one set of Pothos types serves both clients). `--check` fails when the copy is stale.
import { readFileSync, writeFileSync, mkdirSync, existsSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const prismaDir = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const sourcePath = resolve(prismaDir, "schema.prisma");
const targetPath = resolve(prismaDir, "postgres/schema.prisma");

export function postgresSchemaFrom(source: string): string {
  const withoutPothos = source.replace(/generator pothos \{[^}]*\}\n\n/, "");
  const out = withoutPothos
    .replace(
      'output              = "../src/generated/prisma"',
      'output              = "../../src/generated/prisma-postgres"',
    )
    .replace('provider = "sqlite"', 'provider = "postgresql"');
  const header = "// GENERATED from prisma/schema.prisma by prisma/scripts/write-postgres-schema.ts — do not edit.\n";
  return header + out;
}

function main(): void {
  if (process.argv.includes("--help")) {
    console.log(
      "usage: npm run generate:prisma (writes prisma/postgres/schema.prisma, then both Prisma clients)\n" +
        "       npm run check:generated (runs it with --check: only verifies that it is current)",
    );
    process.exit(0);
  }

  const expected = postgresSchemaFrom(readFileSync(sourcePath, "utf8"));
  if (!expected.includes('provider = "postgresql"') || !expected.includes("prisma-postgres")) {
    console.error("write-postgres-schema: prisma/schema.prisma no longer has the lines this script rewrites");
    process.exit(1);
  }
  const current = existsSync(targetPath) ? readFileSync(targetPath, "utf8") : "";
  if (process.argv.includes("--check")) {
    if (current !== expected) {
      console.error("prisma/postgres/schema.prisma is stale: run `npm run generate`");
      process.exit(1);
    }
  } else if (current !== expected) {
    mkdirSync(dirname(targetPath), { recursive: true });
    writeFileSync(targetPath, expected);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
