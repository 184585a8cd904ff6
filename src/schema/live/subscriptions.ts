// liveBlogEvents: a live blog's changes as they happen, over graphql-ws and SSE, resumable after a cursor.
import { builder } from "../../builder.js";
import type { Context } from "../../context.js";
import { NotFoundError } from "../../errors.js";
import { decodeGlobalIdOf } from "../../global-id.js";
import { retryWhileUnavailable } from "../../platform/retry.js";
import { queryKey } from "../../platform/shared-reads.js";
import type { LiveBlogEventMessage } from "../../services/live/event-message.js";
import { decodeLiveEventCursor, openLiveBlogEventStream } from "../../services/live/events.js";
import { isArticleOpenable } from "../../services/shared/visibility.js";
import { LiveBlogEventRef } from "./types.js";

async function liveBlogStream(ctx: Context, args: { articleId: string; after?: string | null }) {
  const articleId = decodeGlobalIdOf(args.articleId, "Article", "articleId");
  const article = await ctx.prisma.article.findUnique({
    where: { id: articleId },
    select: { status: true, liveBlog: { select: { articleId: true } } },
  });
  if (!article || !isArticleOpenable(ctx.viewer, article) || !article.liveBlog)
    throw new NotFoundError("LiveBlog", args.articleId);
  const afterSeq = args.after ? decodeLiveEventCursor(args.after, articleId) : undefined;
  return openLiveBlogEventStream(ctx, articleId, afterSeq);
}

/** The event with what the subscriber selected of it, read once for every subscriber the event reaches at once. */
function eventRow(ctx: Context, query: { include?: object; select?: object }, event: LiveBlogEventMessage) {
  if (!query.include && !query.select) {
    const at = new Date(event.createdAt);
    return { ...event, createdAt: at, updatedAt: at };
  }
  return ctx.sharedReads.read(event, `liveBlogEvent:${queryKey(query)}`, () =>
    retryWhileUnavailable(
      () => ctx.prisma.liveBlogEvent.findUniqueOrThrow({ ...query, where: { id: event.id } }),
      ctx.shutdown,
    ),
  );
}

builder.subscriptionField("liveBlogEvents", (t) =>
  t.prismaField({
    type: LiveBlogEventRef,
    description:
      "Every change to a live blog as it happens: updates posted, edited, corrected, marked, pinned and withdrawn, and the coverage window. With `after` (an event's cursor, or LiveBlog.eventCursor) the events since then are replayed first, with no gap and no duplicate.",
    args: {
      articleId: t.arg.id({ required: true, description: "The live blog's article." }),
      after: t.arg.string({ required: false, description: "Resume after this event cursor." }),
    },
    subscribe: (_root, args, ctx) => liveBlogStream(ctx, args),
    resolve: (query, event, _args, ctx) => eventRow(ctx, query, event as unknown as LiveBlogEventMessage),
  }),
);
