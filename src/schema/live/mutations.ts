// Live-blog mutations (editors): the coverage window, and posting, editing, publishing, marking, pinning, correcting
// and withdrawing updates. Each takes a clientMutationId (a retry with the same id and input changes nothing again)
// and hands over to services/live.
import type { InputObjectRef } from "@pothos/core";
import { builder } from "../../builder.js";
import type { Context } from "../../context.js";
import { setLiveCoverage } from "../../services/live/coverage.js";
import { correctLiveUpdate, markLiveUpdate, withdrawLiveUpdate } from "../../services/live/marks.js";
import { editLiveUpdate, postLiveUpdate, publishLiveUpdate } from "../../services/live/updates.js";
import { INVALIDATED_BY_LIVE_BLOG_EVENTS } from "../shared/cache-facts.js";
import { BlockKindEnum } from "../shared/enums.js";

type LedeTypes = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer Types> ? Types : never;

type InputFieldBuilder = Parameters<
  Extract<Parameters<typeof builder.inputType>[1]["fields"], (...args: never[]) => unknown>
>[0];

const clientMutationId = (t: InputFieldBuilder) =>
  t.string({
    required: false,
    description: "Your id for this change: a retry with the same id and input returns the first result.",
  });

const LiveUpdateBlockInput = builder.inputType("LiveUpdateBlockInput", {
  description: "One block of a live update: text, or (IMAGE) one of the live blog article's images.",
  fields: (t) => ({
    kind: t.field({ type: BlockKindEnum, required: true, description: "What the block is." }),
    text: t.string({ required: false, description: "Its text (not for an image)." }),
    level: t.int({ required: false, description: "For a heading: 2, 3 or 4 (default 2)." }),
    attribution: t.string({ required: false, description: "For a quote: who said it." }),
    mediaId: t.id({ required: false, description: "For an image: a Media of the article (see addMedia)." }),
  }),
});

const SetLiveCoverageInput = builder.inputType("SetLiveCoverageInput", {
  description: "Makes an article a live blog, or changes its coverage window.",
  fields: (t) => ({
    articleId: t.id({ required: true, description: "The article." }),
    coverageStartTime: t.field({
      type: "DateTime",
      required: false,
      description: "When the coverage began (default: unchanged, or now for a new live blog).",
    }),
    coverageEndTime: t.field({
      type: "DateTime",
      required: false,
      description: "When it ended; null reopens it (running); left out: unchanged.",
    }),
    clientMutationId: clientMutationId(t),
  }),
});

const PostLiveUpdateInput = builder.inputType("PostLiveUpdateInput", {
  description: "A new update for a live blog.",
  fields: (t) => ({
    articleId: t.id({ required: true, description: "The live blog's article." }),
    title: t.string({ required: false, description: "A short headline (at most 300 characters)." }),
    body: t.field({ type: [LiveUpdateBlockInput], required: true, description: "The blocks (1–50)." }),
    authorIds: t.idList({ required: false, description: "The people who wrote it (Person ids), in order." }),
    keyEvent: t.boolean({ required: false, description: "Mark it as a key event." }),
    summary: t.boolean({ required: false, description: "Mark it as a summary of the story so far." }),
    pinned: t.boolean({ required: false, description: "Pin it to the top (unpins the pinned one)." }),
    draft: t.boolean({ required: false, description: "Save it as a draft for editors instead of publishing it." }),
    clientMutationId: clientMutationId(t),
  }),
});

const EditLiveUpdateInput = builder.inputType("EditLiveUpdateInput", {
  description: "Changes to an update; fields left out stay as they are. A published update shows when it was edited.",
  fields: (t) => ({
    id: t.id({ required: true, description: "The update." }),
    version: t.int({ required: true, description: "The version you edited (LiveUpdate.version)." }),
    title: t.string({ required: false, description: "The new headline (null: none)." }),
    body: t.field({ type: [LiveUpdateBlockInput], required: false, description: "The whole new body." }),
    authorIds: t.idList({ required: false, description: "The new authors." }),
    clientMutationId: clientMutationId(t),
  }),
});

