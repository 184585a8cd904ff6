// Comment types: the comment itself, its reactions, revisions and moderation history, and the events of live streams.
import { builder } from "../../builder.js";
import { VIEWER_FILTERED, VIEWER_SPECIFIC, maxAge } from "../shared/cache-facts.js";
import { CommentEventKind, FlagReason, ModerationRule, ReactionKind } from "../../generated/prisma/enums.js";
import { encodeEventCursor } from "../../services/comments/events.js";
import {
  canModerate,
  countedCommentWhere,
  isCommentVisible,
  threadCommentWhere,
} from "../../services/shared/visibility.js";
import { CommentStatusEnum, describedEnum } from "../shared/enums.js";
import { AccountRef } from "../account/types.js";
import { namedConnection } from "../shared/connections.js";
import { linkedRow } from "../shared/linked-rows.js";

export const ReactionKindEnum = describedEnum("ReactionKind", "How a reader reacts to a comment.", ReactionKind, {
  LIKE: "Agrees or likes it.",
  INSIGHTFUL: "Learned something from it.",
  FUNNY: "Found it funny.",
  SAD: "Found it sad.",
  ANGRY: "Found it infuriating.",
});
export const FlagReasonEnum = describedEnum("FlagReason", "Why a reader reports a comment.", FlagReason, {
  SPAM: "Advertising or repeated junk.",
  ABUSE: "Insults, harassment or hate.",
  OFF_TOPIC: "Nothing to do with the article.",
  MISINFORMATION: "States falsehoods as fact.",
  OTHER: "Something else (say what in the text).",
});
export const CommentEventKindEnum = describedEnum("CommentEventKind", "What happened to a comment.", CommentEventKind, {
  ADDED: "It was posted.",
  EDITED: "Its author changed its text.",
  REMOVED: "It was deleted; it stays in its thread as removed.",
  STATUS_CHANGED: "A moderator or a rule changed its status (approved, rejected, held for review).",
  REACTIONS_CHANGED: "Someone added or took back a reaction.",
  FEATURE_CHANGED: "A moderator featured it (a staff pick) or took it off the featured list.",
  AUTHOR_CHANGED: "Its author's account was deleted and the comment anonymised.",
  FLAGGED: "A reader flagged it (moderators only).",
});
export const ModerationRuleEnum = describedEnum("ModerationRule", "What made a moderation decision.", ModerationRule, {
  BANNED_WORD: "The text contains a banned word (detail: the word).",
  SUSPECT_WORD: "The text contains a word that needs a second look (detail: the word).",
  TOO_MANY_LINKS: "The text has more links than allowed (detail: how many).",
  PREMODERATED_ARTICLE: "Every comment on this article waits for review.",
  NEW_ACCOUNT: "The author's account is too new to post without review.",
  FLAGS: "Enough readers flagged it (detail: how many).",
  MODERATOR: "A moderator decided (detail: their note).",
});

export const CommentOrderEnum = builder.enumType("CommentOrder", {
  description: "How to order a list of comments.",
  values: {
    NEWEST: { description: "Newest first." },
    OLDEST: { description: "Oldest first." },
    MOST_REPLIES: { description: "Most direct replies first, then newest." },
    MOST_REACTIONS: { description: "Most reactions first, then newest." },
  } as const,
});

export function commentOrderBy(order: "NEWEST" | "OLDEST" | "MOST_REPLIES" | "MOST_REACTIONS" | null | undefined) {
  switch (order) {
    case "OLDEST":
      return [{ seq: "asc" as const }];
    case "MOST_REPLIES":
      return [{ replies: { _count: "desc" as const } }, { seq: "desc" as const }];
    case "MOST_REACTIONS":
      return [{ reactionCount: "desc" as const }, { seq: "desc" as const }];
    default:
      return [{ seq: "desc" as const }];
  }
}

const ReactionCountRef = builder.objectRef<{ kind: ReactionKind; count: number }>("ReactionCount").implement({
  description: "How many reactions of one kind a comment has.",
  fields: (t) => ({
    kind: t.field({ type: ReactionKindEnum, description: "The kind of reaction.", resolve: (r) => r.kind }),
    count: t.int({ description: "How many.", resolve: (r) => r.count }),
  }),
});

builder.prismaObject("ModerationReason", {
  description: "One reason for a moderation decision.",
  fields: (t) => ({
    rule: t.expose("rule", { type: ModerationRuleEnum, description: "The rule." }),
    detail: t.exposeString("detail", {
      nullable: true,
      description: "What triggered it: the word, the count, the note.",
    }),
  }),
});

const CommentRevisionRef = builder.prismaObject("CommentRevision", {
  description: "An earlier version of an edited comment.",
  fields: (t) => ({
    body: t.exposeString("body", { description: "The text as it was." }),
    writtenAt: t.expose("writtenAt", { type: "DateTime", description: "When this version was written." }),
  }),
});

