// An article's editable fields: checked one by one (a BAD_USER_INPUT names the field at fault), turned into column
// values, and its body blocks and tags written in the caller's transaction.
import type { Context } from "../../context.js";
import { BadUserInputError } from "../../errors.js";
import type { Prisma as P } from "../../generated/prisma/client.js";
import type { BlockKind } from "../../generated/prisma/enums.js";
import { decodeGlobalIdOf } from "../../global-id.js";
import { checkedText, countWords } from "../shared/text.js";

type Tx = P.TransactionClient;

export interface BlockInput {
  kind: Exclude<BlockKind, "IMAGE">;
  text: string;
  level?: number | null;
  attribution?: string | null;
}

export interface ArticleFields {
  headline?: string | null;
  standfirst?: string | null;
  body?: BlockInput[] | null;
  language?: string | null;
  sectionSlug?: string | null;
  tags?: string[] | null;
  publisherId?: string | null;
  commentsEnabled?: boolean | null;
  commentsPremoderated?: boolean | null;
}

/** Turns the editable fields into column values, checking each and naming the field at fault. */
export async function columnsFrom(tx: Tx, fields: ArticleFields) {
  const data: P.ArticleUncheckedUpdateInput = {};
  if (fields.headline != null) data.headline = checkedText(fields.headline, "headline", 300);
  else if (fields.headline === null) throw new BadUserInputError("headline may not be empty", "headline");
  if (fields.standfirst !== undefined)
    data.standfirst =
      fields.standfirst === null ? null : checkedText(fields.standfirst, "standfirst", 600, false) || null;
  if (fields.language != null) {
    if (!/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(fields.language))
      throw new BadUserInputError("language must be a BCP-47 tag such as en or nb-NO", "language");
    data.language = fields.language;
  }
  if (fields.sectionSlug !== undefined) {
    if (fields.sectionSlug === null) data.sectionId = null;
    else {
      const section = await tx.section.findUnique({ where: { slug: fields.sectionSlug } });
      if (!section)
        throw new BadUserInputError(`There is no section ${JSON.stringify(fields.sectionSlug)}`, "sectionSlug");
      data.sectionId = section.id;
    }
  }
  if (fields.publisherId !== undefined) {
    if (fields.publisherId === null) data.publisherId = null;
    else {
      const id = decodeGlobalIdOf(fields.publisherId, "Organisation", "publisherId");
      if (!(await tx.organisation.findUnique({ where: { id }, select: { id: true } }))) {
        throw new BadUserInputError("publisherId names no organisation", "publisherId");
      }
      data.publisherId = id;
    }
  }
  if (fields.commentsEnabled != null) data.commentsEnabled = fields.commentsEnabled;
  if (fields.commentsPremoderated != null) data.commentsPremoderated = fields.commentsPremoderated;
  let blocks: { kind: BlockKind; text: string; level: number | null; attribution: string | null }[] | undefined;
  if (fields.body != null) {
    if (fields.body.length > 500) throw new BadUserInputError("body may have at most 500 blocks", "body");
    blocks = fields.body.map((block, index) => {
      const field = `body[${index}]`;
      const level = block.kind === "HEADING" ? (block.level ?? 2) : null;
      if (level !== null && (level < 2 || level > 4))
        throw new BadUserInputError(`${field}.level must be 2, 3 or 4`, `${field}.level`);
      return {
        kind: block.kind,
        text: checkedText(block.text, `${field}.text`, 20_000),
        level,
        attribution:
          block.kind === "QUOTE" && block.attribution
            ? checkedText(block.attribution, `${field}.attribution`, 200)
            : null,
      };
    });
    data.bodyText = blocks.map((b) => b.text).join("\n\n");
    data.wordCount = countWords(data.bodyText);
  }
  return { data, blocks };
}

export async function writeBlocksAndTags(
  tx: Tx,
  ctx: Context,
  articleId: string,
  blocks: Awaited<ReturnType<typeof columnsFrom>>["blocks"],
  tags: string[] | null | undefined,
) {
  const now = ctx.clock();
  if (blocks) {
    await tx.articleBlock.deleteMany({ where: { articleId } });
    await tx.articleBlock.createMany({
      data: blocks.map((b, position) => ({
        id: ctx.newId(),
        articleId,
        position,
        kind: b.kind,
        text: b.text,
        level: b.level,
        attribution: b.attribution,
        createdAt: now,
        updatedAt: now,
      })),
    });
  }
  if (tags) {
    const slugs = [...new Set(tags.map((t) => t.trim().toLowerCase()))];
    for (const slug of slugs) {
      if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(slug) || slug.length > 100)
        throw new BadUserInputError(`tag ${JSON.stringify(slug)} is not a slug`, "tags");
    }
    await tx.articleTag.deleteMany({ where: { articleId } });
    for (const [position, slug] of slugs.entries()) {
      const tag = await tx.tag.upsert({
        where: { slug },
        create: { id: ctx.newId(), slug, name: slug.replace(/-/g, " "), createdAt: now, updatedAt: now },
        update: {},
      });
      await tx.articleTag.create({ data: { articleId, tagId: tag.id, position, createdAt: now, updatedAt: now } });
    }
  }
}
