// The corpus generator's live blogs (--live-blogs): one article in fifty, a few with hundreds of updates, served
// like any live blog; without the option the corpus is as before.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateCorpus } from "../src/seed/corpus.js";
import { skipDatabase, startLede, type TestLede } from "./support/lede.js";

describe.skipIf(skipDatabase)("corpus live blogs", () => {
  let lede: TestLede;
  beforeAll(async () => {
    lede = await startLede({ seeded: false });
  });
  afterAll(async () => {
    await lede?.close();
  });

  it("makes live blogs, one with hundreds of updates, that read like any other", async () => {
    const report = await generateCorpus(lede.db.prisma, { articles: 60, seed: 31, liveBlogs: true });
    const blogs = await lede.db.prisma.liveBlog.findMany({ include: { _count: { select: { updates: true } } } });
    expect(blogs.length).toBe(report.liveBlogs);
    expect(report.liveBlogs).toBeGreaterThanOrEqual(1);
    const long = blogs.find((b) => b.articleId === "corpus31-article-7");
    expect(long?._count.updates).toBeGreaterThanOrEqual(200);
    expect(report.liveUpdates).toBe(blogs.reduce((sum, b) => sum + b._count.updates, 0));
    const slug = (await lede.db.prisma.article.findUniqueOrThrow({ where: { id: "corpus31-article-7" } })).slug;
    const { article } = await lede.query<
      {
        article: {
          liveBlog: {
            eventCursor: string;
            liveUpdates: { totalCount: number; edges: { node: { sequence: number } }[] };
          };
        };
      },
      unknown
    >(
      `query($s: String!) { article(slug: $s) { liveBlog { eventCursor liveUpdates(first: 3) { totalCount edges { node { sequence } } } } } }`,
      { s: slug },
    );
    const total = long!._count.updates;
    expect(article.liveBlog.liveUpdates.totalCount).toBe(total);
    expect(article.liveBlog.liveUpdates.edges.map((e) => e.node.sequence)).toEqual([total, total - 1, total - 2]);
    const other = await generateCorpus(lede.db.prisma, { articles: 60, seed: 32 });
    expect(other.liveBlogs).toBe(0);
    expect(await lede.db.prisma.liveBlog.count()).toBe(report.liveBlogs);
  });
});
