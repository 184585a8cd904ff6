// Editorial writes (EDITOR and ADMIN): articles from draft to publication, corrections and withdrawals. Every change
// is one transaction that also writes the audit log; updates name the version they were based on, and a stale one
// is a CONFLICT instead of a lost update; creates take a clientMutationId.
import { createHash } from "node:crypto";
import type { Context } from "../../context.js";
import { BadUserInputError, ConflictError, NotFoundError } from "../../errors.js";
import type { Article, Prisma as P } from "../../generated/prisma/client.js";
import { decodeGlobalIdOf } from "../../global-id.js";
import { audit } from "../shared/audit.js";
import { requireEditor } from "../shared/authz.js";
import { checkedText } from "../shared/text.js";
import { columnsFrom, writeBlocksAndTags, type ArticleFields } from "./fields.js";
import { writeTransaction } from "../../platform/transactions.js";

type Tx = P.TransactionClient;

export interface CreateArticleInput extends ArticleFields {
  slug: string;
  url?: string | null;
  clientMutationId?: string | null;
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
  const note = checkedText(reason, "reason", 2000);
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
  const note = checkedText(correction, "text", 2000);
  return writeTransaction(ctx, async (tx) => {
    const id = decodeGlobalIdOf(globalId, "Article", "articleId");
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