export const ModerationDecisionRef = builder.prismaObject("ModerationDecision", {
  description: "A change of a comment's status, by a rule or a moderator, with the reasons.",
  fields: (t) => ({
    status: t.expose("status", { type: CommentStatusEnum, description: "The status it gave the comment." }),
    previousStatus: t.expose("previousStatus", {
      type: CommentStatusEnum,
      nullable: true,
      description: "The status before.",
    }),
    automatic: t.boolean({
      description: "True when a rule decided, false when a person did.",
      select: { actorId: true },
      resolve: (d) => d.actorId === null,
    }),
    moderator: t.field({
      extensions: VIEWER_SPECIFIC,
      type: AccountRef,
      nullable: true,
      description: "The moderator who decided; null for a rule, and for anyone but moderators.",
      select: (_args, _ctx, nested) => ({ actor: nested(true) }),
      resolve: (d, _args, ctx) => (canModerate(ctx.viewer) ? d.actor : null),
    }),
    note: t.exposeString("note", { nullable: true, description: "The moderator's note." }),
    createdAt: t.expose("createdAt", { type: "DateTime", description: "When." }),
    reasons: t.relation("reasons", { description: "Which rules, and what triggered them." }),
  }),
});

/** Whether the viewer may see a comment's history: its author and moderators. */
const mayAudit = (comment: { authorId: string }, viewer: { id: string; role: string } | null) =>
  viewer !== null && (viewer.id === comment.authorId || canModerate(viewer as never));

export const CommentRef = builder.prismaNode("Comment", {
  // threads change all the time; every change drops them too, so this only bounds a rare miss
  extensions: maxAge(5_000),
  id: { field: "id" },
  description: "A reader's comment on an article, or a reply to another comment.",
  fields: (t) => ({
    body: t.string({
      extensions: VIEWER_FILTERED,
      nullable: true,
      description: "The text (plain text, never HTML); null once the comment is removed (except for moderators).",
      // Checked here, on the field, so no path (a stream, a parent, a replay) can hand out text the viewer may not see.
      select: { body: true, status: true, authorId: true, removedWhileVisible: true },
      resolve: (c, _args, ctx) =>
        !isCommentVisible(ctx.viewer, c) || (c.status === "REMOVED" && !canModerate(ctx.viewer)) ? null : c.body,
    }),
    removed: t.boolean({
      description: "True when the comment was deleted.",
      select: { status: true },
      resolve: (c) => c.status === "REMOVED",
    }),
    status: t.expose("status", { type: CommentStatusEnum, description: "Moderation status." }),
    depth: t.exposeInt("depth", { description: "0 for a comment on the article, 1 for a reply to it, and so on." }),
    sequence: t.exposeInt("seq", {
      description: "The comment's number within its article, in the order comments were posted.",
    }),
    createdAt: t.expose("createdAt", { type: "DateTime", description: "When it was posted." }),
    editedAt: t.expose("editedAt", { type: "DateTime", nullable: true, description: "When it was last edited." }),
    editableUntil: t.field({
      extensions: VIEWER_SPECIFIC,
      type: "DateTime",
      nullable: true,
      description: "For the author: until when the comment can still be edited; null for everyone else.",
      select: { createdAt: true, authorId: true },
      resolve: (c, _args, ctx) =>
        ctx.viewer?.id === c.authorId ? new Date(c.createdAt.getTime() + ctx.config.comments.editWindowMs) : null,
    }),
    article: t.relation("article", { description: "The article the comment is on." }),
    author: t.field({
      type: AccountRef,
      description: "Who wrote it.",
      resolve: (c, _args, ctx, info) => linkedRow(ctx, info, "Account", c.authorId),
    }),
    threadId: t.id({
      description: "The global id of the thread's top-level comment (its own id when it is top-level).",
      select: { rootId: true, id: true },
      resolve: (c) => Buffer.from(`Comment:${c.rootId ?? c.id}`, "utf8").toString("base64url"),
    }),
    replies: t.relatedConnection(
      "replies",
      {
        extensions: VIEWER_FILTERED,
        description: "Direct replies, oldest first unless ordered otherwise.",
        cursor: "id",
        totalCount: true,
        args: { orderBy: t.arg({ type: CommentOrderEnum, required: false, description: "Order (default OLDEST)." }) },
        query: (args, ctx) => ({
          where: threadCommentWhere(ctx.viewer),
          orderBy: commentOrderBy(args.orderBy ?? "OLDEST"),
        }),
      },
      CommentConnection,
    ),
    replyCount: t.relationCount("replies", {
      extensions: VIEWER_FILTERED,
      description: "How many direct replies you can read.",
      where: (_args, ctx) => countedCommentWhere(ctx.viewer),
    }),
    reactionCount: t.exposeInt("reactionCount", { description: "How many reactions of all kinds." }),
    reactions: t.field({
      type: [ReactionCountRef],
      description: "Reaction counts by kind, most frequent first.",
      resolve: (c, _args, ctx) => ctx.loaders.reactionCounts.load(c.id),
    }),
    viewerReactions: t.field({
      extensions: VIEWER_SPECIFIC,
      type: [ReactionKindEnum],
      description: "The kinds of reaction you gave this comment.",
      select: (_args, ctx) => ({ reactions: { where: { accountId: ctx.viewer?.id ?? "" }, select: { kind: true } } }),
      resolve: (c) => c.reactions.map((r) => r.kind),
    }),
    flagCount: t.int({
      extensions: VIEWER_SPECIFIC,
      nullable: true,
      description: "How many readers flagged it; moderators only (null for others).",
      select: { flagCount: true },
      resolve: (c, _args, ctx) => (canModerate(ctx.viewer) ? c.flagCount : null),
    }),
    revisions: t.field({
      extensions: VIEWER_SPECIFIC,
      type: [CommentRevisionRef],
      nullable: true,
      description: "Earlier versions, oldest first; for the author and moderators (null for others).",
      select: { authorId: true, revisions: { orderBy: { writtenAt: "asc" as const } } },
      resolve: (c, _args, ctx) => (mayAudit(c, ctx.viewer) ? c.revisions : null),
    }),
    moderation: t.field({
      extensions: VIEWER_SPECIFIC,
      type: [ModerationDecisionRef],
      nullable: true,
      description: "Why the comment has its status: every decision with its reasons; for the author and moderators.",
      select: (_args, _ctx, nested) => ({
        authorId: true,
        decisions: nested({ orderBy: [{ createdAt: "asc" as const }, { id: "asc" as const }] }),
      }),
      resolve: (c, _args, ctx) => (mayAudit(c, ctx.viewer) ? c.decisions : null),
    }),
  }),
});

