// Moderation queries: the queues, their counts, and a commenter's own data.
import { builder } from "../../builder.js";
import { exportAccountData } from "../../services/moderation/account-data.js";
import { queueCounts, queueOrderBy, queueWhere, type QueueFilter } from "../../services/moderation/queue.js";
import { CommentConnection } from "../comment/types.js";
import { VIEWER_SPECIFIC } from "../shared/cache-facts.js";
import { ModerationOrderEnum, ModerationQueueEnum, QueueCountsRef } from "./types.js";

builder.queryFields((t) => {
  const filterArgs = {
    section: t.arg.string({ required: false, description: "Only comments on articles of this section (its slug)." }),
    articleId: t.arg.id({ required: false, description: "Only comments on this article (story)." }),
    authorId: t.arg.id({ required: false, description: "Only comments by this account (commenter)." }),
  };
  return {
    moderationItems: t.prismaConnection(
      {
        type: "Comment",
        cursor: "id",
        description: "Moderators only: the comments in one moderation queue, narrowed and ordered as asked.",
        args: {
          queue: t.arg({ type: ModerationQueueEnum, required: true, description: "Which queue." }),
          order: t.arg({ type: ModerationOrderEnum, required: false, description: "Order (default OLDEST)." }),
          ...filterArgs,
        },
        totalCount: (_root, args, ctx) =>
          ctx.prisma.comment.count({ where: queueWhere(ctx, args.queue, args as QueueFilter) }),
        resolve: (query, _root, args, ctx) =>
          ctx.prisma.comment.findMany({
            ...query,
            where: queueWhere(ctx, args.queue, args as QueueFilter),
            orderBy: queueOrderBy(args.order),
          }),
        extensions: VIEWER_SPECIFIC,
      },
      CommentConnection,
    ),
    moderationCounts: t.field({
      type: QueueCountsRef,
      description: "Moderators only: how many comments each queue holds, narrowed like moderationItems.",
      args: filterArgs,
      resolve: (_root, args, ctx) => queueCounts(ctx, args as QueueFilter),
      extensions: VIEWER_SPECIFIC,
    }),
    accountData: t.field({
      type: "JSONObject",
      description:
        "Everything Lede holds about an account (its comments with earlier versions, reactions, flags, moderation record), as one JSON document to download. Your own without `id`; moderators and administrators may ask for a reader's.",
      args: { id: t.arg.id({ required: false, description: "The account (default: yours)." }) },
      resolve: (_root, args, ctx) => exportAccountData(ctx, args.id),
      extensions: VIEWER_SPECIFIC,
    }),
  };
});
