// Publishing on time, previews and revisions: the types, and the fields they add to Article.
import { builder } from "../../builder.js";
import { VIEWER_SPECIFIC } from "../shared/cache-facts.js";
import { ScheduledAction } from "../../generated/prisma/enums.js";
import type { BlockChange, FieldChange, RevisionDiff } from "../../services/revisions/revisions.js";
import type { NewPreview } from "../../services/revisions/previews.js";
import { snapshotOf } from "../../services/revisions/revisions.js";
import { canSeeUnpublished } from "../../services/shared/visibility.js";
import { addActingAccountField } from "../account/types.js";
import { BlockKindEnum, describedEnum } from "../shared/enums.js";

export const ScheduledActionEnum = describedEnum("ScheduledAction", "What a scheduled change does.", ScheduledAction, {
  PUBLISH: "Publishes the article.",
  WITHDRAW: "Withdraws the article, with the reason shown to readers.",
  LIFT_EMBARGO: "Ends the article's embargo: readers see it from then on.",
});

export const ScheduledJobRef = builder.prismaNode("ScheduledJob", {
  id: { field: "id" },
  description: "A change the scheduler makes to an article at a set time (once, however many instances run).",
  fields: (t) => ({
    action: t.expose("action", { type: ScheduledActionEnum, description: "What it does." }),
    runAt: t.expose("runAt", { type: "DateTime", description: "When it is due." }),
    reason: t.exposeString("reason", { nullable: true, description: "A withdrawal's reason." }),
    doneAt: t.expose("doneAt", { type: "DateTime", nullable: true, description: "When it ran." }),
    cancelledAt: t.expose("cancelledAt", { type: "DateTime", nullable: true, description: "When it was cancelled." }),
    outcome: t.exposeString("outcome", { nullable: true, description: "What happened when it ran." }),
  }),
});

export const ArticleRevisionRef = builder.prismaNode("ArticleRevision", {
  id: { field: "id" },
  description: "An article as it was after one saved change.",
  fields: (t) => ({
    version: t.exposeInt("version", { description: "The article's version after the change." }),
    action: t.exposeString("action", { description: "The change, e.g. updateArticle or publishArticle." }),
    createdAt: t.expose("createdAt", { type: "DateTime", description: "When." }),
    headline: t.string({ description: "The headline then.", resolve: (r) => snapshotOf(r).headline }),
    snapshot: t.string({ description: "Every field and the body then, as JSON.", resolve: (r) => r.snapshot }),
  }),
});

addActingAccountField("ArticleRevision", "actor", "Who (null: the scheduler).");

const RevisionBlockRef = builder
  .objectRef<{ kind: string; text: string | null; level: number | null; attribution: string | null }>("RevisionBlock")
  .implement({
    description: "A body block as a revision has it.",
    fields: (t) => ({
      kind: t.field({ type: BlockKindEnum, description: "What it is.", resolve: (b) => b.kind as "PARAGRAPH" }),
      text: t.string({ nullable: true, description: "Its text.", resolve: (b) => b.text }),
      level: t.int({ nullable: true, description: "A heading's level.", resolve: (b) => b.level }),
      attribution: t.string({ nullable: true, description: "Who a quote is by.", resolve: (b) => b.attribution }),
    }),
  });

const FieldChangeRef = builder.objectRef<FieldChange>("RevisionFieldChange").implement({
  description: "A field that differs between two revisions.",
  fields: (t) => ({
    field: t.string({ description: "The field, e.g. headline or tags.", resolve: (c) => c.field }),
    before: t.string({
      nullable: true,
      description: "Its value in the older revision (lists as JSON).",
      resolve: (c) => c.before,
    }),
    after: t.string({ nullable: true, description: "Its value in the newer revision.", resolve: (c) => c.after }),
  }),
});

const BlockChangeEnum = builder.enumType("RevisionBlockChangeKind", {
  description: "How a body block differs.",
  values: {
    ADDED: { description: "Only in the newer revision." },
    REMOVED: { description: "Only in the older revision." },
    CHANGED: { description: "Edited in place." },
  } as const,
});

const BlockChangeRef = builder.objectRef<BlockChange>("RevisionBlockChange").implement({
  description: "A body block that differs between two revisions.",
  fields: (t) => ({
    position: t.int({
      description: "Where (in the newer body; in the older one for a removal).",
      resolve: (c) => c.position,
    }),
    change: t.field({ type: BlockChangeEnum, description: "How it differs.", resolve: (c) => c.change }),
    before: t.field({
      type: RevisionBlockRef,
      nullable: true,
      description: "The block before.",
      resolve: (c) => c.before,
    }),
    after: t.field({
      type: RevisionBlockRef,
      nullable: true,
      description: "The block after.",
      resolve: (c) => c.after,
    }),
  }),
});

export const RevisionDiffRef = builder.objectRef<RevisionDiff>("RevisionDiff").implement({
  description: "What changed between two revisions of an article, by field and by body block.",
  fields: (t) => ({
    from: t.field({ type: ArticleRevisionRef, description: "The older revision.", resolve: (d) => d.from }),
    to: t.field({ type: ArticleRevisionRef, description: "The newer revision.", resolve: (d) => d.to }),
    fields: t.field({ type: [FieldChangeRef], description: "Fields that differ.", resolve: (d) => d.fields }),
    blocks: t.field({ type: [BlockChangeRef], description: "Body blocks that differ.", resolve: (d) => d.blocks }),
  }),
});

export const PreviewTokenRef = builder.prismaNode("PreviewToken", {
  id: { field: "id" },
  description: "A preview link's token (its secret is shown only when it is made).",
  fields: (t) => ({
    expiresAt: t.expose("expiresAt", { type: "DateTime", description: "When it stops working." }),
    revokedAt: t.expose("revokedAt", { type: "DateTime", nullable: true, description: "When it was revoked." }),
  }),
});

export const NewPreviewRef = builder.objectRef<NewPreview>("NewPreviewToken").implement({
  description: "A preview token and its secret.",
  fields: (t) => ({
    preview: t.field({ type: PreviewTokenRef, description: "The token's record.", resolve: (p) => p.preview }),
    token: t.string({
      description: "Pass it to `articlePreview(token:)` from your front end's preview route. Shown once.",
      resolve: (p) => p.token,
    }),
  }),
});

builder.prismaObjectFields("Article", (t) => ({
  embargoedUntil: t.expose("embargoedUntil", {
    type: "DateTime",
    nullable: true,
    description: "Until when the article is held from readers (ninjs embargoed); editors only ever see it set.",
  }),
  scheduledChanges: t.field({
    type: [ScheduledJobRef],
    nullable: true,
    description: "Editors: the scheduled changes still to run, soonest first (null for others).",
    extensions: VIEWER_SPECIFIC,
    resolve: (article, _args, ctx) =>
      canSeeUnpublished(ctx.viewer)
        ? ctx.prisma.scheduledJob.findMany({
            where: { articleId: article.id, doneAt: null, cancelledAt: null },
            orderBy: [{ runAt: "asc" }, { id: "asc" }],
          })
        : null,
  }),
  revisions: t.field({
    type: [ArticleRevisionRef],
    nullable: true,
    description: "Editors: every saved version, newest first (null for others).",
    extensions: VIEWER_SPECIFIC,
    resolve: (article, _args, ctx) =>
      canSeeUnpublished(ctx.viewer)
        ? ctx.prisma.articleRevision.findMany({
            where: { articleId: article.id },
            orderBy: [{ createdAt: "desc" }, { version: "desc" }],
          })
        : null,
  }),
}));
