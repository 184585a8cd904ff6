// Posting, editing and deleting comments. Each write is one transaction that also appends to the comment event log;
// events are published only after the commit, and a rejected write leaves no row behind.
import type { Context } from "../../context.js";
import { lockComment, writeTransaction } from "../../platform/transactions.js";
import {
  BadUserInputError,
  ConflictError,
  ForbiddenError,
  LedeError,
  NotFoundError,
  RateLimitedError,
} from "../../errors.js";
import type { Comment, Prisma as P } from "../../generated/prisma/client.js";
import { decodeGlobalIdOf } from "../../global-id.js";
import { requireViewer } from "../shared/authz.js";
import { requireParticipant } from "../moderation/standing.js";
import { publishCommentEvents, recordCommentEvent, republishLatest } from "./events.js";
import type { CommentEventMessage } from "./event-message.js";
import { normaliseCommentBody } from "./text.js";
import { recordDecision } from "./decision-log.js";
import { assessComment } from "./moderation.js";
import { canModerate, isArticleOpenable, isCommentVisible } from "../shared/visibility.js";

export interface PostCommentInput {
  articleId: string;
  body: string;
  parentId?: string | null;
  clientMutationId?: string | null;
}

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string } | null)?.code === "P2002";
}

function checkClientMutationId(id: string | null | undefined): string | null {
  if (id == null) return null;
  if (id.length === 0 || id.length > 100 || !/^[\x21-\x7e]+$/.test(id)) {
    throw new BadUserInputError("clientMutationId must be 1–100 printable ASCII characters", "clientMutationId");
  }
  return id;
}

async function findRetry(
  ctx: Context,
  authorId: string,
  clientMutationId: string,
  articleId: string,
  body: string,
): Promise<Comment | null> {
  const existing = await ctx.prisma.comment.findUnique({
    where: { authorId_clientMutationId: { authorId, clientMutationId } },
  });
  if (!existing) return null;
  if (existing.articleId !== articleId || (existing.body !== body && existing.status !== "REMOVED")) {
    throw new ConflictError("That clientMutationId was already used for a different comment", "clientMutationId");
  }
  await republishLatest(ctx, existing.id, "ADDED");
  return existing;
}

/** After a post failed in a way that does not say whether it committed: the comment, if it was saved after all. */
async function savedDespite(ctx: Context, commentId: string | undefined): Promise<Comment | null> {
  if (!commentId) return null;
  try {
    return await ctx.prisma.comment.findUnique({ where: { id: commentId } });
  } catch {
    return null; // still unreachable: the original error says it best
  }
}

async function takeRateLimitSlot(tx: P.TransactionClient, ctx: Context, accountId: string, now: Date): Promise<void> {
  const interval = ctx.config.comments.rateLimitMs;
  if (interval <= 0) return;
  // A conditional update: atomic across requests and instances, and it leaves the slot untouched when refused.
  const { count } = await tx.account.updateMany({
    where: {
      id: accountId,
      OR: [{ lastCommentAt: null }, { lastCommentAt: { lte: new Date(now.getTime() - interval) } }],
    },
    data: { lastCommentAt: now },
  });
  if (count > 0) return;
  const account = await tx.account.findUniqueOrThrow({ where: { id: accountId }, select: { lastCommentAt: true } });
  const waitMs = (account.lastCommentAt?.getTime() ?? 0) + interval - now.getTime();
  const retryAfter = Math.max(1, Math.ceil(waitMs / 1000));
  throw new RateLimitedError(`You are commenting too fast; try again in ${retryAfter} s`, retryAfter);
}

