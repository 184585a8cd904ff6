// Reading a draft through a preview link, and comparing two revisions.
import { builder } from "../../builder.js";
import { VIEWER_SPECIFIC } from "../shared/cache-facts.js";
import { articleForPreview } from "../../services/revisions/previews.js";
import { diffRevisions } from "../../services/revisions/revisions.js";
import { RevisionDiffRef } from "./types.js";

builder.queryFields((t) => ({
  articlePreview: t.prismaField({
    type: "Article",
    nullable: true,
    description:
      "The article a preview token was made for, in whatever status it is (a front end's preview route calls this " +
      "with the token from its link; no other token is needed). Null for an unknown, expired or revoked token.",
    extensions: VIEWER_SPECIFIC,
    args: { token: t.arg.string({ required: true, description: "The token from createPreviewToken." }) },
    resolve: async (query, _root, args, ctx) => {
      const article = await articleForPreview(ctx, args.token);
      return article ? ctx.prisma.article.findUnique({ ...query, where: { id: article.id } }) : null;
    },
  }),
  revisionDiff: t.field({
    type: RevisionDiffRef,
    description: "Editors: what changed between two revisions of one article, by field and by body block.",
    extensions: VIEWER_SPECIFIC,
    args: {
      from: t.arg.id({ required: true, description: "The older revision." }),
      to: t.arg.id({ required: true, description: "The newer revision." }),
    },
    resolve: (_root, args, ctx) => diffRevisions(ctx, args.from, args.to),
  }),
}));
