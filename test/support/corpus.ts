// A synthetic batch of published articles, each with a byline, a publisher, mentions of every entity kind and a
// thread of comments with replies, so that lists have enough rows to show whether queries grow with them.
import type { Prisma } from "../../src/platform/db.js";

export async function addSyntheticArticles(prisma: Prisma, count: number, commentsEach = 6): Promise<void> {
  const [people, organisations, events, places, accounts, section] = await Promise.all([
    prisma.person.findMany({ take: 5, orderBy: { slug: "asc" } }),
    prisma.organisation.findMany({ take: 3, orderBy: { slug: "asc" } }),
    prisma.event.findMany({ take: 3, orderBy: { slug: "asc" } }),
    prisma.place.findMany({ take: 3, orderBy: { slug: "asc" } }),
    prisma.account.findMany({ take: 4, orderBy: { id: "asc" } }),
    prisma.section.findFirstOrThrow(),
  ]);
  const publisher = organisations[0]!;
  const base = Date.UTC(2025, 0, 1);
  const articles = Array.from({ length: count }, (_, i) => ({
    id: `synthetic-article-${i}`,
    slug: `synthetic-${i}`,
    canonicalUrl: `https://lede.example/synthetic/${i}`,
    headline: `Synthetic story ${i}`,
    bodyText: `Body of synthetic story ${i}.`,
    wordCount: 5,
    status: "PUBLISHED" as const,
    publishedAt: new Date(base + i * 3_600_000),
    sectionId: section.id,
    publisherId: publisher.id,
    lastCommentSeq: commentsEach,
  }));
  await prisma.article.createMany({ data: articles });
  await prisma.byline.createMany({
    data: articles.map((a, i) => ({
      id: `${a.id}-byline`,
      articleId: a.id,
      personId: people[i % people.length]!.id,
      position: 0,
    })),
  });
  await prisma.mention.createMany({
    data: articles.flatMap((a, i) => [
      { id: `${a.id}-m1`, articleId: a.id, personId: people[i % people.length]!.id, salience: 0.9 },
      { id: `${a.id}-m2`, articleId: a.id, organisationId: organisations[i % organisations.length]!.id, salience: 0.7 },
      { id: `${a.id}-m3`, articleId: a.id, eventId: events[i % events.length]!.id, salience: 0.5 },
      { id: `${a.id}-m4`, articleId: a.id, placeId: places[i % places.length]!.id, salience: 0.3 },
    ]),
  });
  const comments = articles.flatMap((a) =>
    Array.from({ length: commentsEach }, (_, j) => ({
      id: `${a.id}-c${j}`,
      articleId: a.id,
      authorId: accounts[j % accounts.length]!.id,
      // every third comment replies to the one before it
      parentId: j % 3 === 2 ? `${a.id}-c${j - 1}` : null,
      depth: j % 3 === 2 ? 1 : 0,
      body: `Comment ${j} on ${a.slug}`,
      seq: j + 1,
      createdAt: new Date(a.publishedAt.getTime() + (j + 1) * 60_000),
    })),
  );
  await prisma.comment.createMany({ data: comments });
}
