// Reading and using an article's revisions (editors): the diff between two, by field and by body block, and
// restoreRevision, which saves an old revision's fields and body as the article's next version.
import type { Context } from "../../context.js";
import { BadUserInputError, ConflictError, NotFoundError } from "../../errors.js";
import type { Article, ArticleRevision } from "../../generated/prisma/client.js";
import { decodeGlobalIdOf } from "../../global-id.js";
import { writeTransaction } from "../../platform/transactions.js";
import { columnsFrom } from "../articles/fields.js";
import { audit } from "../shared/audit.js";
import { requireEditor } from "../shared/authz.js";
import { SNAPSHOT_FIELDS, type ArticleSnapshot, type SnapshotBlock } from "./record.js";

export interface FieldChange {
  field: string;
  before: string | null;
  after: string | null;
}

export interface BlockChange {
  /** Position in the newer revision (or in the older one, for a removed block). */
  position: number;
  change: "ADDED" | "REMOVED" | "CHANGED";
  before: SnapshotBlock | null;
  after: SnapshotBlock | null;
}

export interface RevisionDiff {
  from: ArticleRevision;
  to: ArticleRevision;
  fields: FieldChange[];
  blocks: BlockChange[];
}

export function snapshotOf(revision: ArticleRevision): ArticleSnapshot {
  return JSON.parse(revision.snapshot) as ArticleSnapshot;
}

const shown = (value: unknown): string | null =>
  value === null || value === undefined ? null : typeof value === "string" ? value : JSON.stringify(value);

const sameBlock = (a: SnapshotBlock, b: SnapshotBlock) => JSON.stringify(a) === JSON.stringify(b);

/** Block changes by a longest common subsequence of unchanged blocks; a removal next to an addition is a change. */
export function diffBlocks(before: SnapshotBlock[], after: SnapshotBlock[]): BlockChange[] {
  const n = before.length;
  const m = after.length;
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      lcs[i]![j] = sameBlock(before[i]!, after[j]!)
        ? lcs[i + 1]![j + 1]! + 1
        : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  const raw: BlockChange[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && sameBlock(before[i]!, after[j]!)) {
      i++;
      j++;
    } else if (j < m && (i === n || lcs[i]![j + 1]! > lcs[i + 1]![j]!)) {
      raw.push({ position: j, change: "ADDED", before: null, after: after[j]! });
      j++;
    } else {
      raw.push({ position: i, change: "REMOVED", before: before[i]!, after: null });
      i++;
    }
  }
  // A block removed and one added in its place read better as one changed block.
  const merged: BlockChange[] = [];
  for (const change of raw) {
    const last = merged.at(-1);
    if (last?.change === "REMOVED" && change.change === "ADDED" && last.after === null) {
      merged[merged.length - 1] = {
        position: change.position,
        change: "CHANGED",
        before: last.before,
        after: change.after,
      };
    } else merged.push(change);
  }
  return merged;
}

async function revisionOf(ctx: Context, globalId: string, field: string): Promise<ArticleRevision> {
  const revision = await ctx.prisma.articleRevision.findUnique({
    where: { id: decodeGlobalIdOf(globalId, "ArticleRevision", field) },
  });
  if (!revision) throw new NotFoundError("ArticleRevision", globalId);
  return revision;
}

export async function diffRevisions(ctx: Context, fromId: string, toId: string): Promise<RevisionDiff> {
  requireEditor(ctx, "compare revisions");
  const from = await revisionOf(ctx, fromId, "from");
  const to = await revisionOf(ctx, toId, "to");
  if (from.articleId !== to.articleId) throw new BadUserInputError("the two revisions are of different articles", "to");
  const a = snapshotOf(from);
  const b = snapshotOf(to);
  const fields = SNAPSHOT_FIELDS.filter((field) => shown(a[field]) !== shown(b[field])).map((field) => ({
    field,
    before: shown(a[field]),
    after: shown(b[field]),
  }));
  return { from, to, fields, blocks: diffBlocks(a.body, b.body) };
}

/** Saves the revision's editable fields and body as the article's next version (`version`: the one you saw). */
export async function restoreRevision(ctx: Context, revisionId: string, version: number): Promise<Article> {
  requireEditor(ctx, "restore revisions");
  const revision = await revisionOf(ctx, revisionId, "revisionId");
  const old = snapshotOf(revision);
  const now = ctx.clock();
  return writeTransaction(ctx, async (tx) => {
    const { data } = await columnsFrom(tx, {
      headline: old.headline,
      standfirst: old.standfirst,
      language: old.language,
      sectionSlug: old.sectionSlug,
      commentsEnabled: old.commentsEnabled,
      commentsPremoderated: old.commentsPremoderated,
    });
    const { count } = await tx.article.updateMany({
      where: { id: revision.articleId, version },
      data: {
        ...(data as object),
        bodyText: old.body.flatMap((b) => (b.text ? [b.text] : [])).join("\n\n"),
        version: { increment: 1 },
        updatedAt: now,
      },
    });
    if (count === 0) {
      const current = await tx.article.findUniqueOrThrow({
        where: { id: revision.articleId },
        select: { version: true },
      });
      throw new ConflictError(`The article changed meanwhile: it is now at version ${current.version}`, "version");
    }
    // Image blocks come back only while their media item is still the article's.
    const media = new Set(
      (await tx.media.findMany({ where: { articleId: revision.articleId }, select: { id: true } })).map((m) => m.id),
    );
    const blocks = old.body.filter((b) => b.kind !== "IMAGE" || (b.mediaId && media.has(b.mediaId)));
    await tx.articleBlock.deleteMany({ where: { articleId: revision.articleId } });
    await tx.articleBlock.createMany({
      data: blocks.map((b, position) => ({
        id: ctx.newId(),
        articleId: revision.articleId,
        position,
        ...b,
        createdAt: now,
        updatedAt: now,
      })),
    });
    await tx.articleTag.deleteMany({ where: { articleId: revision.articleId } });
    for (const [position, slug] of old.tags.entries()) {
      const tag = await tx.tag.upsert({
        where: { slug },
        create: { id: ctx.newId(), slug, name: slug.replace(/-/g, " "), createdAt: now, updatedAt: now },
        update: {},
      });
      await tx.articleTag.create({
        data: { articleId: revision.articleId, tagId: tag.id, position, createdAt: now, updatedAt: now },
      });
    }
    await audit(tx, ctx, "restoreRevision", "Article", revision.articleId, {
      revisionVersion: revision.version,
      version,
    });
    return tx.article.findUniqueOrThrow({ where: { id: revision.articleId } });
  });
}
