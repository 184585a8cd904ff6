// Editors create and correct events, and say who took part in them.
import { builder } from "../../builder.js";
import { PURGES_CACHE } from "../shared/cache-facts.js";
import { createEvent, updateEvent } from "../../services/entities/event-place-editing.js";
import { addParticipant, removeParticipant } from "../../services/graph/editing.js";
import { EventKindEnum } from "../shared/enums.js";
import { PartialDateInput } from "../shared/dates.js";

const CreateEventInput = builder.inputType("CreateEventInput", {
  description: "A new event.",
  fields: (t) => ({
    slug: t.string({ required: true, description: "Lower-case words joined by hyphens; unique." }),
    name: t.string({ required: true, description: "A short name for the event." }),
    kind: t.field({ type: EventKindEnum, required: true, description: "What kind of event it was." }),
    start: t.field({ type: PartialDateInput, required: true, description: "When it began, to its precision." }),
    end: t.field({ type: PartialDateInput, required: false, description: "When it ended (not before start)." }),
    placeId: t.id({ required: false, description: "Where it happened." }),
    description: t.string({ required: false, description: "What happened." }),
    clientMutationId: t.string({
      required: false,
      description: "Your id for this create: a retry with the same id and input returns the first event.",
    }),
  }),
});

const UpdateEventInput = builder.inputType("UpdateEventInput", {
  description: "Changes to an event; fields left out stay as they are, null clears an optional one.",
  fields: (t) => ({
    id: t.id({ required: true, description: "The event." }),
    version: t.int({
      required: true,
      description: "The version you edited (Event.version): a stale one is a CONFLICT.",
    }),
    slug: t.string({ required: false, description: "A new slug (unique)." }),
    name: t.string({ required: false, description: "A new name." }),
    kind: t.field({ type: EventKindEnum, required: false, description: "What kind of event it was." }),
    start: t.field({ type: PartialDateInput, required: false, description: "When it began." }),
    end: t.field({
      type: PartialDateInput,
      required: false,
      description: "When it ended (not before start); null for no end.",
    }),
    placeId: t.id({ required: false, description: "Where it happened; null for unknown." }),
    description: t.string({ required: false, description: "What happened." }),
  }),
});

const AddParticipantInput = builder.inputType("AddParticipantInput", {
  description: "A person's or organisation's part in an event.",
  fields: (t) => ({
    eventId: t.id({ required: true, description: "The event." }),
    actorId: t.id({ required: true, description: "A Person or Organisation." }),
    role: t.string({ required: true, description: "Their part, e.g. defendant, leader." }),
  }),
});

builder.prismaObjectField("Event", "version", (t) =>
  t.exposeInt("version", { description: "Bumped by every edit of the record; send it back with updates and merges." }),
);

builder.mutationFields((t) => ({
  createEvent: t.prismaField({
    extensions: PURGES_CACHE,
    type: "Event",
    description: "Editors: adds an event.",
    args: { input: t.arg({ type: CreateEventInput, required: true, description: "The event." }) },
    resolve: async (query, _root, { input }, ctx) =>
      ctx.prisma.event.findUniqueOrThrow({ ...query, where: { id: await createEvent(ctx, input) } }),
  }),
  updateEvent: t.prismaField({
    extensions: PURGES_CACHE,
    type: "Event",
    description: "Editors: changes an event, if nobody changed it since the version you name.",
    args: { input: t.arg({ type: UpdateEventInput, required: true, description: "The changes." }) },
    resolve: async (query, _root, { input }, ctx) =>
      ctx.prisma.event.findUniqueOrThrow({ ...query, where: { id: await updateEvent(ctx, input) } }),
  }),
  addParticipant: t.prismaField({
    extensions: PURGES_CACHE,
    type: "Participant",
    description: "Editors: records that a person or organisation took part in an event.",
    args: { input: t.arg({ type: AddParticipantInput, required: true, description: "The participant." }) },
    resolve: async (query, _root, { input }, ctx) =>
      ctx.prisma.participant.findUniqueOrThrow({ ...query, where: { id: (await addParticipant(ctx, input)).id } }),
  }),
  removeParticipant: t.boolean({
    extensions: PURGES_CACHE,
    description: "Editors: removes a participant from an event; false when there is none (a retry is harmless).",
    args: { id: t.arg.id({ required: true, description: "The participant (Participant.id)." }) },
    resolve: (_root, args, ctx) => removeParticipant(ctx, args.id),
  }),
}));
