// Editors' credits on articles: bylines and media. Each change bumps Article.version.
import { builder } from "../../builder.js";
import { addByline, addMedia, removeByline, removeMedia } from "../../services/articles/links.js";
import { BylineRoleEnum } from "../shared/enums.js";

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
    type: "Byline",
    description: "Editors: credits a person on an article.",
    args: { input: t.arg({ type: AddBylineInput, required: true, description: "The credit." }) },
    resolve: async (query, _root, { input }, ctx) =>
      ctx.prisma.byline.findUniqueOrThrow({ ...query, where: { id: (await addByline(ctx, input)).id } }),
  }),
  removeByline: t.boolean({
    description: "Editors: takes a person off an article's byline; false when they were not on it.",
    args: { input: t.arg({ type: RemoveBylineInput, required: true, description: "Who to take off." }) },
    resolve: (_root, { input }, ctx) => removeByline(ctx, input),
  }),
  addMedia: t.prismaField({
    type: "Media",
    description: "Editors: adds an image to an article.",
    args: { input: t.arg({ type: AddMediaInput, required: true, description: "The image." }) },
    resolve: async (query, _root, { input }, ctx) =>
      ctx.prisma.media.findUniqueOrThrow({ ...query, where: { id: (await addMedia(ctx, input)).id } }),
  }),
  removeMedia: t.boolean({
    description: "Editors: removes an image (and the body blocks showing it); false when there is none.",
    args: { id: t.arg.id({ required: true, description: "The image (Media.id)." }) },
    resolve: (_root, args, ctx) => removeMedia(ctx, args.id),
  }),
}));
