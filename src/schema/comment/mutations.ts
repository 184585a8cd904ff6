// Comment mutations: posting, editing, deleting, reactions, flags and moderation; each hands over to a service.
import { builder } from "../../builder.js";
import { INVALIDATED_BY_COMMENT_EVENTS } from "../shared/cache-facts.js";
import type { Context } from "../../context.js";
import { deleteComment, editComment, postComment } from "../../services/comments/comments.js";
import { approveComment, flagComment, rejectComment } from "../../services/comments/moderation.js";
import { reactToComment, removeReaction } from "../../services/comments/reactions.js";
import { FlagReasonEnum, ReactionKindEnum } from "./types.js";

/** Reads the written comment back with the selection the client asked for. */
function reload(ctx: Context, query: object, id: string) {
  return ctx.prisma.comment.findUniqueOrThrow({ ...query, where: { id } });
}

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
    extensions: INVALIDATED_BY_COMMENT_EVENTS,
    type: "Comment",
    description: "Posts a comment as the signed-in account. Rules or a premoderated article may hold it as PENDING.",
    args: { input: t.arg({ type: PostCommentInput, required: true, description: "The comment to post." }) },
    resolve: async (query, _root, { input }, ctx) => reload(ctx, query, (await postComment(ctx, input)).id),
  }),
  editComment: t.prismaField({
    extensions: INVALIDATED_BY_COMMENT_EVENTS,
    type: "Comment",
    description: "Changes the text of your comment within the edit window; the earlier version is kept.",
    args: { input: t.arg({ type: EditCommentInput, required: true, description: "The comment and its new text." }) },
    resolve: async (query, _root, { input }, ctx) => reload(ctx, query, (await editComment(ctx, input)).id),
  }),
  deleteComment: t.prismaField({
    extensions: INVALIDATED_BY_COMMENT_EVENTS,
    type: "Comment",
    description: "Deletes your comment (moderators: any comment). It stays in its thread, shown as removed.",
    args: { id: t.arg.id({ required: true, description: "The comment." }) },
    resolve: async (query, _root, args, ctx) => reload(ctx, query, (await deleteComment(ctx, args.id)).id),
  }),
  reactToComment: t.prismaField({
    extensions: INVALIDATED_BY_COMMENT_EVENTS,
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
    extensions: INVALIDATED_BY_COMMENT_EVENTS,
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
    extensions: INVALIDATED_BY_COMMENT_EVENTS,
    type: "Comment",
    description:
      "Reports a comment to the moderators, once per reader (again changes nothing). Enough flags hold it for review. A comment already held for review or rejected takes the flag too (a reader may have seen it before); its text stays hidden from the reader.",
    args: {
      id: t.arg.id({ required: true, description: "The comment." }),
      reason: t.arg({ type: FlagReasonEnum, required: true, description: "What is wrong with it." }),
      text: t.arg.string({ required: false, description: "More about it (needed for OTHER; at most 500 characters)." }),
    },
    resolve: async (query, _root, args, ctx) =>
      reload(ctx, query, (await flagComment(ctx, args.id, args.reason, args.text)).id),
  }),
  approveComment: t.prismaField({
    extensions: INVALIDATED_BY_COMMENT_EVENTS,
    type: "Comment",
    description: "Moderators only: makes a pending or rejected comment visible.",
    args: {
      id: t.arg.id({ required: true, description: "The comment." }),
      note: t.arg.string({ required: false, description: "A note for the record." }),
    },
    resolve: async (query, _root, args, ctx) => reload(ctx, query, (await approveComment(ctx, args.id, args.note)).id),
  }),
  rejectComment: t.prismaField({
    extensions: INVALIDATED_BY_COMMENT_EVENTS,
    type: "Comment",
    description: "Moderators only: rejects a comment, with the reason the author will see.",
    args: {
      id: t.arg.id({ required: true, description: "The comment." }),
      reason: t.arg.string({ required: true, description: "Why (1–500 characters)." }),
    },
    resolve: async (query, _root, args, ctx) => reload(ctx, query, (await rejectComment(ctx, args.id, args.reason)).id),
  }),
}));
