// What the four entity types (Person, Organisation, Event, Place) have alike, written once: how long an answer that
// holds one may be cached, their id, the other names they go by, the articles that mention them and their record
// timestamps; and the options of a related list paged by id with its total count, which most of their lists are.
import { builder } from "../../builder.js";
import { maxAge } from "./cache-facts.js";
import { MentionConnection, mentionedInOptions } from "../links/types.js";

type EntityModel = "Person" | "Organisation" | "Event" | "Place";

/** Spread into each entity's `prismaNode` options. */
export const ENTITY_NODE_OPTIONS = {
  // the graph of entities changes seldom
  extensions: maxAge(300_000),
  id: { field: "id" },
} as const;

/** The options of `t.field` for `alternateNames` (Person, Organisation): the names sorted, as plain strings. */
export function alternateNamesOptions(description: string) {
  return {
    type: ["String"] as ["String"],
    description,
    select: { alternateNames: { select: { name: true as const }, orderBy: { name: "asc" as const } } },
    resolve: (entity: { alternateNames: { name: string }[] }) => entity.alternateNames.map((n) => n.name),
  };
}

/** A related list's options with paging by id and a total count: `pagedById({ description, query })`. */
export function pagedById<const O extends object>(options: O) {
  return { ...options, cursor: "id" as const, totalCount: true as const };
}

/**
 * The fields every entity ends with: `mentionedIn` (the articles that mention it) and when its record was created and
 * last changed. The four models name these alike, so one field builder, typed as Person's, serves them all.
 */
export function addEntityRecordFields(model: EntityModel, noun: string): void {
  builder.prismaObjectFields(model as "Person", (t) => ({
    mentionedIn: t.relatedConnection("mentions", mentionedInOptions(noun), MentionConnection),
    createdAt: t.expose("createdAt", { type: "DateTime", description: "When the record was created." }),
    updatedAt: t.expose("updatedAt", { type: "DateTime", description: "When the record last changed." }),
  }));
}
