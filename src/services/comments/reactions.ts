// Reactions: one of each kind per account per comment. The count on the comment moves in the same transaction.
import type { Context } from "../../context.js";
import { lockComment, writeTransaction } from "../../platform/transactions.js";
import { isArticleOpenable } from "../shared/visibility.js";
import { NotFoundError } from "../../errors.js";
import type { ReactionKind } from "../../generated/prisma/enums.js";
import type { Comment } from "../../generated/prisma/client.js";
import { decodeGlobalIdOf } from "../../global-id.js";
import { requireViewer } from "../shared/authz.js";
import type { CommentEventMessage } from "./event-message.js";
import { publishCommentEvents, recordCommentEvent } from "./events.js";

async function changeReaction(ctx: Context, globalId: string, kind: ReactionKind, add: boolean): Promise<Comment> {
  const viewer = requireViewer(ctx, "react to comments");
  const id = decodeGlobalIdOf(globalId, "Comment", "commentId");
  const events: CommentEventMessage[] = [];
  const run = () =>
    writeTransaction(ctx, async (tx) => {
      await lockComment(tx, ctx, id);
      const current = await tx.comment.findUnique({
        where: { id },
        include: { article: { select: { status: true, embargoedUntil: true } } },
      });
      if (!current || current.status !== "VISIBLE" || !isArticleOpenable(viewer, current.article)) {
        throw new NotFoundError("Comment", globalId);
      }
      const key = { commentId_accountId_kind: { commentId: id, accountId: viewer.id, kind } };
      const existing = await tx.reaction.findUnique({ where: key });
      if (add === Boolean(existing)) return current; // already as asked: nothing changes, nothing is published
      const now = ctx.clock();
      if (add)
        await tx.reaction.create({
          data: { id: ctx.newId(), commentId: id, accountId: viewer.id, kind, createdAt: now, updatedAt: now },
        });
      else await tx.reaction.delete({ where: key });
      const updated = await tx.comment.update({
        where: { id },
        data: { reactionCount: { increment: add ? 1 : -1 } },
      });
      events.push(await recordCommentEvent(tx, ctx, updated, "REACTIONS_CHANGED", updated.status));
      return updated;
    });
  let comment: Comment;
  try {
    comment = await run();
  } catch (error) {
    // A double click: the same reaction was added concurrently, and the other request recorded it.
    if ((error as { code?: string }).code !== "P2002") throw error;
    comment = await ctx.prisma.comment.findUniqueOrThrow({ where: { id } });
  }
  publishCommentEvents(ctx, events);
  return comment;
}

export const reactToComment = (ctx: Context, commentId: string, kind: ReactionKind) =>
  changeReaction(ctx, commentId, kind, true);
export const removeReaction = (ctx: Context, commentId: string, kind: ReactionKind) =>
  changeReaction(ctx, commentId, kind, false);
