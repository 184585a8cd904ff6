// Editors schedule publication and withdrawal, hold articles under embargo, make and revoke preview links, and
// restore earlier revisions.
import { builder } from "../../builder.js";
// Scheduling and preview links change no public answer (the scheduler drops the cache when a job changes an
// article); an embargo and a restored revision change the article, so they drop the whole cache.
import { INVALIDATED_BY_COMMENT_EVENTS, PURGES_CACHE } from "../shared/cache-facts.js";
import { cancelScheduledJob, embargoArticle, scheduleArticle } from "../../services/scheduling/jobs.js";
import { createPreviewToken, revokePreviewToken } from "../../services/revisions/previews.js";
import { restoreRevision } from "../../services/revisions/revisions.js";
import { NewPreviewRef, ScheduledJobRef } from "./types.js";

const ScheduleActionEnum = builder.enumType("ScheduleArticleAction", {
  description: "What to schedule.",
  values: {
    PUBLISH: { description: "Publication." },
    WITHDRAW: { description: "Withdrawal (give a reason)." },
  } as const,
});

builder.mutationFields((t) => ({
  scheduleArticle: t.field({
    extensions: INVALIDATED_BY_COMMENT_EVENTS,
    type: ScheduledJobRef,
    description: "Editors: publishes or withdraws an article at a future time.",
    args: {
      articleId: t.arg.id({ required: true, description: "The article." }),
      action: t.arg({ type: ScheduleActionEnum, required: true, description: "What to do." }),
      at: t.arg({ type: "DateTime", required: true, description: "When (in the future)." }),
      reason: t.arg.string({ required: false, description: "For a withdrawal: why (shown to readers)." }),
    },
    resolve: (_root, args, ctx) => scheduleArticle(ctx, args),
  }),
  cancelScheduledChange: t.field({
    extensions: INVALIDATED_BY_COMMENT_EVENTS,
    type: ScheduledJobRef,
    description: "Editors: cancels a scheduled change that has not run yet.",
    args: { id: t.arg.id({ required: true, description: "The scheduled change." }) },
    resolve: (_root, args, ctx) => cancelScheduledJob(ctx, args.id),
  }),
  embargoArticle: t.prismaField({
    extensions: PURGES_CACHE,
    type: "Article",
    description:
      "Editors: holds an article from every public read, list, search, feed and count until a time (null lifts the " +
      "embargo now); the scheduler lifts it when the time comes.",
    args: {
      id: t.arg.id({ required: true, description: "The article." }),
      version: t.arg.int({ required: true, description: "The version you saw (a stale one is a CONFLICT)." }),
      until: t.arg({ type: "DateTime", required: false, description: "Until when; null or left out lifts it." }),
    },
    resolve: async (query, _root, args, ctx) => {
      const article = await embargoArticle(ctx, args.id, args.version, args.until ?? null);
      return ctx.prisma.article.findUniqueOrThrow({ ...query, where: { id: article.id } });
    },
  }),
  createPreviewToken: t.field({
    extensions: INVALIDATED_BY_COMMENT_EVENTS,
    type: NewPreviewRef,
    description: "Editors: a read-only link token for one article (a draft, usually), expiring and revocable.",
    args: {
      articleId: t.arg.id({ required: true, description: "The article." }),
      expiresInHours: t.arg.int({ required: false, defaultValue: 48, description: "How long it works (1–720 h)." }),
    },
    resolve: (_root, args, ctx) => createPreviewToken(ctx, args.articleId, args.expiresInHours ?? 48),
  }),
  revokePreviewToken: t.boolean({
    extensions: INVALIDATED_BY_COMMENT_EVENTS,
    description: "Editors: stops a preview token from working; returns true.",
    args: { id: t.arg.id({ required: true, description: "The token's id (PreviewToken.id)." }) },
    resolve: async (_root, args, ctx) => Boolean(await revokePreviewToken(ctx, args.id)),
  }),
  restoreRevision: t.prismaField({
    extensions: PURGES_CACHE,
    type: "Article",
    description: "Editors: saves an earlier revision's fields and body as the article's next version.",
    args: {
      revisionId: t.arg.id({ required: true, description: "The revision to restore." }),
      version: t.arg.int({ required: true, description: "The article's version you saw (a stale one is a CONFLICT)." }),
    },
    resolve: async (query, _root, args, ctx) => {
      const article = await restoreRevision(ctx, args.revisionId, args.version);
      return ctx.prisma.article.findUniqueOrThrow({ ...query, where: { id: article.id } });
    },
  }),
}));
