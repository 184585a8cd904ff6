// Editors credit articles: bylines (who, for what, in which order) and media (images with caption and credit). Each
// change is one transaction that bumps the article's version and updatedAt and writes the audit log.
import type { Context } from "../../context.js";
import { BadUserInputError } from "../../errors.js";
import type { Byline, Media } from "../../generated/prisma/client.js";
import type { BylineRole } from "../../generated/prisma/enums.js";
import { decodeGlobalIdOf } from "../../global-id.js";
import { audit } from "../shared/audit.js";
import { requireEditor } from "../shared/authz.js";
import { optionalText, referencedId, type Tx } from "../entities/fields.js";
import { writeTransaction } from "../../platform/transactions.js";

const MAX_LINKS = 100;
/**
 * Positions are unique per article: renumbering first moves every row out of the way, past any real position. A new
 * row starts at -1, a position nothing else has.
 */
const OUT_OF_THE_WAY = 1_000_000;

type PositionedTable = "byline" | "media";

interface PositionedDelegate {
  updateMany(args: object): Promise<{ count: number }>;
  update(args: object): Promise<unknown>;
}

/** Gives the article's rows of `table` the positions 0, 1, 2… in the order of `orderedIds`. */
async function renumber(tx: Tx, table: PositionedTable, articleId: string, orderedIds: string[]): Promise<void> {
  const delegate = tx[table] as unknown as PositionedDelegate;
  await delegate.updateMany({ where: { articleId }, data: { position: { increment: OUT_OF_THE_WAY } } });
  for (const [position, id] of orderedIds.entries()) await delegate.update({ where: { id }, data: { position } });
}

/** Where a new row goes: at `position` (0 is first), or last. */
function insertionPoint(position: number | null | undefined, count: number): number {
  if (position == null) return count;
  if (!Number.isInteger(position) || position < 0 || position > count)
    throw new BadUserInputError(`position must be between 0 and ${count}`, "position");
  return position;
}

async function touchArticle(tx: Tx, ctx: Context, globalId: string): Promise<string> {
  const id = decodeGlobalIdOf(globalId, "Article", "articleId");
  const { count } = await tx.article.updateMany({
    where: { id },
    data: { version: { increment: 1 }, updatedAt: ctx.clock() },
  });
  if (count === 0) throw new BadUserInputError("articleId names no article", "articleId");
  return id;
}

export async function addByline(
  ctx: Context,
  input: { articleId: string; personId: string; role?: BylineRole | null; position?: number | null },
): Promise<Byline> {
  requireEditor(ctx, "edit bylines");
  const role = input.role ?? "AUTHOR";
  return writeTransaction(ctx, async (tx) => {
    const articleId = await touchArticle(tx, ctx, input.articleId);
    const person = await referencedId(tx, input.personId, "Person", "personId");
    const bylines = await tx.byline.findMany({ where: { articleId }, orderBy: { position: "asc" } });
    if (bylines.some((b) => b.personId === person.id && b.role === role))
      throw new BadUserInputError(`personId is already on the byline as ${role}`, "personId");
    if (bylines.length >= MAX_LINKS)
      throw new BadUserInputError(`An article has at most ${MAX_LINKS} bylines`, "personId");
    const at = insertionPoint(input.position, bylines.length);
    const ids = bylines.map((b) => b.id);
    const id = ctx.newId();
    const now = ctx.clock();
    await tx.byline.create({
      data: { id, articleId, personId: person.id, role, position: -1, createdAt: now, updatedAt: now },
    });
    ids.splice(at, 0, id);
    await renumber(tx, "byline", articleId, ids);
    await audit(tx, ctx, "addByline", "Article", articleId, { ...input, articleId: undefined, role, position: at });
    return tx.byline.findUniqueOrThrow({ where: { id } });
  });
}

/** Takes a person off the byline (in one role, or in every role); false when they were not on it. */
export async function removeByline(
  ctx: Context,
  input: { articleId: string; personId: string; role?: BylineRole | null },
): Promise<boolean> {
  requireEditor(ctx, "edit bylines");
  const articleId = decodeGlobalIdOf(input.articleId, "Article", "articleId");
  const personId = decodeGlobalIdOf(input.personId, "Person", "personId");
  return writeTransaction(ctx, async (tx) => {
    const { count } = await tx.byline.deleteMany({
      where: { articleId, personId, ...(input.role ? { role: input.role } : {}) },
    });
    if (count === 0) return false;
    await touchArticle(tx, ctx, input.articleId);
    const rest = await tx.byline.findMany({ where: { articleId }, orderBy: { position: "asc" }, select: { id: true } });
    await renumber(
      tx,
      "byline",
      articleId,
      rest.map((b) => b.id),
    );
    await audit(tx, ctx, "removeByline", "Article", articleId, { ...input, articleId: undefined });
    return true;
  });
}

