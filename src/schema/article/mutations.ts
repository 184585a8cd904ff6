// Editorial mutations and the audit log. Each resolver hands over to services/editorial.ts.
import { builder } from "../../builder.js";
import type { Context } from "../../context.js";
import { encodeGlobalId } from "../../global-id.js";
import { requireViewer } from "../../services/shared/authz.js";
import {
  addCorrection,
  createArticle,
  publishArticle,
  updateArticle,
  withdrawArticle,
} from "../../services/articles/editorial.js";
import { ForbiddenError } from "../../errors.js";
import { namedConnection } from "../shared/connections.js";
import { AccountRef } from "../account/types.js";

const TextBlockKind = builder.enumType("TextBlockKind", {
  description: "The kinds of body block an editor writes as text (images come with media).",
  values: {
    PARAGRAPH: { description: "A paragraph." },
    HEADING: { description: "A subheading (level 2–4)." },
    QUOTE: { description: "A quotation, with who said it." },
  } as const,
});

const BlockInput = builder.inputType("ArticleBlockInput", {
  description: "One block of an article body.",
  fields: (t) => ({
    kind: t.field({ type: TextBlockKind, required: true, description: "What the block is." }),
    text: t.string({ required: true, description: "Its text." }),
    level: t.int({ required: false, description: "For a heading: 2, 3 or 4 (default 2)." }),
    attribution: t.string({ required: false, description: "For a quote: who said it." }),
  }),
});

type InputFieldBuilder = Parameters<
  Extract<Parameters<typeof builder.inputType>[1]["fields"], (...args: never[]) => unknown>
>[0];

/** The fields an editor can set, shared by create and update. */
const articleFields = (t: InputFieldBuilder) => ({
  headline: t.string({ required: false, description: "The headline (1–300 characters)." }),
  standfirst: t.string({ required: false, description: "The summary under the headline." }),
  body: t.field({ type: [BlockInput], required: false, description: "The whole body, replacing the old one." }),
  language: t.string({ required: false, description: "A BCP-47 language tag (default en)." }),
  sectionSlug: t.string({ required: false, description: "The section's slug." }),
  tags: t.stringList({ required: false, description: "Tag slugs, in order (new tags are created)." }),
  publisherId: t.id({ required: false, description: "The publishing Organisation's id." }),
  commentsEnabled: t.boolean({ required: false, description: "Whether readers may comment." }),
  commentsPremoderated: t.boolean({ required: false, description: "Whether every comment waits for a moderator." }),
});

const CreateArticleInput = builder.inputType("CreateArticleInput", {
  description: "A new draft article.",
  fields: (t) => ({
    ...articleFields(t),
    headline: t.string({ required: true, description: "The headline (1–300 characters)." }),
    slug: t.string({ required: true, description: "Lower-case words joined by hyphens; unique." }),
    url: t.string({ required: false, description: "The canonical address (default: one made from the slug)." }),
    clientMutationId: t.string({
      required: false,
      description: "Your id for this create: a retry with the same id and input returns the first article.",
    }),
  }),
});

const UpdateArticleInput = builder.inputType("UpdateArticleInput", {
  description: "Changes to an article; fields left out stay as they are.",
  fields: (t) => ({
    id: t.id({ required: true, description: "The article." }),
    version: t.int({
      required: true,
      description: "The version you edited (Article.version): a stale one is a CONFLICT.",
    }),
    ...articleFields(t),
  }),
});

const reload = (ctx: Context, query: object, id: string) =>
  ctx.prisma.article.findUniqueOrThrow({ ...query, where: { id } });

builder.prismaObjectField("Article", "version", (t) =>
  t.exposeInt("version", { description: "Bumped by every editorial change; send it back with updates." }),
);

builder.mutationFields((t) => ({
  createArticle: t.prismaField({
    type: "Article",
    description: "Editors: creates a draft.",
    args: { input: t.arg({ type: CreateArticleInput, required: true, description: "The article." }) },
    resolve: async (query, _root, { input }, ctx) => reload(ctx, query, (await createArticle(ctx, input)).id),
  }),
  updateArticle: t.prismaField({
    type: "Article",
    description: "Editors: changes an article, if nobody changed it since the version you name.",
    args: { input: t.arg({ type: UpdateArticleInput, required: true, description: "The changes." }) },
    resolve: async (query, _root, { input }, ctx) => reload(ctx, query, (await updateArticle(ctx, input)).id),
  }),
  publishArticle: t.prismaField({
    type: "Article",
    description: "Editors: publishes a draft (or republishes a withdrawn article).",
    args: {
      id: t.arg.id({ required: true, description: "The article." }),
      version: t.arg.int({ required: true, description: "The version you saw." }),
    },
    resolve: async (query, _root, args, ctx) =>
      reload(ctx, query, (await publishArticle(ctx, args.id, args.version)).id),
  }),
  withdrawArticle: t.prismaField({
    type: "Article",
    description: "Editors: takes an article down, recording why as a correction.",
    args: {
      id: t.arg.id({ required: true, description: "The article." }),
      version: t.arg.int({ required: true, description: "The version you saw." }),
      reason: t.arg.string({ required: true, description: "Why, for readers." }),
    },
    resolve: async (query, _root, args, ctx) =>
      reload(ctx, query, (await withdrawArticle(ctx, args.id, args.version, args.reason)).id),
  }),
  addCorrection: t.prismaField({
    type: "Article",
    description: "Editors: adds a dated correction to an article.",
    args: {
      articleId: t.arg.id({ required: true, description: "The article." }),
      text: t.arg.string({ required: true, description: "What was wrong and what is right." }),
    },
    resolve: async (query, _root, args, ctx) =>
      reload(ctx, query, (await addCorrection(ctx, args.articleId, args.text)).id),
  }),
}));

const AuditEntryRef = builder.prismaObject("AuditEntry", {
  description: "One editorial change: who, what, when.",
  fields: (t) => ({
    action: t.exposeString("action", { description: "The mutation, e.g. updateArticle." }),
    entityType: t.exposeString("entityType", { description: "What kind of thing changed." }),
    entityId: t.id({
      description: "The global id of what changed.",
      resolve: (e) => encodeGlobalId(e.entityType, e.entityId),
    }),
    changes: t.exposeString("changes", { description: "What the mutation set, as JSON." }),
    createdAt: t.expose("createdAt", { type: "DateTime", description: "When." }),
    actor: t.field({
      type: AccountRef,
      nullable: true,
      description: "Who made the change.",
      resolve: (e, _args, ctx) => (e.actorId ? ctx.loaders.nodes.Account.load(e.actorId) : null),
    }),
  }),
});

const AuditConnection = namedConnection(AuditEntryRef, "AuditEntry", "audit entries");

function requireAdmin(ctx: Context): void {
  if (requireViewer(ctx, "read the audit log").role !== "ADMIN")
    throw new ForbiddenError("Only admins may read the audit log");
}

builder.queryField("auditLog", (t) =>
  t.prismaConnection(
    {
      type: "AuditEntry",
      cursor: "id",
      description: "Admins: every editorial change, newest first.",
      totalCount: (_root, _args, ctx) => {
        requireAdmin(ctx);
        return ctx.prisma.auditEntry.count();
      },
      resolve: (query, _root, _args, ctx) => {
        requireAdmin(ctx);
        return ctx.prisma.auditEntry.findMany({ ...query, orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
      },
    },
    AuditConnection,
  ),
);
