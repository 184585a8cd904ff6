// Places: countries, regions, cities, borders and venues, nested in one another.
import { PlaceRef } from "../shared/entity-refs.js";
import { builder } from "../../builder.js";
import { maxAge } from "../shared/cache-facts.js";
import { PlaceKindEnum } from "../shared/enums.js";
import { EventConnection } from "../event/types.js";
import { namedConnection } from "../shared/connections.js";
import { MentionConnection, mentionedInOptions } from "../links/types.js";
import { OrganisationConnection } from "../organisation/types.js";

builder.prismaNode("Place", {
  // the graph of entities changes seldom
  extensions: maxAge(300_000),
  id: { field: "id" },
  description: "A place: a country, region, city, border or venue, inside its parent place.",
  fields: (t) => ({
    slug: t.exposeString("slug", { description: "A stable, URL-safe name, e.g. oslo." }),
    name: t.exposeString("name", { description: "The place's name in English." }),
    kind: t.expose("kind", { type: PlaceKindEnum, description: "What kind of place it is." }),
    description: t.exposeString("description", { nullable: true, description: "A line about the place." }),
    parent: t.relation("parent", { nullable: true, description: "The place this one lies in (Oslo → Norway)." }),
    children: t.relatedConnection(
      "children",
      {
        description: "The places that lie in this one.",
        query: { orderBy: [{ name: "asc" }, { id: "asc" }] },
        cursor: "id",
        totalCount: true,
      },
      PlaceConnection,
    ),
    events: t.relatedConnection(
      "events",
      {
        description: "Events that happened here, earliest first.",
        cursor: "id",
        totalCount: true,
        query: { orderBy: [{ startsAt: "asc" }, { id: "asc" }] },
      },
      EventConnection,
    ),
    organisations: t.relatedConnection(
      "organisations",
      {
        description: "Organisations based in this country.",
        query: { orderBy: [{ name: "asc" }, { id: "asc" }] },
        cursor: "id",
        totalCount: true,
      },
      OrganisationConnection,
    ),
    mentionedIn: t.relatedConnection("mentions", mentionedInOptions("place"), MentionConnection),
    createdAt: t.expose("createdAt", { type: "DateTime", description: "When the record was created." }),
    updatedAt: t.expose("updatedAt", { type: "DateTime", description: "When the record last changed." }),
  }),
});

export const PlaceConnection = namedConnection(PlaceRef, "Place", "places");
