// Walking the graph: who is named alongside whom (coMentioned), which articles share the most entities
// (relatedArticles), who belongs to an organisation now or did before (members / affiliations by status), and the
// entries of an entity's timeline.
import { brandWithType } from "@pothos/core";
import type { GraphQLResolveInfo } from "graphql";
import { EventRef, OrganisationRef, PersonRef, PlaceRef } from "../shared/entity-refs.js";
import { builder } from "../../builder.js";
import type { Context } from "../../context.js";
import { loadCoMentioned, loadRelatedArticles } from "../../services/graph/loaders.js";
import {
  ENTITY_TYPENAME,
  rankedLimit,
  type CoMention,
  type EntityKind,
  type EntityRef,
} from "../../services/graph/graph.js";
import type { TimelineEntry } from "../../services/graph/timeline.js";
import { ArticleRef } from "../article/types.js";
import { EntityTypeEnum } from "../shared/enums.js";
import { PartialDateRef, partialDate } from "../shared/dates.js";
import { MentionedEntity } from "../links/types.js";
import { linkedRow } from "../shared/linked-rows.js";

/** Loads an entity named by kind and row id (batched with the root field's other links), branded for the
 * MentionedEntity union. */
export async function loadEntity(ctx: Context, info: GraphQLResolveInfo, entity: EntityRef): Promise<object> {
  const typename = ENTITY_TYPENAME[entity.kind];
  const row = await linkedRow(ctx, info, typename, entity.id);
  brandWithType(row, typename as never);
  return row;
}

const CoMentionRef = builder.objectRef<CoMention>("CoMention").implement({
  description: "An entity mentioned in the same articles as another, and how often.",
  fields: (t) => ({
    entity: t.field({
      type: MentionedEntity,
      description: "The entity mentioned alongside.",
      resolve: (co, _args, ctx, info) => loadEntity(ctx, info, co.entity) as never,
    }),
    articleCount: t.int({
      description: "In how many (published) articles both are mentioned.",
      resolve: (co) => co.articleCount,
    }),
    lastMentionedAt: t.field({
      type: "DateTime",
      nullable: true,
      description: "When the most recent of those articles was published.",
      resolve: (co) => co.lastMentionedAt,
    }),
  }),
});

const ENTITY_REFS = { PERSON: PersonRef, ORGANISATION: OrganisationRef, EVENT: EventRef, PLACE: PlaceRef };

function coMentionedField(kind: EntityKind, noun: string) {
  return builder.objectField(ENTITY_REFS[kind] as typeof PersonRef, "coMentioned", (t) =>
    t.field({
      type: [CoMentionRef],
      description:
        `The entities most often mentioned in the same articles as this ${noun}, with how many articles they ` +
        "share; ties go to the more recent shared article.",
      args: {
        first: t.arg.int({ required: false, description: "How many to return (default 10, at most 100)." }),
        type: t.arg({ type: EntityTypeEnum, required: false, description: "Only entities of this kind." }),
      },
      resolve: (entity, args, ctx) =>
        loadCoMentioned(ctx, kind, entity.id, {
          limit: rankedLimit(args.first),
          only: args.type ?? null,
        }),
    }),
  );
}
coMentionedField("PERSON", "person");
coMentionedField("ORGANISATION", "organisation");
coMentionedField("EVENT", "event");
coMentionedField("PLACE", "place");

interface Related {
  articleId: string;
  sharedEntities: number;
}

const RelatedArticleRef = builder.objectRef<Related>("RelatedArticle").implement({
  description: "An article that mentions some of the same entities as another.",
  fields: (t) => ({
    article: t.field({
      type: ArticleRef,
      description: "The related article.",
      resolve: (related, _args, ctx, info) => linkedRow(ctx, info, "Article", related.articleId),
    }),
    sharedEntities: t.int({
      description: "How many of the same people, organisations, events and places both articles mention.",
      resolve: (related) => related.sharedEntities,
    }),
  }),
});

builder.objectField(ArticleRef, "relatedArticles", (t) =>
  t.field({
    type: [RelatedArticleRef],
    description:
      "Other articles ranked by how many entities they share with this one; ties go to the newer article. " +
      "Readers see published articles only.",
    args: { first: t.arg.int({ required: false, description: "How many to return (default 5, at most 100)." }) },
    resolve: (article, args, ctx) => loadRelatedArticles(ctx, article.id, rankedLimit(args.first, 5)),
  }),
);

export const TimelineKindEnum = builder.enumType("TimelineItemKind", {
  description: "What a timeline entry is.",
  values: {
    EVENT: { description: "An event the entity is part of (or, for a place, that happened there)." },
    ARTICLE: { description: "A published article that mentions the entity." },
  } as const,
});

const TimelineItem = builder.unionType("TimelineItem", {
  description: "An entry of a timeline: an event or an article.",
  types: () => [EventRef, ArticleRef],
});

export const TimelineEntryRef = builder.objectRef<TimelineEntry>("TimelineEntry").implement({
  description: "One entry of an entity's timeline, with the date it sorts by.",
  fields: (t) => ({
    kind: t.field({ type: TimelineKindEnum, description: "Event or article.", resolve: (e) => e.kind }),
    date: t.field({
      type: PartialDateRef,
      description: "When: an event's start to the precision it is known, an article's publication (to the day).",
      resolve: (e) =>
        e.kind === "EVENT"
          ? partialDate(e.event.startsAt, e.event.startPrecision)!
          : { at: e.article.publishedAt!, precision: "DAY" as const },
    }),
    endDate: t.field({
      type: PartialDateRef,
      nullable: true,
      description: "When an event that lasted ended, if known; null for articles.",
      resolve: (e) => (e.kind === "EVENT" ? partialDate(e.event.endsAt, e.event.endPrecision) : null),
    }),
    item: t.field({
      type: TimelineItem,
      description: "The event or the article.",
      resolve: (e) => {
        const row = e.kind === "EVENT" ? e.event : e.article;
        brandWithType(row, e.kind === "EVENT" ? ("Event" as never) : ("Article" as never));
        return row as never;
      },
    }),
    salience: t.float({
      nullable: true,
      description: "For an article, how central the entity is to it (0–1); null for events.",
      resolve: (e) => (e.kind === "ARTICLE" ? e.salience : null),
    }),
  }),
});
