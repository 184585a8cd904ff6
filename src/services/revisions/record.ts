// An article's revisions: after every saved change (each audited write, in its transaction) the article's editable
// fields and body are kept as a JSON snapshot, with who made the change, when, and which change it was.
import type { Context } from "../../context.js";
import type { Prisma as P } from "../../generated/prisma/client.js";
import type { BlockKind } from "../../generated/prisma/enums.js";

type Tx = P.TransactionClient;

export interface SnapshotBlock {
  kind: BlockKind;
  text: string | null;
  level: number | null;
  attribution: string | null;
  mediaId: string | null;
}

export interface ArticleSnapshot {
  headline: string;
  standfirst: string | null;
  language: string;
  sectionSlug: string | null;
  tags: string[];
  status: string;
  publishedAt: string | null;
  embargoedUntil: string | null;
  commentsEnabled: boolean;
  commentsPremoderated: boolean;
  body: SnapshotBlock[];
}

/** The fields a diff compares one by one (the body is compared block by block). */
export const SNAPSHOT_FIELDS = [
  "headline",
  "standfirst",
  "language",
  "sectionSlug",
  "tags",
  "status",
  "publishedAt",
  "embargoedUntil",
  "commentsEnabled",
  "commentsPremoderated",
] as const satisfies readonly (keyof ArticleSnapshot)[];

export async function snapshotArticle(
  tx: Tx,
  articleId: string,
): Promise<{ version: number; snapshot: ArticleSnapshot } | null> {
  const article = await tx.article.findUnique({
    where: { id: articleId },
    include: {
      section: { select: { slug: true } },
      tags: { orderBy: { position: "asc" }, select: { tag: { select: { slug: true } } } },
      blocks: { orderBy: { position: "asc" } },
    },
  });
  if (!article) return null;
  return {
    version: article.version,
    snapshot: {
      headline: article.headline,
      standfirst: article.standfirst,
      language: article.language,
      sectionSlug: article.section?.slug ?? null,
      tags: article.tags.map((t) => t.tag.slug),
      status: article.status,
      publishedAt: article.publishedAt?.toISOString() ?? null,
      embargoedUntil: article.embargoedUntil?.toISOString() ?? null,
      commentsEnabled: article.commentsEnabled,
      commentsPremoderated: article.commentsPremoderated,
      body: article.blocks.map((b) => ({
        kind: b.kind,
        text: b.text,
        level: b.level,
        attribution: b.attribution,
        mediaId: b.mediaId,
      })),
    },
  };
}

export async function recordRevision(
  tx: Tx,
  ctx: Pick<Context, "clock" | "newId" | "viewer">,
  action: string,
  articleId: string,
): Promise<void> {
  const taken = await snapshotArticle(tx, articleId);
  // Scheduling a change does not change the article: one revision per version.
  if (
    !taken ||
    (await tx.articleRevision.findFirst({ where: { articleId, version: taken.version }, select: { id: true } }))
  )
    return;
  const now = ctx.clock();
  await tx.articleRevision.create({
    data: {
      id: ctx.newId(),
      articleId,
      version: taken.version,
      action,
      actorId: ctx.viewer?.id ?? null,
      snapshot: JSON.stringify(taken.snapshot),
      createdAt: now,
      updatedAt: now,
    },
  });
}
