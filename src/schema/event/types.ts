// Events: what happened, when (to the precision it is known), where, and who took part.
import { EventRef } from "../shared/entity-refs.js";
import { builder } from "../../builder.js";
import { addEntityRecordFields, ENTITY_NODE_OPTIONS, pagedById } from "../shared/entity-fields.js";
import { EventKindEnum } from "../shared/enums.js";
import { PartialDateRef, partialDate } from "../shared/dates.js";
import { namedConnection } from "../shared/connections.js";
import { ParticipantConnection } from "../links/types.js";

builder.prismaNode("Event", {
  ...ENTITY_NODE_OPTIONS,
  description: "Something that happened: a crossing, an arrest, a mutiny, a ruling. Dates carry their precision.",
  fields: (t) => ({
    slug: t.exposeString("slug", { description: "A stable, URL-safe name, e.g. wagner-mutiny-2023." }),
    name: t.exposeString("name", { description: "A short name for the event." }),
    kind: t.expose("kind", { type: EventKindEnum, description: "What kind of event it was." }),
    description: t.exposeString("description", { nullable: true, description: "What happened, in a sentence or two." }),
    start: t.field({
      type: PartialDateRef,
      description: "When the event began, to the precision it is known.",
      resolve: (event) => partialDate(event.startsAt, event.startPrecision)!,
    }),
    end: t.field({
      type: PartialDateRef,
      nullable: true,
      description: "When the event ended, if it lasted and the end is known.",
      resolve: (event) => partialDate(event.endsAt, event.endPrecision),
    }),
    place: t.relation("place", { nullable: true, description: "Where the event happened." }),
    participants: t.relatedConnection(
      "participants",
      pagedById({
        description: "The people and organisations that took part, with their roles.",
        query: { orderBy: { id: "asc" } },
      }),
      ParticipantConnection,
    ),
  }),
});
addEntityRecordFields("Event", "event");

export const EventConnection = namedConnection(EventRef, "Event", "events");
