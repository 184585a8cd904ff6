// Comment queries, mutations and subscriptions; each resolver hands over to a service.
import { retryWhileUnavailable } from "../../platform/retry.js";
import { queryKey } from "../../platform/shared-reads.js";
import { builder } from "../../builder.js";
import type { Context } from "../../context.js";
import { ForbiddenError, NotFoundError } from "../../errors.js";
import { decodeGlobalIdOf } from "../../global-id.js";
import { canSeeEvent, decodeEventCursor, eagerReturn, openCommentEventStream } from "../../services/comments/events.js";
import type { CommentEventMessage } from "../../services/comments/event-message.js";
import { deleteComment, editComment, postComment } from "../../services/comments/comments.js";
import {
  approveComment,
  flagComment,
  moderationQueueWhere,
  rejectComment,
} from "../../services/comments/moderation.js";
import { reactToComment, removeReaction } from "../../services/comments/reactions.js";
import { canModerate, isArticleOpenable, singleCommentWhere } from "../../services/shared/visibility.js";
import { CommentStatusEnum } from "../common.js";
import { CommentConnection, CommentEventRef, FlagReasonEnum, ReactionKindEnum } from "./types.js";

builder.queryFields((t) => ({
  comment: t.prismaField({
    type: "Comment",
    nullable: true,
    description: "One comment by global id; null when it does not exist or you may not see it.",
    args: { id: t.arg.id({ required: true, description: "The comment's global id." }) },
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.comment.findFirst({
        ...query,
        where: { id: decodeGlobalIdOf(args.id, "Comment"), ...singleCommentWhere(ctx.viewer) },
      }),
  }),
  moderationQueue: t.prismaConnection(
    {
      type: "Comment",
      cursor: "id",
      description:
        "Moderators only: comments with a status (PENDING by default), oldest first, optionally on one article.",
      args: {
        status: t.arg({ type: CommentStatusEnum, required: false, description: "Which status (default PENDING)." }),
        articleId: t.arg.id({ required: false, description: "Only comments on this article." }),
      },
      totalCount: (_root, args, ctx) => ctx.prisma.comment.count({ where: moderationQueueWhere(ctx, args) }),
      resolve: (query, _root, args, ctx) =>
        ctx.prisma.comment.findMany({
          ...query,
          where: moderationQueueWhere(ctx, args),
          orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        }),
    },
    CommentConnection,
  ),
}));

const PostCommentInput = builder.inputType("PostCommentInput", {
  description: "A new comment.",
  fields: (t) => ({
    articleId: t.id({ required: true, description: "The article to comment on." }),
    body: t.string({
      required: true,
      description: "Plain text, 1–5,000 characters after trimming; markup is stripped.",
    }),
    parentId: t.id({
      required: false,
      description: "The comment to reply to (a visible comment on the same article).",
    }),
    clientMutationId: t.string({
      required: false,
      description: "Your id for this post (1–100 characters). Retrying with the same id returns the first comment.",
    }),
  }),
});

const EditCommentInput = builder.inputType("EditCommentInput", {
  description: "New text for your comment.",
  fields: (t) => ({
    id: t.id({ required: true, description: "The comment." }),
    body: t.string({ required: true, description: "The new text (same rules as a new comment)." }),
  }),
});