export async function postComment(ctx: Context, input: PostCommentInput): Promise<Comment> {
  const viewer = requireParticipant(ctx, "comment");
  const articleId = decodeGlobalIdOf(input.articleId, "Article", "articleId");
  const parentId = input.parentId ? decodeGlobalIdOf(input.parentId, "Comment", "parentId") : null;
  const clientMutationId = checkClientMutationId(input.clientMutationId);
  const body = normaliseCommentBody(input.body);
  if (clientMutationId) {
    const retry = await findRetry(ctx, viewer.id, clientMutationId, articleId, body);
    if (retry) return retry;
  }
  const now = ctx.clock();
  const events: CommentEventMessage[] = [];
  let comment: Comment;
  let newCommentId: string | undefined;
  try {
    comment = await writeTransaction(ctx, async (tx) => {
      const article = await tx.article.findUnique({
        where: { id: articleId },
        select: {
          status: true,
          embargoedUntil: true,
          commentsEnabled: true,
          commentsCloseAt: true,
          commentsPremoderated: true,
        },
      });
      if (!article || !isArticleOpenable(viewer, article)) throw new NotFoundError("Article", input.articleId);
      if (article.status !== "PUBLISHED" || !article.commentsEnabled)
        throw new ForbiddenError("Comments are not open on this article");
      if (article.commentsCloseAt && article.commentsCloseAt <= now)
        throw new ForbiddenError("Comments on this article have closed");
      let parent: Pick<Comment, "id" | "articleId" | "rootId" | "depth" | "status"> | null = null;
      if (parentId) {
        parent = await tx.comment.findUnique({
          where: { id: parentId },
          select: {
            id: true,
            articleId: true,
            rootId: true,
            depth: true,
            status: true,
            authorId: true,
            removedWhileVisible: true,
          },
        });
        if (!parent || !isCommentVisible(viewer, parent as Comment))
          throw new NotFoundError("Comment", input.parentId!);
        if (parent.articleId !== articleId)
          throw new BadUserInputError("parentId is a comment on another article", "parentId");
        if (parent.status !== "VISIBLE")
          throw new BadUserInputError("You can only reply to a visible comment", "parentId");
      }
      await takeRateLimitSlot(tx, ctx, viewer.id, now);
      const assessment = assessComment({
        body,
        articlePremoderated: article.commentsPremoderated,
        author: viewer,
        now,
        rules: ctx.config.comments,
      });
      // The row lock (PostgreSQL) or the write lock (SQLite) taken here orders concurrent posts, so sequences are
      // unique and strictly increasing per article; @@unique([articleId, seq]) backs that up.
      // Both of the article's counters move in one statement: the row stays locked for as short a time as possible.
      const { lastCommentSeq, lastEventSeq } = await tx.article.update({
        where: { id: articleId },
        data: { lastCommentSeq: { increment: 1 }, lastEventSeq: { increment: 1 } },
        select: { lastCommentSeq: true, lastEventSeq: true },
      });
      newCommentId = ctx.newId();
      const created = await tx.comment.create({
        data: {
          id: newCommentId,
          articleId,
          authorId: viewer.id,
          parentId,
          rootId: parent ? (parent.rootId ?? parent.id) : null,
          depth: parent ? parent.depth + 1 : 0,
          body,
          status: assessment.status,
          seq: lastCommentSeq,
          clientMutationId,
          createdAt: now,
          updatedAt: now,
        },
      });
      if (assessment.reasons.length > 0) {
        await recordDecision(tx, ctx, {
          commentId: created.id,
          actorId: null,
          status: assessment.status,
          previousStatus: null,
          reasons: assessment.reasons,
        });
      }
      events.push(await recordCommentEvent(tx, ctx, created, "ADDED", null, lastEventSeq));
      return created;
    });
  } catch (error) {
    // Two copies of the same retry raced: the other one won (the unique key, or the rate-limit slot it took, stopped
    // this one), and its comment is the answer.
    if (clientMutationId && (isUniqueViolation(error) || error instanceof RateLimitedError)) {
      const retry = await findRetry(ctx, viewer.id, clientMutationId, articleId, body);
      if (retry) return retry;
    }
    if (!(error instanceof LedeError)) {
      const saved = await savedDespite(ctx, newCommentId);
      if (saved) {
        await republishLatest(ctx, saved.id, "ADDED");
        return saved;
      }
    }
    throw error;
  }
  publishCommentEvents(ctx, events);
  return comment;
}

