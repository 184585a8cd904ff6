// Moderation types: queues and their orders, flags, the commenter's standing and history, account actions; and the
// fields moderation adds to Comment, Account and ModerationDecision. Staff-only fields answer null to anyone else.
import { builder } from "../../builder.js";
import { encodeGlobalId } from "../../global-id.js";
import { AccountActionKind } from "../../generated/prisma/enums.js";
import { commenterHistory, type CommenterHistory } from "../../services/moderation/history.js";
import { standingOf, type Standing } from "../../services/moderation/standing.js";
import type { AccountDeletion } from "../../services/moderation/account-data.js";
import { MODERATION_QUEUES, type ModerationQueue } from "../../services/moderation/queue.js";
import { canModerate } from "../../services/shared/visibility.js";
import { addActingAccountField } from "../account/types.js";
import { VIEWER_SPECIFIC } from "../shared/cache-facts.js";
import { describedEnum } from "../shared/enums.js";
import { FlagReasonEnum, ModerationDecisionRef } from "../comment/types.js";

export const ModerationQueueEnum = builder.enumType("ModerationQueue", {
  description: "A moderation queue.",
  values: {
    PENDING: { description: "Held for review: by a rule, by enough flags or by pre-moderation." },
    REPORTED: { description: "Flagged at least once since a moderator last decided, and still visible." },
    REJECTED: { description: "Rejected by a rule or a moderator." },
    APPROVED: { description: "Visible because a moderator approved it." },
    FEATURED: { description: "Featured by a moderator (staff picks)." },
  } as const,
});

export const ModerationOrderEnum = builder.enumType("ModerationOrder", {
  description: "How to order a moderation queue.",
  values: {
    OLDEST: { description: "Oldest first (the default: first come, first served)." },
    NEWEST: { description: "Newest first." },
    MOST_FLAGGED: { description: "Most flags first (risk first), then oldest." },
  } as const,
});

export const AccountActionKindEnum = describedEnum(
  "AccountActionKind",
  "What a moderator did to an account.",
  AccountActionKind,
  {
    BAN: "Banned it: it may no longer post, react or flag.",
    UNBAN: "Lifted its ban and any suspension.",
    SUSPEND: "Suspended it until a time.",
    WARN: "Warned its reader, with a message they see.",
    NOTE: "Left a note for other moderators.",
    DELETE: "Deleted it (by its owner, or on their request).",
  },
);

const FlagRef = builder.prismaObject("Flag", {
  description: "A reader's report of a comment, with their reason.",
  fields: (t) => ({
    reason: t.expose("reason", { type: FlagReasonEnum, description: "What the reader says is wrong." }),
    note: t.exposeString("text", { nullable: true, description: "What the reader wrote about it." }),
    createdAt: t.expose("createdAt", { type: "DateTime", description: "When." }),
    reporter: t.relation("account", { description: "Who flagged it." }),
  }),
});

const AccountActionRef = builder.prismaObject("AccountAction", {
  description: "Something a moderator did to an account, with the reason.",
  fields: (t) => ({
    kind: t.expose("kind", { type: AccountActionKindEnum, description: "What was done." }),
    reason: t.exposeString("reason", { description: "Why (for NOTE: the note)." }),
    message: t.exposeString("message", { nullable: true, description: "WARN: the message the reader sees." }),
    until: t.expose("until", { type: "DateTime", nullable: true, description: "SUSPEND: until when." }),
    createdAt: t.expose("createdAt", { type: "DateTime", description: "When." }),
  }),
});

addActingAccountField(
  "AccountAction",
  "moderator",
  "Who did it (null when the account deleted itself or the moderator's account is gone).",
);

const StandingRef = builder.objectRef<Standing>("AccountStanding").implement({
  description: "Whether an account may take part, and the warning its reader should see.",
  fields: (t) => ({
    banned: t.exposeBoolean("banned", { description: "Banned: may not post, react or flag." }),
    suspendedUntil: t.expose("suspendedUntil", {
      type: "DateTime",
      nullable: true,
      description: "Suspended until then (null when not suspended).",
    }),
    warning: t.exposeString("warning", {
      nullable: true,
      description: "A moderator's warning, shown until the reader acknowledges it.",
    }),
    warnedAt: t.expose("warnedAt", { type: "DateTime", nullable: true, description: "When the last warning came." }),
  }),
});

const HistoryRef = builder.objectRef<CommenterHistory>("CommenterHistory").implement({
  description: "A commenter's record, for moderators.",
  fields: (t) => ({
    accountCreatedAt: t.expose("createdAt", { type: "DateTime", description: "When the account was created." }),
    visibleCount: t.exposeInt("visibleCount", { description: "Comments now visible." }),
    approvedCount: t.exposeInt("approvedCount", { description: "Comments a moderator approved." }),
    pendingCount: t.exposeInt("pendingCount", { description: "Comments waiting for review." }),
    rejectedCount: t.exposeInt("rejectedCount", { description: "Comments rejected." }),
    removedCount: t.exposeInt("removedCount", { description: "Comments removed." }),
    flagsReceived: t.exposeInt("flagsReceived", { description: "Flags on all their comments." }),
    decisions: t.field({
      type: [ModerationDecisionRef],
      description: "The latest 20 decisions on their comments, newest first.",
      resolve: (h) => h.decisions as never,
    }),
    actions: t.field({
      type: [AccountActionRef],
      description: "The latest 20 things moderators did to the account or noted about it, newest first.",
      resolve: (h) => h.actions,
    }),
  }),
});

