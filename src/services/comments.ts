// Comment rules: who may post where, what a body may contain, and the per-article sequence that live streams resume
// from. Every write happens in one transaction, so a rejected post leaves no row behind.
import type { Context } from "../context.js";
import { BadUserInputError, ForbiddenError, NotFoundError, UnauthenticatedError } from "../errors.js";
import type { Comment } from "../generated/prisma/client.js";
import { decodeGlobalIdOf } from "../global-id.js";
import { hasControlCharacters } from "./text.js";
import { isArticleOpenable, isCommentVisible } from "./visibility.js";

export const MAX_COMMENT_LENGTH = 5000;

export interface PostCommentInput {
  articleId: string;
  body: string;
  parentId?: string | null;
}

export function normaliseCommentBody(raw: string): string {
  const body = raw.replace(/\r\n?/g, "\n").trim();
  if (body.length === 0) throw new BadUserInputError("A comment needs some text", "body");
  if (body.length > MAX_COMMENT_LENGTH) {
    throw new BadUserInputError(`A comment may be at most ${MAX_COMMENT_LENGTH} characters`, "body");
  }
  if (hasControlCharacters(body)) throw new BadUserInputError("A comment may not contain control characters", "body");
  return body;
}

export async function postComment(ctx: Context, input: PostCommentInput): Promise<Comment> {
  const viewer = ctx.viewer;
  if (!viewer) throw new UnauthenticatedError("Start a guest session or sign in to comment");
  const articleId = decodeGlobalIdOf(input.articleId, "Article", "articleId");
  const parentId = input.parentId ? decodeGlobalIdOf(input.parentId, "Comment", "parentId") : null;
  const body = normaliseCommentBody(input.body);
  const now = ctx.clock();

  const comment = await ctx.prisma.$transaction(async (tx) => {
    const article = await tx.article.findUnique({
      where: { id: articleId },
      select: { status: true, commentsEnabled: true, commentsCloseAt: true, commentsPremoderated: true },
    });
    if (!article || !isArticleOpenable(viewer, article)) throw new NotFoundError("Article", input.articleId);
    if (article.status !== "PUBLISHED" || !article.commentsEnabled) {
      throw new ForbiddenError("Comments are not open on this article");
    }
    if (article.commentsCloseAt && article.commentsCloseAt <= now) {
      throw new ForbiddenError("Comments on this article have closed");
    }
    let depth = 0;
    if (parentId) {
      const parent = await tx.comment.findUnique({
        where: { id: parentId },
        select: { articleId: true, status: true, authorId: true, depth: true },
      });
      if (!parent || !isCommentVisible(viewer, parent)) throw new NotFoundError("Comment", input.parentId!);
      if (parent.articleId !== articleId) {
        throw new BadUserInputError("parentId is a comment on another article", "parentId");
      }
      depth = parent.depth + 1;
    }
    // The row lock (PostgreSQL) or the write lock (SQLite) taken here orders concurrent posts, so sequences are
    // unique and strictly increasing per article; @@unique([articleId, seq]) backs that up.
    const { lastCommentSeq } = await tx.article.update({
      where: { id: articleId },
      data: { lastCommentSeq: { increment: 1 } },
      select: { lastCommentSeq: true },
    });
    return tx.comment.create({
      data: {
        id: ctx.newId(),
        articleId,
        authorId: viewer.id,
        parentId,
        body,
        depth,
        status: article.commentsPremoderated ? "PENDING" : "VISIBLE",
        seq: lastCommentSeq,
        createdAt: now,
        updatedAt: now,
      },
    });
  });

  ctx.pubsub.publish("comment:added", comment.articleId, {
    commentId: comment.id,
    articleId: comment.articleId,
    seq: comment.seq,
    status: comment.status,
    authorId: comment.authorId,
  });
  return comment;
}
