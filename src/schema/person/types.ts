// People: who they are, the names they go by, where they worked, what they took part in, where they are mentioned.
import { PersonRef } from "../shared/entity-refs.js";
import { builder } from "../../builder.js";
import { VIEWER_FILTERED } from "../shared/cache-facts.js";
import {
  addEntityRecordFields,
  alternateNamesOptions,
  ENTITY_NODE_OPTIONS,
  pagedById,
} from "../shared/entity-fields.js";
import { listedArticleWhere } from "../../services/shared/visibility.js";
import { namedConnection } from "../shared/connections.js";
import {
  AffiliationConnection,
  affiliationListOptions,
  ParticipantConnection,
  participationListOptions,
} from "../links/types.js";
import { BylineConnection } from "../article/types.js";
import type { Context } from "../../context.js";

builder.prismaNode("Person", {
  ...ENTITY_NODE_OPTIONS,
  description: "A person named in Lede's content: a subject of a story, a source, a journalist or a photographer.",
  fields: (t) => ({
    slug: t.exposeString("slug", { description: "A stable, URL-safe name for the person, e.g. andrei-medvedev." }),
    name: t.exposeString("name", { description: "The name Lede uses for the person." }),
    alternateNames: t.field(
      alternateNamesOptions("Other spellings and transliterations that refer to the same person."),
    ),
    description: t.exposeString("description", { nullable: true, description: "Who the person is, in a sentence." }),
    nationality: t.exposeString("nationality", { nullable: true, description: "The person's nationality, if known." }),
    affiliations: t.relatedConnection(
      "affiliations",
      affiliationListOptions(
        "The organisations the person has belonged to, with role and dates, earliest first.",
        "Only current or only former affiliations (default: both).",
      ),
      AffiliationConnection,
    ),
    participations: t.relatedConnection(
      "participations",
      participationListOptions("The events the person took part in, with their role in each."),
      ParticipantConnection,
    ),
    bylines: t.relatedConnection(
      "bylines",
      pagedById({
        extensions: VIEWER_FILTERED,
        description: "The articles the person is credited on, newest first.",
        query: (_args: object, ctx: Context) => ({
          where: { article: listedArticleWhere(ctx.viewer) },
          orderBy: [{ article: { publishedAt: "desc" as const } }, { id: "asc" as const }],
        }),
      }),
      BylineConnection,
    ),
  }),
});
addEntityRecordFields("Person", "person");

export const PersonConnection = namedConnection(PersonRef, "Person", "people");