export const CommentConnection = namedConnection(CommentRef, "Comment", "comments");

// Added after CommentRef exists: a field of Comment that returns a Comment would make its type circular.
builder.prismaObjectField("Comment", "parent", (t) =>
  t.field({
    extensions: VIEWER_FILTERED,
    type: CommentRef,
    nullable: true,
    description: "The comment this one replies to; null when it is top-level or you may not see the parent.",
    select: (_args, _ctx, nested) => ({ parent: nested(true) }),
    resolve: (c, _args, ctx) => (c.parent && isCommentVisible(ctx.viewer, c.parent) ? c.parent : null),
  }),
);

export const CommentEventRef = builder.prismaObject("CommentEvent", {
  description: "One change to a comment in a live stream. Pass its cursor as `after` to resume after it.",
  fields: (t) => ({
    kind: t.expose("kind", { type: CommentEventKindEnum, description: "What happened." }),
    cursor: t.string({
      description: "Where this event sits in the article's stream: resume with `after: cursor`.",
      select: { articleId: true, seq: true },
      resolve: (e) => encodeEventCursor(e.articleId, e.seq),
    }),
    sequence: t.exposeInt("seq", { description: "The event's number in the article's stream (strictly increasing)." }),
    createdAt: t.expose("createdAt", { type: "DateTime", description: "When it happened." }),
    comment: t.relation("comment", { description: "The comment as it is now." }),
  }),
});

builder.prismaObjectFields("Article", (t) => ({
  comments: t.relatedConnection(
    "comments",
    {
      extensions: VIEWER_FILTERED,
      description: "Top-level comments (newest first by default); replies are under each comment's `replies`.",
      cursor: "id",
      totalCount: true,
      args: { orderBy: t.arg({ type: CommentOrderEnum, required: false, description: "Order (default NEWEST)." }) },
      query: (args, ctx) => ({
        where: { parentId: null, ...threadCommentWhere(ctx.viewer) },
        orderBy: commentOrderBy(args.orderBy),
      }),
    },
    CommentConnection,
  ),
  commentStreamCursor: t.string({
    description:
      "The cursor of the latest event in this article's comment stream. Read it before the thread, then subscribe with `after:` it: nothing that happens after the read is missed (what the thread already shows may come again; go by comment id).",
    select: { id: true, lastEventSeq: true },
    resolve: (a) => encodeEventCursor(a.id, a.lastEventSeq),
  }),
  commentCount: t.int({
    extensions: VIEWER_FILTERED,
    description: "How many comments (replies included) you can read on the article.",
    // What the public sees is counted by triggers into a column: no count at all. Signed-in readers also see their
    // own held comments, and moderators more: theirs are counted, for every article of the answer in one statement
    // (a second _count of `comments` beside `comments.totalCount` would load each article row again).
    select: { id: true, visibleCommentCount: true },
    resolve: (a, _args, ctx) => (ctx.viewer ? ctx.loaders.commentCounts.load(a.id) : a.visibleCommentCount),
  }),
}));
