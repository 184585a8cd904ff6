// Comment subscriptions: an article's live comment events, new comments, and the moderators' stream.
import { retryWhileUnavailable } from "../../platform/retry.js";
import { queryKey } from "../../platform/shared-reads.js";
import { builder } from "../../builder.js";
import type { Context } from "../../context.js";
import { ForbiddenError, NotFoundError } from "../../errors.js";
import { decodeGlobalIdOf } from "../../global-id.js";
import { canSeeEvent, decodeEventCursor, openCommentEventStream } from "../../services/comments/events.js";
import { eagerReturn } from "../../services/shared/event-stream.js";
import type { CommentEventMessage } from "../../services/comments/event-message.js";
import { canModerate, isArticleOpenable } from "../../services/shared/visibility.js";
import { CommentEventRef } from "./types.js";

async function articleStream(
  ctx: Context,
  args: { articleId: string; after?: string | null; threadId?: string | null },
  accept?: (event: CommentEventMessage) => boolean,
) {
  const articleId = decodeGlobalIdOf(args.articleId, "Article", "articleId");
  const article = await ctx.prisma.article.findUnique({
    where: { id: articleId },
    select: { status: true, embargoedUntil: true },
  });
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