builder.mutationFields((t) => ({
  postComment: t.prismaField({
    type: "Comment",
    description: "Posts a comment as the signed-in account. Rules or a premoderated article may hold it as PENDING.",
    args: { input: t.arg({ type: PostCommentInput, required: true, description: "The comment to post." }) },
    resolve: async (query, _root, { input }, ctx) => reload(ctx, query, (await postComment(ctx, input)).id),
  }),
  editComment: t.prismaField({
    type: "Comment",
    description: "Changes the text of your comment within the edit window; the earlier version is kept.",
    args: { input: t.arg({ type: EditCommentInput, required: true, description: "The comment and its new text." }) },
    resolve: async (query, _root, { input }, ctx) => reload(ctx, query, (await editComment(ctx, input)).id),
  }),
  deleteComment: t.prismaField({
    type: "Comment",
    description: "Deletes your comment (moderators: any comment). It stays in its thread, shown as removed.",
    args: { id: t.arg.id({ required: true, description: "The comment." }) },
    resolve: async (query, _root, args, ctx) => reload(ctx, query, (await deleteComment(ctx, args.id)).id),
  }),
  reactToComment: t.prismaField({
    type: "Comment",
    description: "Adds your reaction of a kind to a visible comment (once per kind; again changes nothing).",
    args: {
      commentId: t.arg.id({ required: true, description: "The comment." }),
      kind: t.arg({ type: ReactionKindEnum, required: true, description: "The reaction." }),
    },
    resolve: async (query, _root, args, ctx) =>
      reload(ctx, query, (await reactToComment(ctx, args.commentId, args.kind)).id),
  }),
  removeReaction: t.prismaField({
    type: "Comment",
    description: "Takes back your reaction of a kind.",
    args: {
      commentId: t.arg.id({ required: true, description: "The comment." }),
      kind: t.arg({ type: ReactionKindEnum, required: true, description: "The reaction." }),
    },
    resolve: async (query, _root, args, ctx) =>
      reload(ctx, query, (await removeReaction(ctx, args.commentId, args.kind)).id),
  }),
  flagComment: t.prismaField({
    type: "Comment",
    description: "Reports a comment to the moderators. Enough flags hold it for review.",
    args: {
      id: t.arg.id({ required: true, description: "The comment." }),
      reason: t.arg({ type: FlagReasonEnum, required: true, description: "What is wrong with it." }),
      text: t.arg.string({ required: false, description: "More about it (needed for OTHER; at most 500 characters)." }),
    },
    resolve: async (query, _root, args, ctx) =>
      reload(ctx, query, (await flagComment(ctx, args.id, args.reason, args.text)).id),
  }),
  approveComment: t.prismaField({
    type: "Comment",
    description: "Moderators only: makes a pending or rejected comment visible.",
    args: {
      id: t.arg.id({ required: true, description: "The comment." }),
      note: t.arg.string({ required: false, description: "A note for the record." }),
    },
    resolve: async (query, _root, args, ctx) => reload(ctx, query, (await approveComment(ctx, args.id, args.note)).id),
  }),
  rejectComment: t.prismaField({
    type: "Comment",
    description: "Moderators only: rejects a comment, with the reason the author will see.",
    args: {
      id: t.arg.id({ required: true, description: "The comment." }),
      reason: t.arg.string({ required: true, description: "Why (1–500 characters)." }),
    },
    resolve: async (query, _root, args, ctx) => reload(ctx, query, (await rejectComment(ctx, args.id, args.reason)).id),
  }),
}));

/** Reads the written comment back with the selection the client asked for. */
function reload(ctx: Context, query: object, id: string) {
  return ctx.prisma.comment.findUniqueOrThrow({ ...query, where: { id } });
}

async function articleStream(
  ctx: Context,
  args: { articleId: string; after?: string | null; threadId?: string | null },
  accept?: (event: CommentEventMessage) => boolean,
) {
  const articleId = decodeGlobalIdOf(args.articleId, "Article", "articleId");
  const article = await ctx.prisma.article.findUnique({ where: { id: articleId }, select: { status: true, embargoedUntil: true } });
  if (!article || !isArticleOpenable(ctx.viewer, article)) throw new NotFoundError("Article", args.articleId);
  const afterSeq = args.after ? decodeEventCursor(args.after, articleId) : undefined;
  let threadId: string | null = null;
  if (args.threadId) {
    const comment = await ctx.prisma.comment.findUnique({
      where: { id: decodeGlobalIdOf(args.threadId, "Comment", "threadId") },
      select: { id: true, rootId: true, articleId: true },
    });
    if (!comment || comment.articleId !== articleId) throw new NotFoundError("Comment", args.threadId);
    threadId = comment.rootId ?? comment.id;
  }
  return openCommentEventStream(ctx, { articleId, afterSeq, threadId, accept });
}