export async function editComment(ctx: Context, input: { id: string; body: string }): Promise<Comment> {
  const viewer = requireParticipant(ctx, "edit comments");
  const id = decodeGlobalIdOf(input.id, "Comment");
  const body = normaliseCommentBody(input.body);
  const now = ctx.clock();
  const events: CommentEventMessage[] = [];
  let unchanged = false;
  const comment = await writeTransaction(ctx, async (tx) => {
    await lockComment(tx, ctx, id);
    const current = await tx.comment.findUnique({
      where: { id },
      include: { article: { select: { commentsPremoderated: true } } },
    });
    if (!current || !isCommentVisible(viewer, current)) throw new NotFoundError("Comment", input.id);
    if (current.authorId !== viewer.id) throw new ForbiddenError("Only the author may edit a comment");
    if (current.status === "REMOVED" || current.status === "REJECTED")
      throw new ForbiddenError(`This comment is ${current.status.toLowerCase()} and cannot be edited`);
    const editableUntil = new Date(current.createdAt.getTime() + ctx.config.comments.editWindowMs);
    if (now > editableUntil) throw new ForbiddenError(`Comments can be edited until ${editableUntil.toISOString()}`);
    if (body === current.body) {
      // Nothing to do: perhaps a retry of an edit that was saved but whose answer was lost (see republishLatest).
      unchanged = current.editedAt !== null;
      return current;
    }
    await tx.commentRevision.create({
      data: {
        id: ctx.newId(),
        commentId: id,
        body: current.body,
        writtenAt: current.editedAt ?? current.createdAt,
        createdAt: now,
        updatedAt: now,
      },
    });
    const assessment = assessComment({
      body,
      articlePremoderated: current.article.commentsPremoderated,
      author: viewer,
      now,
      rules: ctx.config.comments,
    });
    // An edit can hold or reject a comment, never publish one that was waiting for review.
    const status = assessment.status === "VISIBLE" ? current.status : assessment.status;
    const { article: _article, ...previous } = current;
    const updated = await tx.comment.update({ where: { id }, data: { body, status, editedAt: now, updatedAt: now } });
    if (status !== previous.status) {
      await recordDecision(tx, ctx, {
        commentId: id,
        actorId: null,
        status,
        previousStatus: previous.status,
        reasons: assessment.reasons,
      });
    }
    events.push(await recordCommentEvent(tx, ctx, updated, "EDITED", previous.status));
    return updated;
  });
  publishCommentEvents(ctx, events);
  if (unchanged) await republishLatest(ctx, id, "EDITED");
  return comment;
}

/** The author's delete is a soft delete: the comment stays in its thread as "removed". Moderators may remove too. */
export async function deleteComment(ctx: Context, globalId: string): Promise<Comment> {
  const viewer = requireViewer(ctx, "delete comments");
  const id = decodeGlobalIdOf(globalId, "Comment");
  const now = ctx.clock();
  const events: CommentEventMessage[] = [];
  let removedBefore = false;
  const comment = await writeTransaction(ctx, async (tx) => {
    await lockComment(tx, ctx, id);
    const current = await tx.comment.findUnique({ where: { id } });
    if (!current || !isCommentVisible(viewer, current)) throw new NotFoundError("Comment", globalId);
    const moderator = canModerate(viewer);
    if (current.authorId !== viewer.id && !moderator)
      throw new ForbiddenError("Only the author or a moderator may delete a comment");
    if (current.status === "REMOVED") {
      removedBefore = true; // perhaps a retry of a delete whose answer was lost: see republishLatest
      return current;
    }
    const updated = await tx.comment.update({
      where: { id },
      data: { status: "REMOVED", removedAt: now, updatedAt: now, removedWhileVisible: current.status === "VISIBLE" },
    });
    if (current.authorId !== viewer.id) {
      await recordDecision(tx, ctx, {
        commentId: id,
        actorId: viewer.id,
        status: "REMOVED",
        previousStatus: current.status,
        reasons: [{ rule: "MODERATOR" }],
      });
    }
    events.push(await recordCommentEvent(tx, ctx, updated, "REMOVED", current.status));
    return updated;
  });
  publishCommentEvents(ctx, events);
  if (removedBefore) await republishLatest(ctx, id, "REMOVED");
  return comment;
}
