// Editorial mutations: articles (services/articles/editorial.ts) and their credits, bylines and media
// (services/articles/links.ts). Each change bumps Article.version.
import { builder } from "../../builder.js";
import { PURGES_CACHE } from "../shared/cache-facts.js";
import type { Context } from "../../context.js";
import {
  addCorrection,
  createArticle,
  publishArticle,
  updateArticle,
  withdrawArticle,
} from "../../services/articles/editorial.js";
import { addByline, addMedia, removeByline, removeMedia } from "../../services/articles/links.js";
import { BylineRoleEnum } from "../shared/enums.js";

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

builder.mutationFields((t) => ({
  createArticle: t.prismaField({
    extensions: PURGES_CACHE,
    type: "Article",
    description: "Editors: creates a draft.",
    args: { input: t.arg({ type: CreateArticleInput, required: true, description: "The article." }) },
    resolve: async (query, _root, { input }, ctx) => reload(ctx, query, (await createArticle(ctx, input)).id),
  }),
  updateArticle: t.prismaField({
    extensions: PURGES_CACHE,
    type: "Article",
    description: "Editors: changes an article, if nobody changed it since the version you name.",
    args: { input: t.arg({ type: UpdateArticleInput, required: true, description: "The changes." }) },
    resolve: async (query, _root, { input }, ctx) => reload(ctx, query, (await updateArticle(ctx, input)).id),
  }),
  publishArticle: t.prismaField({
    extensions: PURGES_CACHE,
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
    extensions: PURGES_CACHE,
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
    extensions: PURGES_CACHE,
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

const AddBylineInput = builder.inputType("AddBylineInput", {
  description: "A person credited on an article.",
  fields: (t) => ({
    articleId: t.id({ required: true, description: "The article." }),
    personId: t.id({ required: true, description: "The person." }),
    role: t.field({ type: BylineRoleEnum, required: false, description: "What they did (default AUTHOR)." }),
    position: t.int({ required: false, description: "Where in the byline, from 0 (default: last)." }),
  }),
});

const RemoveBylineInput = builder.inputType("RemoveBylineInput", {
  description: "A person to take off an article's byline.",
  fields: (t) => ({
    articleId: t.id({ required: true, description: "The article." }),
    personId: t.id({ required: true, description: "The person." }),
    role: t.field({ type: BylineRoleEnum, required: false, description: "Only this credit (default: every one)." }),
  }),
});

const AddMediaInput = builder.inputType("AddMediaInput", {
  description: "An image for an article, with its caption and credit.",
  fields: (t) => ({
    articleId: t.id({ required: true, description: "The article." }),
    url: t.string({ required: true, description: "Where the image file is (http or https)." }),
    caption: t.string({ required: false, description: "The caption shown with the image." }),
    altText: t.string({ required: false, description: "A description for readers who cannot see it." }),
    creditText: t.string({ required: false, description: "The credit line as printed." }),
    creditPersonId: t.id({ required: false, description: "The photographer (a Person)." }),
    creditOrganisationId: t.id({ required: false, description: "The agency credited (an Organisation)." }),
    width: t.int({ required: false, description: "Width in pixels." }),
    height: t.int({ required: false, description: "Height in pixels." }),
    position: t.int({ required: false, description: "Where among the article's images, from 0 (default: last)." }),
  }),
});

builder.mutationFields((t) => ({
  addByline: t.prismaField({
    extensions: PURGES_CACHE,
    type: "Byline",
    description: "Editors: credits a person on an article.",
    args: { input: t.arg({ type: AddBylineInput, required: true, description: "The credit." }) },
    resolve: async (query, _root, { input }, ctx) =>
      ctx.prisma.byline.findUniqueOrThrow({ ...query, where: { id: (await addByline(ctx, input)).id } }),
  }),
  removeByline: t.boolean({
    extensions: PURGES_CACHE,
    description: "Editors: takes a person off an article's byline; false when they were not on it.",
    args: { input: t.arg({ type: RemoveBylineInput, required: true, description: "Who to take off." }) },
    resolve: (_root, { input }, ctx) => removeByline(ctx, input),
  }),
  addMedia: t.prismaField({
    extensions: PURGES_CACHE,
    type: "Media",
    description: "Editors: adds an image to an article.",
    args: { input: t.arg({ type: AddMediaInput, required: true, description: "The image." }) },
    resolve: async (query, _root, { input }, ctx) =>
      ctx.prisma.media.findUniqueOrThrow({ ...query, where: { id: (await addMedia(ctx, input)).id } }),
  }),
  removeMedia: t.boolean({
    extensions: PURGES_CACHE,
    description: "Editors: removes an image (and the body blocks showing it); false when there is none.",
    args: { id: t.arg.id({ required: true, description: "The image (Media.id)." }) },
    resolve: (_root, args, ctx) => removeMedia(ctx, args.id),
  }),
}));
