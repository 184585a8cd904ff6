// The refs of the four entity types, declared here and implemented by their domains (person/types.ts, …). The
// links and unions that point at every kind of entity (mentions, participants, search hits, the graph) take them
// from here, so they need not import the domains, which import the links back.
import { getRefFromModel, type PrismaObjectRef } from "@pothos/plugin-prisma";
import { builder } from "../../builder.js";
import type PrismaTypes from "../../generated/pothos-types.js";

type EntityModel = "Person" | "Organisation" | "Event" | "Place";
type Types = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;

/** The ref `builder.prismaNode(model, …)` implements: plugin-prisma keeps one ref per model and builder. */
function entityRef<M extends EntityModel>(model: M) {
  return getRefFromModel(model, builder, "object") as unknown as PrismaObjectRef<
    Types,
    PrismaTypes[M],
    PrismaTypes[M]["Shape"]
  >;
}

export const PersonRef = entityRef("Person");
export const OrganisationRef = entityRef("Organisation");
export const EventRef = entityRef("Event");
export const PlaceRef = entityRef("Place");
