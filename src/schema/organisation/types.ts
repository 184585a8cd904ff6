// Organisations: publishers, agencies, companies, state bodies; their members over time and their mentions.
import { OrganisationRef } from "../shared/entity-refs.js";
import { builder } from "../../builder.js";
import { VIEWER_FILTERED, maxAge } from "../shared/cache-facts.js";
import { listedArticleWhere, NEWEST_ARTICLES_FIRST } from "../../services/shared/visibility.js";
import { OrganisationKindEnum } from "../shared/enums.js";
import { ArticleConnection } from "../article/types.js";
import { namedConnection } from "../shared/connections.js";
import {
  AffiliationConnection,
  affiliationsQuery,
  AffiliationStatusEnum,
  MentionConnection,
  mentionedInOptions,
  ParticipantConnection,
} from "../links/types.js";

builder.prismaNode("Organisation", {
  // the graph of entities changes seldom
  extensions: maxAge(300_000),
  id: { field: "id" },
  description: "An organisation: a publisher, news agency, private military company, government body, NGO, …",
  fields: (t) => ({
    slug: t.exposeString("slug", { description: "A stable, URL-safe name, e.g. wagner-group." }),
    name: t.exposeString("name", { description: "The name Lede uses for the organisation." }),
    kind: t.expose("kind", { type: OrganisationKindEnum, description: "What kind of organisation it is." }),
    alternateNames: t.field({
      type: ["String"],
      description: "Other names the organisation is known by.",
      select: { alternateNames: { select: { name: true }, orderBy: { name: "asc" } } },
      resolve: (organisation) => organisation.alternateNames.map((n) => n.name),
    }),
    description: t.exposeString("description", { nullable: true, description: "What the organisation is." }),
    country: t.relation("country", { nullable: true, description: "The country the organisation is based in." }),
    members: t.relatedConnection(
      "members",
      {
        description:
          "People affiliated with the organisation, with role and dates; current and former (or one of them), " +
          "earliest first.",
        cursor: "id",
        totalCount: true,
        args: {
          status: t.arg({
            type: AffiliationStatusEnum,
            required: false,
            description: "Only current or only former members (default: both).",
          }),
        },
        query: affiliationsQuery,
      },
      AffiliationConnection,
    ),
    participations: t.relatedConnection(
      "participations",
      {
        description: "The events the organisation took part in, with its role in each.",
        query: { orderBy: [{ event: { startsAt: "asc" } }, { id: "asc" }] },
        cursor: "id",
        totalCount: true,
      },
      ParticipantConnection,
    ),
    publishedArticles: t.relatedConnection(
      "publishedArticles",
      {
        extensions: VIEWER_FILTERED,
        description: "Articles this organisation published, newest first.",
        cursor: "id",
        totalCount: true,
        query: (_args, ctx) => ({
          where: listedArticleWhere(ctx.viewer),
          orderBy: NEWEST_ARTICLES_FIRST,
        }),
      },
      ArticleConnection,
    ),
    mentionedIn: t.relatedConnection("mentions", mentionedInOptions("organisation"), MentionConnection),
    createdAt: t.expose("createdAt", { type: "DateTime", description: "When the record was created." }),
    updatedAt: t.expose("updatedAt", { type: "DateTime", description: "When the record last changed." }),
  }),
});

export const OrganisationConnection = namedConnection(OrganisationRef, "Organisation", "organisations");
