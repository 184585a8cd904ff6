// The template database: a SQLite file migrated and seeded once per install (`npm ci` runs `node src/start.mjs
// --build`, which builds it after the bundle), and copied into place when `npm start` finds no database, so that a
// first start runs neither the Prisma CLI nor the seed. Its name carries a digest of everything that decides its
// content — the migrations, the seed's sources and the lockfile (the Prisma versions) — so a stale template is never
// used: a start with no current template migrates and seeds as before.
import { createHash } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { openDatabase } from "./db.js";
import { migrateDeploy } from "./migrate.js";
import { PROJECT_ROOT } from "./paths.js";

const TEMPLATE_DIR = join(PROJECT_ROOT, ".build", "template");

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/** A digest of what the template's content follows from (a few milliseconds: some twenty small files). */
export function templateDigest(): string {
  const hash = createHash("sha256");
  const inputs = [
    ...filesUnder(join(PROJECT_ROOT, "prisma", "migrations")),
    ...filesUnder(join(PROJECT_ROOT, "src", "seed")),
    join(PROJECT_ROOT, "package-lock.json"),
  ];
  for (const file of inputs) hash.update(relative(PROJECT_ROOT, file)).update("\0").update(readFileSync(file));
  return hash.digest("hex").slice(0, 20);
}

export function templatePath(digest = templateDigest()): string {
  return join(TEMPLATE_DIR, `lede-${digest}.db`);
}

/**
 * Copies the current template to `target` (a file that does not exist yet); false when there is no current template.
 * Copied next to the target and renamed into place, so a reader never opens a half-copied file.
 */
export function copyTemplateTo(target: string): boolean {
  const template = templatePath();
  if (!existsSync(template)) return false;
  mkdirSync(dirname(target), { recursive: true });
  const partial = `${target}.copying-${process.pid}`;
  copyFileSync(template, partial);
  renameSync(partial, target);
  return true;
}

/** Builds the current template unless it exists; removes templates of other digests. Returns its path. */
export async function buildTemplate(progress: (step: string) => void = () => {}): Promise<string> {
  const digest = templateDigest();
  const target = templatePath(digest);
  if (existsSync(target)) return target;
  mkdirSync(TEMPLATE_DIR, { recursive: true });
  const partial = join(TEMPLATE_DIR, `building-${process.pid}.db`);
  rmSync(partial, { force: true });
  const url = `file:${partial}`;
  progress("migrating the template database");
  await migrateDeploy(url);
  progress("seeding the template database");
  // Imported here: the seed is most of the bundle's size and only this path needs it.
  const { seedDatabase } = await import("../seed/seed.js");
  const db = await openDatabase(url);
  try {
    await seedDatabase(db.prisma);
    // One self-contained file: the write-ahead log folded back in, so the copy needs no -wal beside it.
    await db.prisma.$queryRawUnsafe("PRAGMA wal_checkpoint(TRUNCATE)");
    await db.prisma.$queryRawUnsafe("PRAGMA journal_mode = DELETE");
  } finally {
    await db.close();
  }
  for (const suffix of ["-wal", "-shm", "-journal"]) rmSync(`${partial}${suffix}`, { force: true });
  for (const old of readdirSync(TEMPLATE_DIR)) {
    if (old.startsWith("lede-") && old !== `lede-${digest}.db`) rmSync(join(TEMPLATE_DIR, old), { force: true });
  }
  renameSync(partial, target);
  return target;
}
