// Editorial writes (EDITOR and ADMIN): articles from draft to publication, corrections and withdrawals. Every change
// is one transaction that also writes the audit log; updates name the version they were based on, and a stale one
// is a CONFLICT instead of a lost update; creates take a clientMutationId.
import { createHash } from "node:crypto";
import type { Context } from "../../context.js";
import { BadUserInputError, ConflictError, ForbiddenError, NotFoundError } from "../../errors.js";
import type { Article, Prisma as P } from "../../generated/prisma/client.js";
import type { BlockKind } from "../../generated/prisma/enums.js";
import { decodeGlobalIdOf } from "../../global-id.js";
import { requireViewer } from "../shared/authz.js";
import { countWords, hasControlCharacters } from "../shared/text.js";
import { writeTransaction } from "../../platform/transactions.js";
import { canSeeUnpublished } from "../shared/visibility.js";

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

export interface CreateArticleInput extends ArticleFields {
  slug: string;
  url?: string | null;
  clientMutationId?: string | null;
}

export function requireEditor(ctx: Context, action: string) {
  const viewer = requireViewer(ctx, action);
  if (!canSeeUnpublished(viewer)) throw new ForbiddenError(`Only editors may ${action}`);
  return viewer;
}

export function text(value: string, field: string, max: number, required = true): string {
  const trimmed = value.trim();
  if (required && trimmed.length === 0) throw new BadUserInputError(`${field} may not be empty`, field);
  if (trimmed.length > max) throw new BadUserInputError(`${field} may be at most ${max} characters`, field);
  if (hasControlCharacters(trimmed.replace(/\n/g, "")))
    throw new BadUserInputError(`${field} may not contain control characters`, field);
  return trimmed;
}

export async function audit(
  tx: Tx,
  ctx: Context,
  action: string,
  entityType: string,
  entityId: string,
  changes: unknown,
): Promise<void> {
  const now = ctx.clock();
  await tx.auditEntry.create({
    data: {
      id: ctx.newId(),
      actorId: ctx.viewer?.id ?? null,
      action,
      entityType,
      entityId,
      changes: JSON.stringify(changes),
      createdAt: now,
      updatedAt: now,
    },
  });
}

/** Turns the editable fields into column values, checking each and naming the field at fault. */
async function columnsFrom(tx: Tx, fields: ArticleFields) {
  const data: P.ArticleUncheckedUpdateInput = {};
  if (fields.headline != null) data.headline = text(fields.headline, "headline", 300);
  else if (fields.headline === null) throw new BadUserInputError("headline may not be empty", "headline");
  if (fields.standfirst !== undefined)
    data.standfirst = fields.standfirst === null ? null : text(fields.standfirst, "standfirst", 600, false) || null;
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
        text: text(block.text, `${field}.text`, 20_000),
        level,
        attribution:
          block.kind === "QUOTE" && block.attribution ? text(block.attribution, `${field}.attribution`, 200) : null,
      };
    });
    data.bodyText = blocks.map((b) => b.text).join("\n\n");
    data.wordCount = countWords(data.bodyText);
  }
  return { data, blocks };
}

async function writeBlocksAndTags(
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

export async function createArticle(ctx: Context, input: CreateArticleInput): Promise<Article> {
  const editor = requireEditor(ctx, "create articles");
  const slug = input.slug.trim();
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(slug) || slug.length > 200)
    throw new BadUserInputError("slug must be lower-case words joined by hyphens", "slug");
  if (input.headline == null) throw new BadUserInputError("headline may not be empty", "headline");
  const inputHash = createHash("sha256")
    .update(JSON.stringify(input, Object.keys(input).sort()))
    .digest("hex");
  const now = ctx.clock();
  return writeTransaction(ctx, async (tx) => {
    if (input.clientMutationId) {
      const receipt = await tx.mutationReceipt.findUnique({
        where: {
          actorId_mutation_clientMutationId: {
            actorId: editor.id,
            mutation: "createArticle",
            clientMutationId: input.clientMutationId,
          },
        },
      });
      if (receipt) {
        if (receipt.inputHash !== inputHash)
          throw new ConflictError("That clientMutationId was used with different input", "clientMutationId");
        return tx.article.findUniqueOrThrow({ where: { id: receipt.resultId } });
      }
    }
    if (await tx.article.findUnique({ where: { slug }, select: { id: true } }))
      throw new BadUserInputError(`The slug ${slug} is taken`, "slug");
    const url = input.url?.trim() || `https://lede.example/articles/${slug}`;
    if (!/^https?:\/\/\S+$/.test(url) || url.length > 500)
      throw new BadUserInputError("url must be an http(s) address", "url");
    if (await tx.article.findUnique({ where: { canonicalUrl: url }, select: { id: true } }))
      throw new BadUserInputError("Another article has that url", "url");
    const { data, blocks } = await columnsFrom(tx, input);
    const id = ctx.newId();
    const article = await tx.article.create({
      data: {
        ...(data as P.ArticleUncheckedCreateInput),
        id,
        slug,
        canonicalUrl: url,
        headline: data.headline as string,
        bodyText: (data.bodyText as string | undefined) ?? "",
        wordCount: (data.wordCount as number | undefined) ?? 0,
        status: "DRAFT",
        version: 1,
        createdAt: now,
        updatedAt: now,
      },
    });
    await writeBlocksAndTags(tx, ctx, id, blocks, input.tags);
    if (input.clientMutationId) {
      await tx.mutationReceipt.create({
        data: {
          id: ctx.newId(),
          actorId: editor.id,
          mutation: "createArticle",
          clientMutationId: input.clientMutationId,
          inputHash,
          resultId: id,
          createdAt: now,
          updatedAt: now,
        },
      });
    }
    await audit(tx, ctx, "createArticle", "Article", id, { ...input, clientMutationId: undefined });
    return article;
  });
}

