// Places: countries, regions, cities, borders and venues, nested in one another.
import { PlaceRef } from "../shared/entity-refs.js";
import { builder } from "../../builder.js";
import { addEntityRecordFields, ENTITY_NODE_OPTIONS, pagedById } from "../shared/entity-fields.js";
import { PlaceKindEnum } from "../shared/enums.js";
import { EventConnection } from "../event/types.js";
import { namedConnection } from "../shared/connections.js";
import { OrganisationConnection } from "../organisation/types.js";

builder.prismaNode("Place", {
  ...ENTITY_NODE_OPTIONS,
  description: "A place: a country, region, city, border or venue, inside its parent place.",
  fields: (t) => ({
    slug: t.exposeString("slug", { description: "A stable, URL-safe name, e.g. oslo." }),
    name: t.exposeString("name", { description: "The place's name in English." }),
    kind: t.expose("kind", { type: PlaceKindEnum, description: "What kind of place it is." }),
    description: t.exposeString("description", { nullable: true, description: "A line about the place." }),
    parent: t.relation("parent", { nullable: true, description: "The place this one lies in (Oslo → Norway)." }),
    children: t.relatedConnection(
      "children",
      pagedById({
        description: "The places that lie in this one.",
        query: { orderBy: [{ name: "asc" }, { id: "asc" }] },
      }),
      PlaceConnection,
    ),
    events: t.relatedConnection(
      "events",
      pagedById({
        description: "Events that happened here, earliest first.",
        query: { orderBy: [{ startsAt: "asc" }, { id: "asc" }] },
      }),
      EventConnection,
    ),
    organisations: t.relatedConnection(
      "organisations",
      pagedById({
        description: "Organisations based in this country.",
        query: { orderBy: [{ name: "asc" }, { id: "asc" }] },
      }),
      OrganisationConnection,
    ),
  }),
});
addEntityRecordFields("Place", "place");

export const PlaceConnection = namedConnection(PlaceRef, "Place", "places");
