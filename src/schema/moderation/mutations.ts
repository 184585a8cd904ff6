// Moderation mutations: bulk decisions, featuring, account actions (each with a reason, each audited), a reader's
// own account (warning, name, deletion).
import { builder } from "../../builder.js";
import type { Context } from "../../context.js";
import { changeDisplayName } from "../../services/accounts/profile.js";
import { deleteAccount } from "../../services/moderation/account-data.js";
import { acknowledgeWarning, actOnAccount, type ModeratorAccountAction } from "../../services/moderation/accounts.js";
import { checkedRejectionReason, decideMany, setFeatured } from "../../services/moderation/decide.js";
import { INVALIDATED_BY_COMMENT_EVENTS, PURGES_CACHE } from "../shared/cache-facts.js";
import { AccountDeletionRef } from "./types.js";

const reloadComment = (ctx: Context, query: object, id: string) =>
  ctx.prisma.comment.findUniqueOrThrow({ ...query, where: { id } });
const reloadAccount = (ctx: Context, query: object, id: string) =>
  ctx.prisma.account.findUniqueOrThrow({ ...query, where: { id } });

// How the response cache learns what each changed (schema/shared/cache-facts.ts):
// - decisions and featuring append STATUS_CHANGED / FEATURE_CHANGED events, which drop the answers holding the
//   comment, its thread and its article (Comment.featured, Article.featuredComments, counts and threads among them);
// - account actions and acknowledgeWarning change only Account.standing and Account.history, which are VIEWER_SPECIFIC
//   (never cached): no public answer changes;
// - a new display name shows in every public thread the reader wrote in, and a deleted account's comments go or are
//   anonymised everywhere: those purge.
builder.mutationFields((t) => {
  const accountAction = (kind: ModeratorAccountAction, description: string, extra: "until" | "message" | null) =>
    t.prismaField({
      type: "Account",
      description,
      extensions: INVALIDATED_BY_COMMENT_EVENTS,
      args: {
        id: t.arg.id({ required: true, description: "The account." }),
        reason: t.arg.string({
          required: true,
          description: kind === "NOTE" ? "The note (1–1,000 characters)." : "Why (1–1,000 characters; for the record).",
        }),
        ...(extra === "until"
          ? { until: t.arg({ type: "DateTime", required: true, description: "When the suspension ends." }) }
          : {}),
        ...(extra === "message"
          ? { message: t.arg.string({ required: true, description: "What the reader is told (1–500 characters)." }) }
          : {}),
      },
      resolve: async (query, _root, args, ctx) => {
        const input = args as { id: string; reason: string; until?: Date; message?: string };
        const account = await actOnAccount(ctx, input.id, kind, input);
        return reloadAccount(ctx, query, account.id);
      },
    });
  return {
    approveComments: t.prismaField({
      extensions: INVALIDATED_BY_COMMENT_EVENTS,
      type: ["Comment"],
      description: "Moderators only: approves several comments in one transaction (all or none).",
      args: {
        ids: t.arg.idList({ required: true, description: "The comments (at most 100)." }),
        note: t.arg.string({ required: false, description: "A note for the record." }),
      },
      resolve: async (query, _root, args, ctx) => {
        const comments = await decideMany(ctx, args.ids.map(String), "VISIBLE", args.note?.trim() || null);
        return Promise.all(comments.map((c) => reloadComment(ctx, query, c.id)));
      },
    }),
    rejectComments: t.prismaField({
      extensions: INVALIDATED_BY_COMMENT_EVENTS,
      type: ["Comment"],
      description: "Moderators only: rejects several comments in one transaction (all or none), with one reason.",
      args: {
        ids: t.arg.idList({ required: true, description: "The comments (at most 100)." }),
        reason: t.arg.string({ required: true, description: "Why (1–500 characters); the authors see it." }),
      },
      resolve: async (query, _root, args, ctx) => {
        const reason = checkedRejectionReason(args.reason);
        const comments = await decideMany(ctx, args.ids.map(String), "REJECTED", reason);
        return Promise.all(comments.map((c) => reloadComment(ctx, query, c.id)));
      },
    }),
    featureComment: t.prismaField({
      extensions: INVALIDATED_BY_COMMENT_EVENTS,
      type: "Comment",
      description: "Moderators only: features a visible comment (a staff pick); widgets show it first.",
      args: { id: t.arg.id({ required: true, description: "The comment." }) },
      resolve: async (query, _root, args, ctx) => reloadComment(ctx, query, (await setFeatured(ctx, args.id, true)).id),
    }),
    unfeatureComment: t.prismaField({
      extensions: INVALIDATED_BY_COMMENT_EVENTS,
      type: "Comment",
      description: "Moderators only: takes a comment off the featured list.",
      args: { id: t.arg.id({ required: true, description: "The comment." }) },
      resolve: async (query, _root, args, ctx) =>
        reloadComment(ctx, query, (await setFeatured(ctx, args.id, false)).id),
    }),
    banAccount: accountAction("BAN", "Moderators only: bans an account from posting, reacting and flagging.", null),
    unbanAccount: accountAction("UNBAN", "Moderators only: lifts an account's ban and any suspension.", null),
    suspendAccount: accountAction("SUSPEND", "Moderators only: suspends an account until a time.", "until"),
    warnAccount: accountAction(
      "WARN",
      "Moderators only: warns a reader, with a message their widget shows.",
      "message",
    ),
    addAccountNote: accountAction("NOTE", "Moderators only: leaves a note on an account for other moderators.", null),
    acknowledgeWarning: t.prismaField({
      extensions: INVALIDATED_BY_COMMENT_EVENTS,
      type: "Account",
      description: "The reader has read their warning: it is no longer shown to them.",
      resolve: async (query, _root, _args, ctx) => reloadAccount(ctx, query, (await acknowledgeWarning(ctx)).id),
    }),
    changeDisplayName: t.prismaField({
      extensions: PURGES_CACHE,
      type: "Account",
      description: "Changes the name shown with your comments (guest and token accounts; 1–50 characters).",
      args: { displayName: t.arg.string({ required: true, description: "The new name." }) },
      resolve: async (query, _root, args, ctx) =>
        reloadAccount(ctx, query, (await changeDisplayName(ctx, args.displayName)).id),
    }),
    deleteAccount: t.field({
      extensions: PURGES_CACHE,
      type: AccountDeletionRef,
      description:
        "Deletes your account (without `id`), or, for moderators and administrators, a reader's on their request (with `id` and `reason`). Its comments are removed or anonymised as the server is configured; its reactions, flags and tokens go.",
      args: {
        id: t.arg.id({ required: false, description: "The account (default: yours)." }),
        reason: t.arg.string({ required: false, description: "Required for another's account: whose request." }),
      },
      resolve: (_root, args, ctx) => deleteAccount(ctx, args.id, args.reason),
    }),
  };
});