/** For the simple feed, a comment is new to a viewer when it is posted, or when a moderator approves a comment the
 * viewer could not see while it was held. */
function isNewToViewer(ctx: Context, event: CommentEventMessage): boolean {
  if (event.kind === "ADDED") return true;
  if (event.kind !== "STATUS_CHANGED" || event.status !== "VISIBLE" || !event.previousStatus) return false;
  return !canSeeEvent(ctx.viewer, { authorId: event.authorId, status: event.previousStatus, previousStatus: null });
}

/** Pub/sub messages carry ISO dates; the GraphQL types read Date. */
const asRow = (event: CommentEventMessage) => ({
  ...event,
  createdAt: new Date(event.createdAt),
  updatedAt: new Date(event.createdAt),
});

/**
 * An event with what the subscriber selected of it. The event's own fields come from the message; the rest (the
 * comment and its author, usually) is read once for all the subscribers the event reaches at once (shared-reads.ts).
 */
async function eventRow(ctx: Context, query: { include?: object; select?: object }, event: CommentEventMessage) {
  if (!query.include && !query.select) return asRow(event);
  return ctx.sharedReads.read(event, `commentEvent:${queryKey(query)}`, () =>
    retryWhileUnavailable(
      () => ctx.prisma.commentEvent.findUniqueOrThrow({ ...query, where: { id: event.id } }),
      ctx.shutdown,
    ),
  );
}

builder.subscriptionFields((t) => ({
  commentEvents: t.prismaField({
    type: CommentEventRef,
    description:
      "Every change to an article's comments that you may see. With `after` (an event's cursor) the events since then are replayed first, with no gap and no duplicate.",
    args: {
      articleId: t.arg.id({ required: true, description: "The article to follow." }),
      threadId: t.arg.id({ required: false, description: "Only one thread: any comment id in it." }),
      after: t.arg.string({ required: false, description: "Resume after this event cursor." }),
    },
    subscribe: (_root, args, ctx) => articleStream(ctx, args),
    resolve: (query, event, _args, ctx) => eventRow(ctx, query, event as unknown as CommentEventMessage),
  }),
  commentAdded: t.prismaField({
    type: "Comment",
    description:
      "The simple feed: every new comment on an article that you may see. `after` resumes like commentEvents.",
    args: {
      articleId: t.arg.id({ required: true, description: "The article to follow." }),
      after: t.arg.string({ required: false, description: "Resume after this event cursor." }),
    },
    subscribe: (_root, args, ctx) => articleStream(ctx, args, (event) => isNewToViewer(ctx, event)),
    resolve: (query, event, _args, ctx) => {
      const { commentId } = event as unknown as CommentEventMessage;
      return ctx.sharedReads.read(event, `commentAdded:${queryKey(query)}`, () =>
        retryWhileUnavailable(
          () => ctx.prisma.comment.findUniqueOrThrow({ ...query, where: { id: commentId } }),
          ctx.shutdown,
        ),
      );
    },
  }),
  moderationEvents: t.prismaField({
    type: CommentEventRef,
    description: "Moderators only: every change to any comment, as it happens, for the moderation queue.",
    subscribe: (_root, _args, ctx) => {
      if (!canModerate(ctx.viewer)) throw new ForbiddenError("Only moderators may follow the moderation stream");
      return moderatorStream(ctx);
    },
    resolve: (query, event, _args, ctx) => eventRow(ctx, query, event as unknown as CommentEventMessage),
  }),
}));

function moderatorStream(ctx: Context): AsyncIterableIterator<CommentEventMessage> {
  const iterator = ctx.pubsub.subscribe("moderation:event", "all");
  async function* events(): AsyncGenerator<CommentEventMessage> {
    try {
      for (;;) {
        const { value, done } = await iterator.next();
        if (done) return;
        if (canSeeEvent(ctx.viewer, value)) yield value;
      }
    } finally {
      await iterator.return?.();
    }
  }
  return eagerReturn(ctx, events(), async () => iterator.return?.());
}