export const QueueCountsRef = builder.objectRef<Record<ModerationQueue, number>>("ModerationQueueCounts").implement({
  description: "How many comments each moderation queue holds.",
  fields: (t) =>
    Object.fromEntries(
      MODERATION_QUEUES.map((queue) => [
        queue.toLowerCase(),
        t.int({ description: `The ${queue} queue.`, resolve: (counts) => counts[queue] }),
      ]),
    ),
});

export const AccountDeletionRef = builder.objectRef<AccountDeletion>("AccountDeletion").implement({
  description: "What became of a deleted account.",
  fields: (t) => ({
    accountId: t.id({ description: "The deleted account.", resolve: (d) => encodeGlobalId("Account", d.accountId) }),
    commentsRemoved: t.int({
      description: "How many of its comments were removed (DELETED_ACCOUNT_COMMENTS=remove).",
      resolve: (d) => (d.mode === "remove" ? d.comments : 0),
    }),
    commentsAnonymised: t.int({
      description: "How many were kept under the name “Deleted reader” (DELETED_ACCOUNT_COMMENTS=anonymise).",
      resolve: (d) => (d.mode === "anonymise" ? d.comments : 0),
    }),
  }),
});

builder.prismaObjectFields("Comment", (t) => ({
  // A duration rather than a time: the widget counts down from it on the reader's own monotonic clock, so a browser
  // whose clock is wrong still offers Edit exactly as long as Lede will take the edit.
  editableForSeconds: t.int({
    nullable: true,
    description:
      "For the author: how many seconds are left to edit the comment as of this answer, by Lede's clock (0 once the window has closed); null for everyone else.",
    select: { createdAt: true, authorId: true },
    resolve: (c, _args, ctx) => {
      if (ctx.viewer?.id !== c.authorId) return null;
      const left = c.createdAt.getTime() + ctx.config.comments.editWindowMs - ctx.clock().getTime();
      return Math.max(0, Math.floor(left / 1000));
    },
    extensions: VIEWER_SPECIFIC,
  }),
  featured: t.boolean({
    description: "True when a moderator featured it (a staff pick).",
    select: { featuredAt: true },
    resolve: (c) => c.featuredAt !== null,
  }),
  reported: t.boolean({
    nullable: true,
    description: "Moderators only: it has flags no moderator has decided on yet (null for others).",
    select: { reported: true },
    resolve: (c, _args, ctx) => (canModerate(ctx.viewer) ? c.reported : null),
    extensions: VIEWER_SPECIFIC,
  }),
  flags: t.field({
    type: [FlagRef],
    nullable: true,
    description: "Moderators only: every flag with its reason and note, oldest first (null for others).",
    select: (_args, _ctx, nested) => ({
      flags: nested({ orderBy: [{ createdAt: "asc" as const }, { id: "asc" as const }] }),
    }),
    resolve: (c, _args, ctx) => (canModerate(ctx.viewer) ? c.flags : null),
    extensions: VIEWER_SPECIFIC,
  }),
}));

builder.prismaObjectFields("Account", (t) => ({
  standing: t.field({
    type: StandingRef,
    nullable: true,
    description: "For the account itself and moderators: ban, suspension, warning (null for others).",
    select: { id: true, bannedAt: true, suspendedUntil: true, warning: true, warnedAt: true },
    resolve: (a, _args, ctx) =>
      ctx.viewer && (ctx.viewer.id === a.id || canModerate(ctx.viewer)) ? standingOf(a, ctx.clock()) : null,
    extensions: VIEWER_SPECIFIC,
  }),
  history: t.field({
    type: HistoryRef,
    nullable: true,
    description: "Moderators only: the commenter's record (null for others).",
    select: { id: true, createdAt: true },
    resolve: (a, _args, ctx) => (canModerate(ctx.viewer) ? commenterHistory(ctx, a) : null),
    extensions: VIEWER_SPECIFIC,
  }),
}));

builder.prismaObjectField("ModerationDecision", "comment", (t) =>
  t.relation("comment", { description: "The comment decided on." }),
);

builder.prismaObjectField("Article", "featuredComments", (t) =>
  t.relation("comments", {
    description: "Top-level comments a moderator featured (staff picks), most recently featured first; at most 10.",
    query: {
      where: { parentId: null, status: "VISIBLE", featuredAt: { not: null } },
      orderBy: [{ featuredAt: "desc" }, { id: "asc" }],
      take: 10,
    },
  }),
);
