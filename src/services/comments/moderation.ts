// Moderation: the automatic rules a new or edited comment goes through, flags, and moderators' decisions. Every
// decision is stored with its reasons (which rule, which word), so the moderator and the author can see why.
import type { Config } from "../../platform/config.js";
import { lockComment, writeTransaction } from "../../platform/transactions.js";
import type { Context } from "../../context.js";
import { BadUserInputError, ForbiddenError, NotFoundError } from "../../errors.js";
import type { CommentStatus, FlagReason } from "../../generated/prisma/enums.js";
import type { Account, Comment, Prisma as P } from "../../generated/prisma/client.js";
import { recordDecision, type Reason } from "./decision-log.js";
import { decodeGlobalIdOf } from "../../global-id.js";
import { requireModerator, isStaff } from "../shared/authz.js";
import { requireParticipant } from "../moderation/standing.js";
import { publishCommentEvents, recordCommentEvent, republishLatest } from "./events.js";
import type { CommentEventMessage } from "./event-message.js";
import { isArticleOpenable, isCommentVisible } from "../shared/visibility.js";
import { checkedRejectionReason, decideInTransaction } from "../moderation/decide.js";

export interface Assessment {
  status: Extract<CommentStatus, "VISIBLE" | "PENDING" | "REJECTED">;
  reasons: Reason[];
}

const LINK = /\b(?:https?:\/\/|www\.)[^\s]+/gi;

function findWords(text: string, words: string[]): string[] {
  const lower = text.toLowerCase();
  return words.filter((word) =>
    new RegExp(`(^|[^\\p{L}\\p{N}])${escapeRegExp(word)}($|[^\\p{L}\\p{N}])`, "u").test(lower),
  );
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Runs the automatic rules. Banned words reject; suspect words, too many links, a premoderated article or a young
 * account hold the comment for review. Staff comments skip the holds but not the banned words. */
export function assessComment(input: {
  body: string;
  articlePremoderated: boolean;
  author: Pick<Account, "role" | "createdAt">;
  now: Date;
  rules: Config["comments"];
}): Assessment {
  const { body, rules } = input;
  const banned = findWords(body, rules.bannedWords);
  if (banned.length > 0)
    return { status: "REJECTED", reasons: banned.map((word) => ({ rule: "BANNED_WORD", detail: word })) };
  if (isStaff(input.author)) return { status: "VISIBLE", reasons: [] };
  const reasons: Reason[] = findWords(body, rules.suspectWords).map((word) => ({ rule: "SUSPECT_WORD", detail: word }));
  const links = body.match(LINK)?.length ?? 0;
  if (links > rules.maxLinks)
    reasons.push({ rule: "TOO_MANY_LINKS", detail: `${links} links (at most ${rules.maxLinks})` });
  if (input.articlePremoderated) reasons.push({ rule: "PREMODERATED_ARTICLE" });
  const age = input.now.getTime() - input.author.createdAt.getTime();
  if (rules.premoderateNewAccountsMs > 0 && age < rules.premoderateNewAccountsMs) {
    reasons.push({ rule: "NEW_ACCOUNT", detail: `account is ${Math.floor(age / 60_000)} minutes old` });
  }
  return { status: reasons.length > 0 ? "PENDING" : "VISIBLE", reasons };
}

async function changeStatus(
  ctx: Context,
  commentGlobalId: string,
  to: "VISIBLE" | "REJECTED",
  note: string | null,
): Promise<Comment> {
  const moderator = requireModerator(ctx, to === "VISIBLE" ? "approve comments" : "reject comments");
  const events: CommentEventMessage[] = [];
  const { comment, alreadyThere } = await writeTransaction(ctx, (tx) =>
    decideInTransaction(tx, ctx, moderator, commentGlobalId, to, note, events),
  );
  publishCommentEvents(ctx, events);
  if (alreadyThere) await republishLatest(ctx, comment.id, "STATUS_CHANGED");
  return comment;
}

export const approveComment = (ctx: Context, id: string, note?: string | null) =>
  changeStatus(ctx, id, "VISIBLE", note?.trim() || null);

export function rejectComment(ctx: Context, id: string, reason: string): Promise<Comment> {
  return changeStatus(ctx, id, "REJECTED", checkedRejectionReason(reason));
}

export async function flagComment(
  ctx: Context,
  commentGlobalId: string,
  reason: FlagReason,
  text?: string | null,
): Promise<Comment> {
  const viewer = requireParticipant(ctx, "flag comments");
  const id = decodeGlobalIdOf(commentGlobalId, "Comment");
  const note = text?.trim() || null;
  if (note && note.length > 500) throw new BadUserInputError("A flag's text may be at most 500 characters", "text");
  if (reason === "OTHER" && !note) throw new BadUserInputError("Say what is wrong when the reason is OTHER", "text");
  const events: CommentEventMessage[] = [];
  const comment = await writeTransaction(ctx, async (tx) => {
    await lockComment(tx, ctx, id);
    const current = await tx.comment.findUnique({
      where: { id },
      include: { article: { select: { status: true, embargoedUntil: true } } },
    });
    // A comment already held for review (or rejected) takes the flag too: the reader saw it before it was held, and
    // the flag succeeds as if the comment were still there (its text stays hidden from them).
    const held = current?.status === "PENDING" || current?.status === "REJECTED";
    if (
      !current ||
      (!isCommentVisible(viewer, current) && !held) ||
      current.status === "REMOVED" ||
      !isArticleOpenable(viewer, current.article)
    )
      throw new NotFoundError("Comment", commentGlobalId);
    if (current.authorId === viewer.id) throw new ForbiddenError("You cannot flag your own comment");
    const existing = await tx.flag.findUnique({
      where: { commentId_accountId: { commentId: id, accountId: viewer.id } },
    });
    if (existing) return current; // one flag per reader: flagging again changes nothing
    const now = ctx.clock();
    await tx.flag.create({
      data: {
        id: ctx.newId(),
        commentId: id,
        accountId: viewer.id,
        reason,
        text: note,
        createdAt: now,
        updatedAt: now,
      },
    });
    const updated = await tx.comment.update({
      where: { id },
      data: { flagCount: { increment: 1 }, ...(current.status === "VISIBLE" ? { reported: true } : {}) },
    });
    if (updated.status !== "VISIBLE" || updated.flagCount < ctx.config.comments.flagsToPending) {
      // Moderators only (see canSeeEvent): the REPORTED queue and an open item's flags update live.
      events.push(await recordCommentEvent(tx, ctx, updated, "FLAGGED", updated.status));
      return updated;
    }
    const heldByFlags = await tx.comment.update({ where: { id }, data: { status: "PENDING", updatedAt: now } });
    await recordDecision(tx, ctx, {
      commentId: id,
      actorId: null,
      status: "PENDING",
      previousStatus: "VISIBLE",
      reasons: [{ rule: "FLAGS", detail: `${updated.flagCount} flags` }],
    });
    events.push(await recordCommentEvent(tx, ctx, heldByFlags, "STATUS_CHANGED", "VISIBLE"));
    return heldByFlags;
  });
  publishCommentEvents(ctx, events);
  return comment;
}

export function moderationQueueWhere(
  ctx: Context,
  args: { status?: CommentStatus | null; articleId?: string | null },
): P.CommentWhereInput {
  requireModerator(ctx, "see the moderation queue");
  return {
    status: args.status ?? "PENDING",
    ...(args.articleId ? { articleId: decodeGlobalIdOf(args.articleId, "Article", "articleId") } : {}),
  };
}
