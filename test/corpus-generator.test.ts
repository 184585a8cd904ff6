// The synthetic corpus: deterministic for a seed, consistent rows (threads, sequences, references), realistic shapes
// (a few entities in many articles, most threads short, some long), and it refuses to write the same corpus twice.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CorpusExistsError, generateCorpus, type CorpusReport } from "../src/seed/corpus.js";
import { skipDatabase, startLede, type TestLede } from "./support/lede.js";

const ARTICLES = 1200;

describe.skipIf(skipDatabase)("generateCorpus", () => {
  let lede: TestLede;
  let report: CorpusReport;
  const progress: number[] = [];
  beforeAll(async () => {
    lede = await startLede();
    report = await generateCorpus(lede.db.prisma, {
      articles: ARTICLES,
      seed: 11,
      onProgress: (done) => progress.push(done),
    });
  });
  afterAll(async () => {
    await lede?.close();
  });

  const sql = <T>(query: string) => lede.db.prisma.$queryRawUnsafe<T[]>(query);

  it("writes what it reports, and reports progress up to the total", async () => {
    const prisma = lede.db.prisma;
    const mine = { id: { startsWith: "corpus11-" } };
    expect(await prisma.article.count({ where: mine })).toBe(ARTICLES);
    expect(await prisma.mention.count({ where: { articleId: { startsWith: "corpus11-" } } })).toBe(report.mentions);
    expect(await prisma.comment.count({ where: mine })).toBe(report.comments);
    expect(await prisma.person.count({ where: mine })).toBe(report.people);
    expect(progress[0]).toBe(0);
    expect(progress.at(-1)).toBe(ARTICLES);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
  });

  it("has Zipf-like mention popularity and heavy-tailed threads", async () => {
    const perPerson = await sql<{ n: number | bigint }>(
      `SELECT COUNT(*) AS n FROM "Mention" WHERE "personId" LIKE 'corpus11-%' GROUP BY "personId" ORDER BY n DESC`,
    );
    const counts = perPerson.map((r) => Number(r.n));
    // the most mentioned person is in many articles, the median one in few
    expect(counts[0]!).toBeGreaterThan(ARTICLES / 20);
    expect(counts[Math.floor(counts.length / 2)]!).toBeLessThan(counts[0]! / 10);
    const perArticle = await sql<{ n: number | bigint }>(
      `SELECT COUNT("c"."id") AS n FROM "Article" a LEFT JOIN "Comment" c ON c."articleId" = a."id"
       WHERE a."id" LIKE 'corpus11-%' AND a."status" = 'PUBLISHED' GROUP BY a."id" ORDER BY n DESC`,
    );
    const threads = perArticle.map((r) => Number(r.n));
    expect(threads.filter((n) => n === 0).length).toBeGreaterThan(threads.length / 5);
    expect(threads[0]!).toBeGreaterThan(50);
    const replies = await lede.db.prisma.comment.count({
      where: { id: { startsWith: "corpus11-" }, depth: { gt: 0 } },
    });
    expect(replies).toBeGreaterThan(report.comments / 5);
  });

  it("writes consistent threads: replies in their own article, sequences 1…n, the article's counters match", async () => {
    const strayReplies = await sql<{ n: number | bigint }>(
      `SELECT COUNT(*) AS n FROM "Comment" c JOIN "Comment" p ON p."id" = c."parentId"
       WHERE c."id" LIKE 'corpus11-%' AND (p."articleId" <> c."articleId" OR p."createdAt" > c."createdAt"
         OR c."depth" <> p."depth" + 1 OR COALESCE(c."rootId", '') <> COALESCE(p."rootId", p."id"))`,
    );
    expect(Number(strayReplies[0]!.n)).toBe(0);
    const badCounters = await sql<{ n: number | bigint }>(
      `SELECT COUNT(*) AS n FROM "Article" a WHERE a."id" LIKE 'corpus11-%' AND (
         a."lastCommentSeq" <> (SELECT COUNT(*) FROM "Comment" c WHERE c."articleId" = a."id") OR
         a."lastCommentSeq" <> COALESCE((SELECT MAX("seq") FROM "Comment" c WHERE c."articleId" = a."id"), 0) OR
         a."lastEventSeq" <> (SELECT COUNT(*) FROM "CommentEvent" e WHERE e."articleId" = a."id"))`,
    );
    expect(Number(badCounters[0]!.n)).toBe(0);
    const unpublishedWithComments = await lede.db.prisma.comment.count({
      where: { id: { startsWith: "corpus11-" }, article: { status: { not: "PUBLISHED" } } },
    });
    expect(unpublishedWithComments).toBe(0);
  });

  it("makes the same rows for the same seed, other rows for another seed, and refuses to write a seed twice", async () => {
    const sample = (target: TestLede, seed: number) =>
      target.db.prisma.article.findMany({
        where: { id: { startsWith: `corpus${seed}-` } },
        orderBy: { id: "asc" },
        take: 300,
        select: {
          id: true,
          headline: true,
          bodyText: true,
          publishedAt: true,
          status: true,
          mentions: { orderBy: { id: "asc" }, select: { id: true, personId: true, placeId: true, salience: true } },
          comments: { orderBy: { seq: "asc" }, select: { id: true, authorId: true, parentId: true, createdAt: true } },
        },
      });
    await expect(generateCorpus(lede.db.prisma, { articles: 10, seed: 11 })).rejects.toBeInstanceOf(CorpusExistsError);
    expect(await lede.db.prisma.article.count({ where: { id: { startsWith: "corpus11-" } } })).toBe(ARTICLES);

    await generateCorpus(lede.db.prisma, { articles: 300, seed: 12 });
    const headlines = async (seed: number) => (await sample(lede, seed)).map((a) => a.headline);
    expect(await headlines(12)).not.toEqual(await headlines(11));

    const other = await startLede();
    try {
      await generateCorpus(other.db.prisma, { articles: ARTICLES, seed: 11 });
      expect(await sample(other, 11)).toEqual(await sample(lede, 11));
    } finally {
      await other.close();
    }
  });

  it("rejects a bad article count", async () => {
    await expect(generateCorpus(lede.db.prisma, { articles: 0 })).rejects.toThrow(/articles must be/);
    await expect(generateCorpus(lede.db.prisma, { articles: 1.5 })).rejects.toThrow(/articles must be/);
  });
});