export interface MediaInput {
  articleId: string;
  url: string;
  caption?: string | null;
  altText?: string | null;
  creditText?: string | null;
  creditPersonId?: string | null;
  creditOrganisationId?: string | null;
  width?: number | null;
  height?: number | null;
  position?: number | null;
}

function pixels(value: number | null | undefined, field: string): number | null {
  if (value == null) return null;
  if (!Number.isInteger(value) || value < 1 || value > 100_000)
    throw new BadUserInputError(`${field} must be a whole number of pixels, 1–100000`, field);
  return value;
}

export async function addMedia(ctx: Context, input: MediaInput): Promise<Media> {
  requireEditor(ctx, "edit media");
  const url = input.url.trim();
  if (!/^https?:\/\/\S+$/.test(url) || url.length > 2000)
    throw new BadUserInputError("url must be an http(s) address", "url");
  const fields = {
    caption: optionalText(input.caption, "caption", 2000) ?? null,
    altText: optionalText(input.altText, "altText", 1000) ?? null,
    creditText: optionalText(input.creditText, "creditText", 300) ?? null,
    width: pixels(input.width, "width"),
    height: pixels(input.height, "height"),
  };
  return writeTransaction(ctx, async (tx) => {
    const articleId = await touchArticle(tx, ctx, input.articleId);
    const creditPersonId = input.creditPersonId
      ? (await referencedId(tx, input.creditPersonId, "Person", "creditPersonId")).id
      : null;
    const creditOrganisationId = input.creditOrganisationId
      ? (await referencedId(tx, input.creditOrganisationId, "Organisation", "creditOrganisationId")).id
      : null;
    const media = await tx.media.findMany({ where: { articleId }, orderBy: { position: "asc" }, select: { id: true } });
    if (media.length >= MAX_LINKS) throw new BadUserInputError(`An article has at most ${MAX_LINKS} images`, "url");
    const at = insertionPoint(input.position, media.length);
    const ids = media.map((m) => m.id);
    const id = ctx.newId();
    const now = ctx.clock();
    await tx.media.create({
      data: {
        ...fields,
        id,
        articleId,
        url,
        creditPersonId,
        creditOrganisationId,
        position: -1,
        createdAt: now,
        updatedAt: now,
      },
    });
    ids.splice(at, 0, id);
    await renumber(tx, "media", articleId, ids);
    await audit(tx, ctx, "addMedia", "Article", articleId, { ...input, articleId: undefined, position: at });
    return tx.media.findUniqueOrThrow({ where: { id } });
  });
}

/** Removes an image, with the body blocks that show it; false when there is no such image. */
export async function removeMedia(ctx: Context, globalId: string): Promise<boolean> {
  requireEditor(ctx, "edit media");
  const id = decodeGlobalIdOf(globalId, "Media");
  return writeTransaction(ctx, async (tx) => {
    const media = await tx.media.findUnique({ where: { id }, select: { articleId: true, url: true } });
    if (!media) return false;
    const { articleId } = media;
    await tx.article.update({ where: { id: articleId }, data: { version: { increment: 1 }, updatedAt: ctx.clock() } });
    const { count: blocks } = await tx.articleBlock.deleteMany({ where: { mediaId: id } });
    if (blocks > 0) {
      // Close the gaps the image blocks leave, with the same two steps as bylines (positions are unique).
      const rest = await tx.articleBlock.findMany({
        where: { articleId },
        orderBy: { position: "asc" },
        select: { id: true },
      });
      await tx.articleBlock.updateMany({ where: { articleId }, data: { position: { increment: OUT_OF_THE_WAY } } });
      for (const [position, block] of rest.entries())
        await tx.articleBlock.update({ where: { id: block.id }, data: { position } });
    }
    await tx.media.delete({ where: { id } });
    const rest = await tx.media.findMany({ where: { articleId }, orderBy: { position: "asc" }, select: { id: true } });
    await renumber(
      tx,
      "media",
      articleId,
      rest.map((m) => m.id),
    );
    await audit(tx, ctx, "removeMedia", "Article", articleId, { url: media.url, blocks });
    return true;
  });
}
