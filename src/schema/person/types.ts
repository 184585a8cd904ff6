// People: who they are, the names they go by, where they worked, what they took part in, where they are mentioned.
import { PersonRef } from "../shared/entity-refs.js";
import { builder } from "../../builder.js";
import { VIEWER_FILTERED, maxAge } from "../shared/cache-facts.js";
import { listedArticleWhere } from "../../services/shared/visibility.js";
import { namedConnection } from "../shared/connections.js";
import {
  AffiliationConnection,
  affiliationsQuery,
  AffiliationStatusEnum,
  MentionConnection,
  mentionedInOptions,
  ParticipantConnection,
} from "../links/types.js";
import { BylineConnection } from "../article/types.js";

builder.prismaNode("Person", {
  // the graph of entities changes seldom
  extensions: maxAge(300_000),
  id: { field: "id" },
  description: "A person named in Lede's content: a subject of a story, a source, a journalist or a photographer.",
  fields: (t) => ({
    slug: t.exposeString("slug", { description: "A stable, URL-safe name for the person, e.g. andrei-medvedev." }),
    name: t.exposeString("name", { description: "The name Lede uses for the person." }),
    alternateNames: t.field({
      type: ["String"],
      description: "Other spellings and transliterations that refer to the same person.",
      select: { alternateNames: { select: { name: true }, orderBy: { name: "asc" } } },
      resolve: (person) => person.alternateNames.map((n) => n.name),
    }),
    description: t.exposeString("description", { nullable: true, description: "Who the person is, in a sentence." }),
    nationality: t.exposeString("nationality", { nullable: true, description: "The person's nationality, if known." }),
    affiliations: t.relatedConnection(
      "affiliations",
      {
        description: "The organisations the person has belonged to, with role and dates, earliest first.",
        args: {
          status: t.arg({
            type: AffiliationStatusEnum,
            required: false,
            description: "Only current or only former affiliations (default: both).",
          }),
        },
        query: affiliationsQuery,
        cursor: "id",
        totalCount: true,
      },
      AffiliationConnection,
    ),
    participations: t.relatedConnection(
      "participations",
      {
        description: "The events the person took part in, with their role in each.",
        query: { orderBy: [{ event: { startsAt: "asc" } }, { id: "asc" }] },
        cursor: "id",
        totalCount: true,
      },
      ParticipantConnection,
    ),
    bylines: t.relatedConnection(
      "bylines",
      {
        extensions: VIEWER_FILTERED,
        description: "The articles the person is credited on, newest first.",
        query: (_args, ctx) => ({
          where: { article: listedArticleWhere(ctx.viewer) },
          orderBy: [{ article: { publishedAt: "desc" } }, { id: "asc" }],
        }),
        cursor: "id",
        totalCount: true,
      },
      BylineConnection,
    ),
    mentionedIn: t.relatedConnection("mentions", mentionedInOptions("person"), MentionConnection),
    createdAt: t.expose("createdAt", { type: "DateTime", description: "When the record was created." }),
    updatedAt: t.expose("updatedAt", { type: "DateTime", description: "When the record last changed." }),
  }),
});

export const PersonConnection = namedConnection(PersonRef, "Person", "people");
