// Comment queries: one comment by id, and the moderators' queue.
import { builder } from "../../builder.js";
import { VIEWER_FILTERED, VIEWER_SPECIFIC } from "../shared/cache-facts.js";
import { decodeGlobalIdOf } from "../../global-id.js";
import { moderationQueueWhere } from "../../services/comments/moderation.js";
import { singleCommentWhere } from "../../services/shared/visibility.js";
import { CommentStatusEnum } from "../shared/enums.js";
import { CommentConnection } from "./types.js";

builder.queryFields((t) => ({
  comment: t.prismaField({
    extensions: VIEWER_FILTERED,
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
      extensions: VIEWER_SPECIFIC,
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
