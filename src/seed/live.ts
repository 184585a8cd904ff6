// Writes the seed's sample live blog (live-story.ts): the article, its live blog, its updates and the event log
// they would have left, so that a stream can be replayed from its start. Idempotent like the rest of the seed. It
// has no section or tags: sample content stays out of the story's section and tag pages.
import type { Prisma as P } from "../generated/prisma/client.js";
import { SAMPLE_LIVE_BLOG as blog } from "./live-story.js";

type Tx = P.TransactionClient;

export async function seedLiveBlog(tx: Tx, id: (kind: string, key: string) => string): Promise<{ created: number }> {
  const articleId = id("article", blog.slug);
  if (await tx.article.findUnique({ where: { id: articleId }, select: { id: true } })) return { created: 0 };
  const start = new Date(blog.coverageStart);
  const end = new Date(blog.coverageEnd);
  const at = { createdAt: start, updatedAt: end };
  await tx.article.create({
    data: {
      id: articleId,
      slug: blog.slug,
      canonicalUrl: blog.canonicalUrl,
      headline: blog.headline,
      standfirst: blog.standfirst,
      bodyText: blog.intro,
      wordCount: blog.intro.split(/\s+/).length,
      status: "PUBLISHED",
      publishedAt: start,
      ...at,
      blocks: {
        create: { id: id("block", `${blog.slug}-0`), position: 0, kind: "PARAGRAPH", text: blog.intro, ...at },
      },
    },
  });
  const updates = blog.updates.map((u, index) => ({ ...u, id: id("live-update", u.key), seq: index + 1 }));
  const pinned = updates.find((u) => "pinned" in u && u.pinned);
  await tx.liveBlog.create({
    data: { articleId, coverageStartAt: start, coverageEndAt: end, lastUpdateSeq: updates.length, ...at },
  });
  let eventSeq = 0;
  const event = (
    kind: "POSTED" | "EDITED" | "CORRECTED" | "PINNED" | "COVERAGE_CHANGED",
    updateId: string | null,
    when: Date,
  ) =>
    tx.liveBlogEvent.create({
      data: {
        id: id("live-event", `${blog.slug}-${++eventSeq}`),
        articleId,
        seq: eventSeq,
        kind,
        updateId,
        createdAt: when,
        updatedAt: when,
      },
    });
  await event("COVERAGE_CHANGED", null, start);
  for (const u of updates) {
    const when = new Date(u.at);
    const edited = "editedAt" in u && u.editedAt ? new Date(u.editedAt) : null;
    const bodyText = u.paragraphs.join("\n\n");
    await tx.liveUpdate.create({
      data: {
        id: u.id,
        articleId,
        status: "PUBLISHED",
        seq: u.seq,
        title: "title" in u ? u.title : null,
        bodyText,
        keyEvent: "keyEvent" in u && u.keyEvent === true,
        summary: "summary" in u && u.summary === true,
        publishedAt: when,
        editedAt: edited,
        createdAt: when,
        updatedAt: edited ?? when,
        blocks: {
          create: u.paragraphs.map((text, position) => ({
            id: id("live-block", `${u.key}-${position}`),
            position,
            kind: "PARAGRAPH" as const,
            text,
            createdAt: when,
            updatedAt: when,
          })),
        },
        revisions: {
          create: {
            id: id("live-revision", u.key),
            version: 1,
            snapshot: JSON.stringify({ title: "title" in u ? u.title : null, bodyText }),
            createdAt: when,
            updatedAt: when,
          },
        },
        ...("correction" in u && u.correction
          ? {
              corrections: {
                create: {
                  id: id("live-correction", u.key),
                  text: u.correction,
                  publishedAt: edited ?? when,
                  createdAt: when,
                  updatedAt: when,
                },
              },
            }
          : {}),
      },
    });
    await event("POSTED", u.id, when);
    if (edited) await event("CORRECTED", u.id, edited);
    if (u === pinned) await event("PINNED", u.id, when);
  }
  await tx.liveBlog.update({
    where: { articleId },
    data: { pinnedUpdateId: pinned?.id ?? null, lastEventSeq: eventSeq, updatedAt: end },
  });
  return { created: 1 + updates.length };
}
