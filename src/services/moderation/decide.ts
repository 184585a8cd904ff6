// Moderators' decisions on comments: approve, reject (one or many, in one transaction), feature and unfeature. Every
// decision is stored with its reasons and appends to the comment event log, so live widgets and every moderator's
// console see it; a decision also closes the comment's open reports (it leaves the REPORTED queue).
import type { Context } from "../../context.js";
import { BadUserInputError, ForbiddenError, NotFoundError } from "../../errors.js";
import type { Account, Comment, Prisma as P } from "../../generated/prisma/client.js";
import { decodeGlobalIdOf } from "../../global-id.js";
import { lockComment, writeTransaction } from "../../platform/transactions.js";
import { publishCommentEvents, recordCommentEvent, republishLatest } from "../comments/events.js";
import type { CommentEventMessage } from "../comments/event-message.js";
import { recordDecision } from "../comments/decision-log.js";
import { audit } from "../shared/audit.js";
import { requireModerator } from "../shared/authz.js";

/** How many comments one bulk decision may take. */
export const MAX_BULK_DECISIONS = 100;

export interface DecisionOutcome {
  comment: Comment;
  /** Nothing changed: the comment already had that status (perhaps a retry whose answer was lost). */
  alreadyThere: boolean;
}

/** Approves (VISIBLE) or rejects one comment inside the caller's transaction. Approving a visible comment that has
 * open reports records the review (the comment leaves the REPORTED queue) and logs a STATUS_CHANGED event. */
export async function decideInTransaction(
  tx: P.TransactionClient,
  ctx: Context,
  moderator: Account,
  commentGlobalId: string,
  to: "VISIBLE" | "REJECTED",
  note: string | null,
  events: CommentEventMessage[],
): Promise<DecisionOutcome> {
  const id = decodeGlobalIdOf(commentGlobalId, "Comment");
  await lockComment(tx, ctx, id);
  const current = await tx.comment.findUnique({ where: { id } });
  if (!current) throw new NotFoundError("Comment", commentGlobalId);
  if (current.status === "REMOVED") throw new ForbiddenError("A removed comment cannot be approved or rejected");
  if (current.status === to && !(to === "VISIBLE" && current.reported)) return { comment: current, alreadyThere: true };
  const updated = await tx.comment.update({
    where: { id },
    data: {
      status: to,
      reported: false,
      ...(to === "REJECTED" ? { featuredAt: null } : {}),
      updatedAt: ctx.clock(),
    },
  });
  await recordDecision(tx, ctx, {
    commentId: id,
    actorId: moderator.id,
    status: to,
    previousStatus: current.status,
    note,
    reasons: [{ rule: "MODERATOR", detail: note ?? undefined }],
  });
  events.push(await recordCommentEvent(tx, ctx, updated, "STATUS_CHANGED", current.status));
  return { comment: updated, alreadyThere: false };
}

export function checkedRejectionReason(reason: string): string {
  const note = reason.trim();
  if (note.length === 0 || note.length > 500)
    throw new BadUserInputError("Give a reason of 1–500 characters", "reason");
  return note;
}

/** Approves or rejects several comments in one transaction: all of them, or (on any error) none. */
export async function decideMany(
  ctx: Context,
  ids: readonly string[],
  to: "VISIBLE" | "REJECTED",
  note: string | null,
): Promise<Comment[]> {
  const moderator = requireModerator(ctx, to === "VISIBLE" ? "approve comments" : "reject comments");
  const unique = [...new Set(ids)];
  if (unique.length === 0) throw new BadUserInputError("Choose at least one comment", "ids");
  if (unique.length > MAX_BULK_DECISIONS)
    throw new BadUserInputError(`At most ${MAX_BULK_DECISIONS} comments at once`, "ids");
  const events: CommentEventMessage[] = [];
  const outcomes = await writeTransaction(ctx, async (tx) => {
    const done: DecisionOutcome[] = [];
    for (const id of unique) done.push(await decideInTransaction(tx, ctx, moderator, id, to, note, events));
    return done;
  });
  publishCommentEvents(ctx, events);
  for (const outcome of outcomes)
    if (outcome.alreadyThere) await republishLatest(ctx, outcome.comment.id, "STATUS_CHANGED");
  return outcomes.map((outcome) => outcome.comment);
}

/** Features a visible comment as a staff pick (featured: true) or takes it off (false). */
export async function setFeatured(ctx: Context, commentGlobalId: string, featured: boolean): Promise<Comment> {
  const moderator = requireModerator(ctx, featured ? "feature comments" : "unfeature comments");
  const id = decodeGlobalIdOf(commentGlobalId, "Comment");
  const events: CommentEventMessage[] = [];
  const comment = await writeTransaction(ctx, async (tx) => {
    await lockComment(tx, ctx, id);
    const current = await tx.comment.findUnique({ where: { id } });
    if (!current) throw new NotFoundError("Comment", commentGlobalId);
    if (featured && current.status !== "VISIBLE") throw new ForbiddenError("Only a visible comment can be featured");
    if ((current.featuredAt !== null) === featured) return current; // already as asked
    const now = ctx.clock();
    const updated = await tx.comment.update({
      where: { id },
      data: { featuredAt: featured ? now : null, updatedAt: now },
    });
    await audit(tx, ctx, featured ? "featureComment" : "unfeatureComment", "Comment", id, {
      featured,
      moderator: moderator.id,
    });
    events.push(await recordCommentEvent(tx, ctx, updated, "FEATURE_CHANGED", updated.status));
    return updated;
  });
  publishCommentEvents(ctx, events);
  return comment;
}
