// The benchmark's databases: migrated with the real `prisma migrate deploy`, seeded with the story, then 120
// synthetic published articles (a byline, a publisher, four mentions and nine comments with replies each) so that
// a front page of 20 is full, and one old article that the live scenarios post to (it is on no front page).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDatabase } from "../../../src/platform/db.js";
import { migrateDeploy } from "../../../src/platform/migrate.js";
import { seedDatabase } from "../../../src/seed/seed.js";
import { encodeGlobalId } from "../../../src/global-id.js";
import { addSyntheticArticles } from "../../support/corpus.js";
import { postgresAvailable, postgresUrl, withAdminClient } from "../../support/databases.js";

export const SYNTHETIC_ARTICLES = 120;
export const LIVE_ARTICLE_ID = "bench-live-article";
export const LIVE_ARTICLE_GLOBAL_ID = encodeGlobalId("Article", LIVE_ARTICLE_ID);
export const BREAKING_STORY_ID = "bench-breaking-story";
export const BREAKING_STORY_SLUG = "bench-breaking";
export const BREAKING_STORY_GLOBAL_ID = encodeGlobalId("Article", BREAKING_STORY_ID);

export interface BenchDatabase {
  provider: "sqlite" | "postgresql";
  url: string;
  drop(): Promise<void>;
}

async function fill(url: string): Promise<void> {
  await migrateDeploy(url);
  const db = await openDatabase(url);
  try {
    await seedDatabase(db.prisma);
    await addSyntheticArticles(db.prisma, SYNTHETIC_ARTICLES, 9);
    const section = await db.prisma.section.findFirstOrThrow();
    await db.prisma.article.create({
      data: {
        id: LIVE_ARTICLE_ID,
        slug: "bench-live",
        canonicalUrl: "https://lede.example/bench-live",
        headline: "The article the live benchmark comments on",
        bodyText: "Comments arrive here.",
        wordCount: 3,
        status: "PUBLISHED",
        publishedAt: new Date(Date.UTC(2000, 0, 1)),
        sectionId: section.id,
      },
    });
    if (db.provider === "sqlite") await db.prisma.$queryRawUnsafe("PRAGMA wal_checkpoint(TRUNCATE)");
  } finally {
    await db.close();
  }
}

/**
 * P8's story, published now: the newest article, so it heads the front page, and every comment on it changes the
 * front page's answer too. Added by P8 when it starts (and it runs last), so the front page of P2, P3 and P6 is
 * the same whether P8 runs or not.
 */
export async function addBreakingStory(url: string): Promise<void> {
  const db = await openDatabase(url);
  try {
    const section = await db.prisma.section.findFirstOrThrow();
    const person = await db.prisma.person.findFirstOrThrow({ orderBy: { slug: "asc" } });
    await db.prisma.article.create({
      data: {
        id: BREAKING_STORY_ID,
        slug: BREAKING_STORY_SLUG,
        canonicalUrl: `https://lede.example/${BREAKING_STORY_SLUG}`,
        headline: "Breaking: the story everyone follows",
        bodyText: "Readers comment as it unfolds.",
        wordCount: 5,
        status: "PUBLISHED",
        publishedAt: new Date(),
        sectionId: section.id,
        bylines: { create: { id: `${BREAKING_STORY_ID}-byline`, personId: person.id, position: 0 } },
      },
    });
    if (db.provider === "sqlite") await db.prisma.$queryRawUnsafe("PRAGMA wal_checkpoint(TRUNCATE)");
  } finally {
    await db.close();
  }
}

export async function createSqliteDatabase(): Promise<BenchDatabase> {
  const dir = mkdtempSync(join(tmpdir(), "lede-bench-"));
  const url = `file:${join(dir, "bench.db")}`;
  await fill(url);
  return { provider: "sqlite", url, drop: async () => rmSync(dir, { recursive: true, force: true }) };
}

/** null when PostgreSQL is not reachable (its rows are then skipped). */
export async function createPostgresDatabase(): Promise<BenchDatabase | null> {
  if (!(await postgresAvailable())) return null;
  const name = `lede_bench_${process.pid}_${Date.now().toString(36)}`;
  await withAdminClient((c) => c.query(`CREATE DATABASE "${name}"`));
  const url = postgresUrl(name);
  await fill(url);
  return {
    provider: "postgresql",
    url,
    drop: () => withAdminClient((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => {}),
  };
}
