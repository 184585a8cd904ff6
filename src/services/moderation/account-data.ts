// A commenter's own data: everything Lede holds about an account, as one JSON document, and the account's deletion.
// A reader does both for themselves; moderators and administrators do them for a reader on request. Deleting removes
// the account's comments (or anonymises them, as configured: DELETED_ACCOUNT_COMMENTS), its reactions, flags and
// tokens; live widgets get an event for every comment that changes. The audit entry says who did it, never the text.
import type { Context } from "../../context.js";
import { BadUserInputError } from "../../errors.js";
import type { Account, Prisma as P } from "../../generated/prisma/client.js";
import { decodeGlobalIdOf, encodeGlobalId } from "../../global-id.js";
import { writeTransaction } from "../../platform/transactions.js";
import type { CommentEventMessage } from "../comments/event-message.js";
import { publishCommentEvents, recordCommentEvent } from "../comments/events.js";
import { audit } from "../shared/audit.js";
import { requireModerator, requireViewer } from "../shared/authz.js";
import { checkedText } from "../shared/text.js";
import { checkTarget } from "./accounts.js";
import { standingOf } from "./standing.js";

export const DELETED_DISPLAY_NAME = "Deleted reader";

/** The account to act on: the viewer's own (no id, or their own id), or, for moderators, anyone's they may act on. */
async function subjectAccount(ctx: Context, globalId: string | null | undefined, action: string): Promise<Account> {
  const viewer = requireViewer(ctx, action);
  const id = globalId ? decodeGlobalIdOf(globalId, "Account") : viewer.id;
  if (id === viewer.id) return viewer;
  const moderator = requireModerator(ctx, `${action} of another account`);
  return checkTarget(moderator, await ctx.prisma.account.findUnique({ where: { id } }), globalId!, false);
}

const iso = (date: Date | null) => date?.toISOString() ?? null;

export async function exportAccountData(ctx: Context, globalId?: string | null): Promise<Record<string, unknown>> {
  const account = await subjectAccount(ctx, globalId, "download the data");
  const id = account.id;
  const [comments, reactions, flags, actions] = await Promise.all([
    ctx.prisma.comment.findMany({
      where: { authorId: id },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      include: {
        article: { select: { headline: true, canonicalUrl: true } },
        revisions: { orderBy: { writtenAt: "asc" } },
      },
    }),
    ctx.prisma.reaction.findMany({ where: { accountId: id }, orderBy: { createdAt: "asc" } }),
    ctx.prisma.flag.findMany({ where: { accountId: id }, orderBy: { createdAt: "asc" } }),
    ctx.prisma.accountAction.findMany({ where: { accountId: id }, orderBy: { createdAt: "asc" } }),
  ]);
  const commentId = (raw: string) => encodeGlobalId("Comment", raw);
  const standing = standingOf(account, ctx.clock());
  return {
    exportedAt: ctx.clock().toISOString(),
    account: {
      id: encodeGlobalId("Account", id),
      displayName: account.displayName,
      role: account.role,
      createdAt: account.createdAt.toISOString(),
      banned: standing.banned,
      suspendedUntil: iso(standing.suspendedUntil),
      warning: standing.warning,
    },
    comments: comments.map((c) => ({
      id: commentId(c.id),
      article: { headline: c.article.headline, url: c.article.canonicalUrl },
      parentId: c.parentId ? commentId(c.parentId) : null,
      body: c.body,
      status: c.status,
      createdAt: c.createdAt.toISOString(),
      editedAt: iso(c.editedAt),
      earlierVersions: c.revisions.map((r) => ({ body: r.body, writtenAt: r.writtenAt.toISOString() })),
    })),
    reactions: reactions.map((r) => ({
      commentId: commentId(r.commentId),
      kind: r.kind,
      at: r.createdAt.toISOString(),
    })),
    flags: flags.map((f) => ({
      commentId: commentId(f.commentId),
      reason: f.reason,
      note: f.text,
      at: f.createdAt.toISOString(),
    })),
    moderation: actions.map((a) => ({
      kind: a.kind,
      reason: a.reason,
      message: a.message,
      until: iso(a.until),
      at: a.createdAt.toISOString(),
    })),
  };
}