const PublishLiveUpdateInput = builder.inputType("PublishLiveUpdateInput", {
  description: "Publishes a draft update now.",
  fields: (t) => ({
    id: t.id({ required: true, description: "The draft." }),
    version: t.int({ required: true, description: "The version you saw." }),
    clientMutationId: clientMutationId(t),
  }),
});

const MarkLiveUpdateInput = builder.inputType("MarkLiveUpdateInput", {
  description: "Marks or unmarks an update; marks left out stay as they are.",
  fields: (t) => ({
    id: t.id({ required: true, description: "The update." }),
    keyEvent: t.boolean({ required: false, description: "A key event of the story." }),
    summary: t.boolean({ required: false, description: "A summary of the story so far." }),
    pinned: t.boolean({ required: false, description: "Pinned to the top (one per blog: pinning unpins the other)." }),
    clientMutationId: clientMutationId(t),
  }),
});

const CorrectLiveUpdateInput = builder.inputType("CorrectLiveUpdateInput", {
  description: "A correction of a published update.",
  fields: (t) => ({
    id: t.id({ required: true, description: "The update." }),
    text: t.string({ required: true, description: "What was wrong and what is right." }),
    clientMutationId: clientMutationId(t),
  }),
});

const WithdrawLiveUpdateInput = builder.inputType("WithdrawLiveUpdateInput", {
  description: "Takes an update off the live blog.",
  fields: (t) => ({
    id: t.id({ required: true, description: "The update." }),
    reason: t.string({ required: true, description: "Why, for readers." }),
    clientMutationId: clientMutationId(t),
  }),
});

const reloadUpdate = (ctx: Context, query: object, id: string) =>
  ctx.prisma.liveUpdate.findUniqueOrThrow({ ...query, where: { id } });

builder.mutationFields((t) => ({
  setLiveCoverage: t.prismaField({
    type: "Article",
    description: "Editors: makes an article a live blog, or starts, ends or reopens its coverage.",
    extensions: INVALIDATED_BY_LIVE_BLOG_EVENTS,
    args: { input: t.arg({ type: SetLiveCoverageInput, required: true, description: "The window." }) },
    resolve: async (query, _root, { input }, ctx) =>
      ctx.prisma.article.findUniqueOrThrow({ ...query, where: { id: await setLiveCoverage(ctx, input) } }),
  }),
}));

/** The six mutations that change one update: each takes its input, hands it to its service and answers with the
 * update as it is now. */
function updateMutation<Shape>(
  name: string,
  description: string,
  input: InputObjectRef<LedeTypes, Shape>,
  inputDescription: string,
  run: (ctx: Context, input: Shape) => Promise<string>,
) {
  builder.mutationField(name, (t) =>
    t.prismaField({
      type: "LiveUpdate",
      description: `Editors: ${description}`,
      extensions: INVALIDATED_BY_LIVE_BLOG_EVENTS,
      args: { input: t.arg({ type: input, required: true, description: inputDescription }) },
      resolve: async (query, _root, args, ctx) =>
        reloadUpdate(ctx, query, await run(ctx, (args as { input: Shape }).input)),
    }),
  );
}

updateMutation(
  "postLiveUpdate",
  "posts an update to a live blog (or saves it as a draft).",
  PostLiveUpdateInput,
  "The update.",
  postLiveUpdate,
);
updateMutation(
  "editLiveUpdate",
  "changes an update, if nobody changed it since the version you name.",
  EditLiveUpdateInput,
  "The changes.",
  editLiveUpdate,
);
updateMutation(
  "publishLiveUpdate",
  "publishes a draft update now (it takes its place at the top).",
  PublishLiveUpdateInput,
  "The draft.",
  publishLiveUpdate,
);
updateMutation(
  "markLiveUpdate",
  "marks an update as a key event or a summary, or pins or unpins it.",
  MarkLiveUpdateInput,
  "The marks.",
  markLiveUpdate,
);
updateMutation(
  "correctLiveUpdate",
  "adds a dated correction to a published update.",
  CorrectLiveUpdateInput,
  "The correction.",
  correctLiveUpdate,
);
updateMutation(
  "withdrawLiveUpdate",
  "withdraws an update; readers see that it was withdrawn, and why.",
  WithdrawLiveUpdateInput,
  "The update and why.",
  withdrawLiveUpdate,
);
