// Editors create and correct places and their nesting.
import { builder } from "../../builder.js";
import { PURGES_CACHE } from "../shared/cache-facts.js";
import { createPlace, updatePlace } from "../../services/entities/event-place-editing.js";
import { PlaceKindEnum } from "../shared/enums.js";

const CreatePlaceInput = builder.inputType("CreatePlaceInput", {
  description: "A new place.",
  fields: (t) => ({
    slug: t.string({ required: true, description: "Lower-case words joined by hyphens; unique." }),
    name: t.string({ required: true, description: "The place's name in English." }),
    kind: t.field({ type: PlaceKindEnum, required: true, description: "What kind of place it is." }),
    parentId: t.id({ required: false, description: "The place it lies in." }),
    description: t.string({ required: false, description: "A line about the place." }),
    clientMutationId: t.string({
      required: false,
      description: "Your id for this create: a retry with the same id and input returns the first place.",
    }),
  }),
});

const UpdatePlaceInput = builder.inputType("UpdatePlaceInput", {
  description: "Changes to a place; fields left out stay as they are, null clears an optional one.",
  fields: (t) => ({
    id: t.id({ required: true, description: "The place." }),
    version: t.int({
      required: true,
      description: "The version you edited (Place.version): a stale one is a CONFLICT.",
    }),
    slug: t.string({ required: false, description: "A new slug (unique)." }),
    name: t.string({ required: false, description: "A new name." }),
    kind: t.field({ type: PlaceKindEnum, required: false, description: "What kind of place it is." }),
    parentId: t.id({
      required: false,
      description: "The place it lies in (not itself, nor one inside it); null for none.",
    }),
    description: t.string({ required: false, description: "A line about the place." }),
  }),
});

builder.prismaObjectField("Place", "version", (t) =>
  t.exposeInt("version", { description: "Bumped by every edit of the record; send it back with updates and merges." }),
);

builder.mutationFields((t) => ({
  createPlace: t.prismaField({
    extensions: PURGES_CACHE,
    type: "Place",
    description: "Editors: adds a place.",
    args: { input: t.arg({ type: CreatePlaceInput, required: true, description: "The place." }) },
    resolve: async (query, _root, { input }, ctx) =>
      ctx.prisma.place.findUniqueOrThrow({ ...query, where: { id: await createPlace(ctx, input) } }),
  }),
  updatePlace: t.prismaField({
    extensions: PURGES_CACHE,
    type: "Place",
    description: "Editors: changes a place, if nobody changed it since the version you name.",
    args: { input: t.arg({ type: UpdatePlaceInput, required: true, description: "The changes." }) },
    resolve: async (query, _root, { input }, ctx) =>
      ctx.prisma.place.findUniqueOrThrow({ ...query, where: { id: await updatePlace(ctx, input) } }),
  }),
}));
