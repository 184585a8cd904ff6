// Draft previews: an editor makes a link for one article that a front end's preview route can show to whoever holds
// it, without an editor's token. The token only reads that article, expires, and can be revoked; like API tokens it
// is stored as a SHA-256 hash and shown once.
import { createHash, randomBytes } from "node:crypto";
import type { Context } from "../../context.js";
import { BadUserInputError, NotFoundError } from "../../errors.js";
import type { Article, PreviewToken } from "../../generated/prisma/client.js";
import { decodeGlobalIdOf } from "../../global-id.js";
import { writeTransaction } from "../../platform/transactions.js";
import { audit } from "../shared/audit.js";
import { requireEditor } from "../shared/authz.js";

const MAX_HOURS = 24 * 30;

export interface NewPreview {
  preview: PreviewToken;
  /** lede_preview_…: pass it to `articlePreview(token:)`. Shown once. */
  token: string;
}

const hashOf = (token: string) => createHash("sha256").update(token).digest("hex");

export async function createPreviewToken(ctx: Context, articleGlobalId: string, hours: number): Promise<NewPreview> {
  const editor = requireEditor(ctx, "make preview links");
  const articleId = decodeGlobalIdOf(articleGlobalId, "Article", "articleId");
  if (!Number.isInteger(hours) || hours < 1 || hours > MAX_HOURS)
    throw new BadUserInputError(`expiresInHours must be between 1 and ${MAX_HOURS}`, "expiresInHours");
  const token = `lede_preview_${randomBytes(24).toString("base64url")}`;
  const now = ctx.clock();
  const preview = await writeTransaction(ctx, async (tx) => {
    if (!(await tx.article.findUnique({ where: { id: articleId }, select: { id: true } })))
      throw new NotFoundError("Article", articleGlobalId);
    const created = await tx.previewToken.create({
      data: {
        id: ctx.newId(),
        articleId,
        tokenHash: hashOf(token),
        createdById: editor.id,
        expiresAt: new Date(now.getTime() + hours * 3_600_000),
        createdAt: now,
        updatedAt: now,
      },
    });
    await audit(tx, ctx, "createPreviewToken", "PreviewToken", created.id, { articleId, hours });
    return created;
  });
  return { preview, token };
}

export async function revokePreviewToken(ctx: Context, globalId: string): Promise<PreviewToken> {
  requireEditor(ctx, "revoke preview links");
  const id = decodeGlobalIdOf(globalId, "PreviewToken");
  return writeTransaction(ctx, async (tx) => {
    const current = await tx.previewToken.findUnique({ where: { id } });
    if (!current) throw new NotFoundError("PreviewToken", globalId);
    const now = ctx.clock();
    const revoked = await tx.previewToken.update({
      where: { id },
      data: { revokedAt: current.revokedAt ?? now, updatedAt: now },
    });
    await audit(tx, ctx, "revokePreviewToken", "PreviewToken", id, { articleId: current.articleId });
    return revoked;
  });
}

/** The article a preview token shows, whatever its status; null for an unknown, expired or revoked token. */
export async function articleForPreview(ctx: Context, token: string): Promise<Article | null> {
  if (!/^lede_preview_[A-Za-z0-9_-]{32}$/.test(token)) return null;
  const preview = await ctx.prisma.previewToken.findUnique({ where: { tokenHash: hashOf(token) } });
  if (!preview || preview.revokedAt || preview.expiresAt <= ctx.clock()) return null;
  return ctx.prisma.article.findUnique({ where: { id: preview.articleId } });
}
