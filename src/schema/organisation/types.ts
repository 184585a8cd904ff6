// Organisations: publishers, agencies, companies, state bodies; their members over time and their mentions.
import { OrganisationRef } from "../shared/entity-refs.js";
import { builder } from "../../builder.js";
import { addEntityRecordFields, alternateNamesOptions, ENTITY_NODE_OPTIONS } from "../shared/entity-fields.js";
import { OrganisationKindEnum } from "../shared/enums.js";
import { ArticleConnection, listedArticlesNewestFirst } from "../article/types.js";
import { namedConnection } from "../shared/connections.js";
import {
  AffiliationConnection,
  affiliationListOptions,
  ParticipantConnection,
  participationListOptions,
} from "../links/types.js";

builder.prismaNode("Organisation", {
  ...ENTITY_NODE_OPTIONS,
  description: "An organisation: a publisher, news agency, private military company, government body, NGO, …",
  fields: (t) => ({
    slug: t.exposeString("slug", { description: "A stable, URL-safe name, e.g. wagner-group." }),
    name: t.exposeString("name", { description: "The name Lede uses for the organisation." }),
    kind: t.expose("kind", { type: OrganisationKindEnum, description: "What kind of organisation it is." }),
    alternateNames: t.field(alternateNamesOptions("Other names the organisation is known by.")),
    description: t.exposeString("description", { nullable: true, description: "What the organisation is." }),
    country: t.relation("country", { nullable: true, description: "The country the organisation is based in." }),
    members: t.relatedConnection(
      "members",
      affiliationListOptions(
        "People affiliated with the organisation, with role and dates; current and former (or one of them), " +
          "earliest first.",
        "Only current or only former members (default: both).",
      ),
      AffiliationConnection,
    ),
    participations: t.relatedConnection(
      "participations",
      participationListOptions("The events the organisation took part in, with its role in each."),
      ParticipantConnection,
    ),
    publishedArticles: t.relatedConnection(
      "publishedArticles",
      listedArticlesNewestFirst("Articles this organisation published, newest first."),
      ArticleConnection,
    ),
  }),
});
addEntityRecordFields("Organisation", "organisation");

export const OrganisationConnection = namedConnection(OrganisationRef, "Organisation", "organisations");