export interface AccountDeletion {
  accountId: string;
  mode: "remove" | "anonymise";
  comments: number;
}

type Tx = P.TransactionClient;

async function takeBackReactionsAndFlags(tx: Tx, ctx: Context, accountId: string, events: CommentEventMessage[]) {
  const reactions = await tx.reaction.findMany({ where: { accountId }, select: { commentId: true } });
  const perComment = new Map<string, number>();
  for (const r of reactions) perComment.set(r.commentId, (perComment.get(r.commentId) ?? 0) + 1);
  await tx.reaction.deleteMany({ where: { accountId } });
  for (const [commentId, count] of perComment) {
    const updated = await tx.comment.update({
      where: { id: commentId },
      data: { reactionCount: { decrement: count } },
    });
    if (updated.authorId !== accountId)
      events.push(await recordCommentEvent(tx, ctx, updated, "REACTIONS_CHANGED", updated.status));
  }
  const flags = await tx.flag.findMany({ where: { accountId }, select: { commentId: true } });
  await tx.flag.deleteMany({ where: { accountId } });
  for (const f of flags) await tx.comment.update({ where: { id: f.commentId }, data: { flagCount: { decrement: 1 } } });
}

export async function deleteAccount(
  ctx: Context,
  globalId?: string | null,
  rawReason?: string | null,
): Promise<AccountDeletion> {
  const account = await subjectAccount(ctx, globalId, "delete the account");
  const onRequest = account.id !== ctx.viewer!.id;
  if (onRequest && !rawReason?.trim())
    throw new BadUserInputError("Say on whose request the account is deleted", "reason");
  const reason = rawReason?.trim() ? checkedText(rawReason, "reason", 1000) : "deleted by its owner";
  const mode = ctx.config.comments.onAccountDeletion;
  const id = account.id;
  const now = ctx.clock();
  const events: CommentEventMessage[] = [];
  const count = await writeTransaction(ctx, async (tx) => {
    const comments = await tx.comment.findMany({ where: { authorId: id }, orderBy: { createdAt: "asc" } });
    await takeBackReactionsAndFlags(tx, ctx, id, events);
    await tx.commentRevision.deleteMany({ where: { comment: { authorId: id } } });
    await tx.account.update({
      where: { id },
      data: {
        displayName: DELETED_DISPLAY_NAME,
        externalId: null,
        deletedAt: now,
        warning: null,
        updatedAt: now,
      },
    });
    for (const comment of comments) {
      if (mode === "anonymise") {
        if (comment.status !== "REMOVED")
          events.push(await recordCommentEvent(tx, ctx, comment, "AUTHOR_CHANGED", comment.status));
        continue;
      }
      const removed = comment.status === "REMOVED";
      const updated = await tx.comment.update({
        where: { id: comment.id },
        data: {
          body: "",
          status: "REMOVED",
          featuredAt: null,
          reported: false,
          ...(removed ? {} : { removedAt: now, removedWhileVisible: comment.status === "VISIBLE", updatedAt: now }),
        },
      });
      if (!removed) events.push(await recordCommentEvent(tx, ctx, updated, "REMOVED", comment.status));
    }
    await tx.apiToken.deleteMany({ where: { accountId: id } });
    await tx.accountAction.create({
      data: { id: ctx.newId(), accountId: id, actorId: ctx.viewer!.id, kind: "DELETE", reason, createdAt: now },
    });
    await audit(tx, ctx, "deleteAccount", "Account", id, { reason, mode, comments: comments.length, onRequest });
    return comments.length;
  });
  publishCommentEvents(ctx, events);
  return { accountId: id, mode, comments: count };
}
