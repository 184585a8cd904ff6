// Comments: threads under articles, posting, and the live feed of new comments.
import { builder } from "../../builder.js";
import { decodeGlobalIdOf } from "../../global-id.js";
import { postComment } from "../../services/comments.js";
import { isCommentVisible, visibleCommentWhere } from "../../services/visibility.js";
import { CommentStatusEnum } from "../common.js";
import { namedConnection } from "../connections.js";
import { pipe, filter } from "graphql-yoga";
import type { CommentAddedEvent } from "../../pubsub.js";

export const CommentRef = builder.prismaNode("Comment", {
  id: { field: "id" },
  description: "A reader's comment on an article, or a reply to another comment.",
  fields: (t) => ({
    body: t.exposeString("body", { description: "The comment's text (plain text; never HTML)." }),
    status: t.expose("status", { type: CommentStatusEnum, description: "Moderation status." }),
    depth: t.exposeInt("depth", { description: "0 for a comment on the article, 1 for a reply to it, and so on." }),
    sequence: t.exposeInt("seq", {
      description: "The comment's number within its article: strictly increasing in the order comments were posted.",
    }),
    createdAt: t.expose("createdAt", { type: "DateTime", description: "When it was posted." }),
    editedAt: t.expose("editedAt", { type: "DateTime", nullable: true, description: "When it was last edited." }),
    article: t.relation("article", { description: "The article the comment is on." }),
    author: t.relation("author", { description: "Who wrote it." }),
    parent: t.relation("parent", { nullable: true, description: "The comment this one replies to." }),
    replies: t.relatedConnection("replies", {
      description: "Direct replies, oldest first.",
      cursor: "id",
      totalCount: true,
      query: (_args, ctx) => ({ where: visibleCommentWhere(ctx.viewer), orderBy: [{ seq: "asc" }] }),
    }, CommentConnection),
    replyCount: t.relationCount("replies", {
      description: "How many direct replies you can see.",
      where: (_args, ctx) => visibleCommentWhere(ctx.viewer),
    }),
  }),
});

export const CommentConnection = namedConnection(CommentRef, "Comment", "comments");

builder.prismaObjectFields("Article", (t) => ({
  comments: t.relatedConnection("comments", {
    description: "Top-level comments, newest first; replies are under each comment's `replies`.",
    cursor: "id",
    totalCount: true,
    query: (_args, ctx) => ({
      where: { parentId: null, ...visibleCommentWhere(ctx.viewer) },
      orderBy: [{ seq: "desc" }],
    }),
  }, CommentConnection),
  commentCount: t.relationCount("comments", {
    description: "How many comments (replies included) you can see on the article.",
    where: (_args, ctx) => visibleCommentWhere(ctx.viewer),
  }),
}));

builder.queryField("comment", (t) =>
  t.prismaField({
    type: "Comment",
    nullable: true,
    description: "One comment by global id; null when it does not exist or you may not see it.",
    args: { id: t.arg.id({ required: true, description: "The comment's global id." }) },
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.comment.findFirst({
        ...query,
        where: { id: decodeGlobalIdOf(args.id, "Comment"), ...visibleCommentWhere(ctx.viewer) },
      }),
  }),
);

const PostCommentInput = builder.inputType("PostCommentInput", {
  description: "A new comment.",
  fields: (t) => ({
    articleId: t.id({ required: true, description: "The article to comment on." }),
    body: t.string({ required: true, description: "Plain text, 1–5,000 characters after trimming." }),
    parentId: t.id({ required: false, description: "The comment to reply to (on the same article)." }),
  }),
});

builder.mutationField("postComment", (t) =>
  t.prismaField({
    type: "Comment",
    description: "Posts a comment as the signed-in account. Premoderated articles hold it as PENDING.",
    args: { input: t.arg({ type: PostCommentInput, required: true, description: "The comment to post." }) },
    resolve: async (query, _root, { input }, ctx) => {
      const comment = await postComment(ctx, input);
      return ctx.prisma.comment.findUniqueOrThrow({ ...query, where: { id: comment.id } });
    },
  }),
);

builder.subscriptionField("commentAdded", (t) =>
  t.prismaField({
    type: "Comment",
    description: "Every new comment on an article that you may see, as it is posted.",
    args: { articleId: t.arg.id({ required: true, description: "The article to follow." }) },
    subscribe: (_root, args, ctx) => {
      const articleId = decodeGlobalIdOf(args.articleId, "Article", "articleId");
      return pipe(
        ctx.pubsub.subscribe("comment:added", articleId),
        filter((event: CommentAddedEvent) => isCommentVisible(ctx.viewer, event)),
      );
    },
    resolve: (query, event, _args, ctx) =>
      ctx.prisma.comment.findUniqueOrThrow({ ...query, where: { id: (event as unknown as CommentAddedEvent).commentId } }),
  }),
);