/** Applies `data` only if the article is still at `version`; a stale version is a CONFLICT naming the current one. */
async function changeAtVersion(
  tx: Tx,
  ctx: Context,
  globalId: string,
  version: number,
  data: P.ArticleUncheckedUpdateManyInput,
): Promise<string> {
  const id = decodeGlobalIdOf(globalId, "Article");
  const { count } = await tx.article.updateMany({
    where: { id, version },
    data: { ...data, version: { increment: 1 }, updatedAt: ctx.clock() },
  });
  if (count === 1) return id;
  const current = await tx.article.findUnique({ where: { id }, select: { version: true } });
  if (!current) throw new NotFoundError("Article", globalId);
  throw new ConflictError(
    `The article changed meanwhile: you edited version ${version}, it is now at version ${current.version}`,
    "version",
  );
}

export async function updateArticle(
  ctx: Context,
  input: ArticleFields & { id: string; version: number },
): Promise<Article> {
  requireEditor(ctx, "edit articles");
  return writeTransaction(ctx, async (tx) => {
    const { data, blocks } = await columnsFrom(tx, input);
    const id = await changeAtVersion(tx, ctx, input.id, input.version, data as P.ArticleUncheckedUpdateManyInput);
    await writeBlocksAndTags(tx, ctx, id, blocks, input.tags);
    await audit(tx, ctx, "updateArticle", "Article", id, { ...input, id: undefined });
    return tx.article.findUniqueOrThrow({ where: { id } });
  });
}

export async function publishArticle(ctx: Context, globalId: string, version: number): Promise<Article> {
  requireEditor(ctx, "publish articles");
  return writeTransaction(ctx, async (tx) => {
    const existing = await tx.article.findUnique({
      where: { id: decodeGlobalIdOf(globalId, "Article") },
      select: { publishedAt: true, headline: true },
    });
    if (!existing) throw new NotFoundError("Article", globalId);
    const id = await changeAtVersion(tx, ctx, globalId, version, {
      status: "PUBLISHED",
      publishedAt: existing.publishedAt ?? ctx.clock(),
    });
    await audit(tx, ctx, "publishArticle", "Article", id, { version });
    return tx.article.findUniqueOrThrow({ where: { id } });
  });
}

export async function withdrawArticle(
  ctx: Context,
  globalId: string,
  version: number,
  reason: string,
): Promise<Article> {
  requireEditor(ctx, "withdraw articles");
  const note = text(reason, "reason", 2000);
  return writeTransaction(ctx, async (tx) => {
    const id = await changeAtVersion(tx, ctx, globalId, version, { status: "WITHDRAWN" });
    const now = ctx.clock();
    // The record says why: a withdrawal is shown to readers like a correction.
    await tx.correction.create({
      data: {
        id: ctx.newId(),
        articleId: id,
        text: `This article was withdrawn: ${note}`,
        publishedAt: now,
        createdAt: now,
        updatedAt: now,
      },
    });
    await audit(tx, ctx, "withdrawArticle", "Article", id, { version, reason: note });
    return tx.article.findUniqueOrThrow({ where: { id } });
  });
}

export async function addCorrection(ctx: Context, globalId: string, correction: string): Promise<Article> {
  requireEditor(ctx, "correct articles");
  const note = text(correction, "text", 2000);
  return writeTransaction(ctx, async (tx) => {
    const id = decodeGlobalIdOf(globalId, "Article");
    const now = ctx.clock();
    const updated = await tx.article.updateMany({ where: { id }, data: { version: { increment: 1 }, updatedAt: now } });
    if (updated.count === 0) throw new NotFoundError("Article", globalId);
    await tx.correction.create({
      data: { id: ctx.newId(), articleId: id, text: note, publishedAt: now, createdAt: now, updatedAt: now },
    });
    await audit(tx, ctx, "addCorrection", "Article", id, { text: note });
    return tx.article.findUniqueOrThrow({ where: { id } });
  });
}
