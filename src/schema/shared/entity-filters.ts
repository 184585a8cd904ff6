// Filters of the entity root lists (people, organisations, events, places): what fits each type, plus where and
// when they are mentioned. Each becomes a Prisma where over indexed columns (kind, country, place, parent,
// nationality, startsAt, and Mention's per-entity indexes joined to Article's section and publication indexes).
import { builder } from "../../builder.js";
import type { Context } from "../../context.js";
import { BadUserInputError } from "../../errors.js";
import type { Prisma as P } from "../../generated/prisma/client.js";
import { decodeGlobalIdOf } from "../../global-id.js";
import type { DateRange } from "../../services/articles/filter.js";
import { listedArticleWhere } from "../../services/shared/visibility.js";
import { EventKindEnum, OrganisationKindEnum, PlaceKindEnum } from "./enums.js";
import { DateRangeInput } from "./dates.js";

type EntityType = "Person" | "Organisation" | "Event" | "Place";

interface MentionedFilter {
  mentionedInSection?: string | null;
  mentionedBetween?: DateRange | null;
}

function range(value: DateRange | null | undefined, path: string): { gte?: Date; lt?: Date } | undefined {
  if (!value) return undefined;
  if (value.from && value.to && value.from > value.to) {
    throw new BadUserInputError(`${path}.from must not be after ${path}.to`, path);
  }
  return { ...(value.from ? { gte: value.from } : {}), ...(value.to ? { lt: value.to } : {}) };
}

/** "Mentioned by a listed article in this section / published in this span". */
function mentionedWhere(filter: MentionedFilter, ctx: Context): object {
  if (filter.mentionedInSection == null && filter.mentionedBetween == null) return {};
  const article: P.ArticleWhereInput = { ...listedArticleWhere(ctx.viewer) };
  if (filter.mentionedInSection != null) article.section = { slug: filter.mentionedInSection };
  const published = range(filter.mentionedBetween, "filter.mentionedBetween");
  if (published) article.publishedAt = published;
  return { mentions: { some: { article } } };
}

type FieldBuilder = Parameters<Parameters<typeof builder.inputType>[1]["fields"]>[0];

const mentionFields = (t: FieldBuilder) => ({
  mentionedInSection: t.string({
    required: false,
    description: "Only those mentioned by a published article in the section with this slug.",
  }),
  mentionedBetween: t.field({
    type: DateRangeInput,
    required: false,
    description: "Only those mentioned by an article published in this span.",
  }),
});

const PersonFilter = builder.inputType("PersonFilter", {
  description: "Which people to list; every field given must hold.",
  fields: (t) => ({
    nationality: t.string({ required: false, description: "Only people of this nationality (as recorded)." }),
    affiliatedWith: t.id({
      required: false,
      description: "Only people who belonged to this organisation (an Organisation id).",
    }),
    ...mentionFields(t),
  }),
});

const OrganisationFilter = builder.inputType("OrganisationFilter", {
  description: "Which organisations to list; every field given must hold.",
  fields: (t) => ({
    kind: t.field({ type: [OrganisationKindEnum], required: false, description: "Only organisations of these kinds." }),
    country: t.id({ required: false, description: "Only organisations based in this country (a Place id)." }),
    ...mentionFields(t),
  }),
});

const EventFilter = builder.inputType("EventFilter", {
  description: "Which events to list; every field given must hold.",
  fields: (t) => ({
    kind: t.field({ type: [EventKindEnum], required: false, description: "Only events of these kinds." }),
    place: t.id({ required: false, description: "Only events at this place (a Place id)." }),
    startsAt: t.field({ type: DateRangeInput, required: false, description: "Only events that began in this span." }),
    participant: t.id({ required: false, description: "Only events this person or organisation took part in." }),
    ...mentionFields(t),
  }),
});

const PlaceFilter = builder.inputType("PlaceFilter", {
  description: "Which places to list; every field given must hold.",
  fields: (t) => ({
    kind: t.field({ type: [PlaceKindEnum], required: false, description: "Only places of these kinds." }),
    parent: t.id({ required: false, description: "Only places directly inside this one (a Place id)." }),
    ...mentionFields(t),
  }),
});

type Filter = MentionedFilter & Record<string, unknown>;

const id = (value: unknown, type: string | string[], field: string) =>
  decodeGlobalIdOf(value as string, type, `filter.${field}`);

const WHERE: Record<EntityType, (f: Filter, ctx: Context) => object> = {
  Person: (f) => ({
    ...(f.nationality != null ? { nationality: f.nationality } : {}),
    ...(f.affiliatedWith != null
      ? { affiliations: { some: { organisationId: id(f.affiliatedWith, "Organisation", "affiliatedWith") } } }
      : {}),
  }),
  Organisation: (f) => ({
    ...(f.kind ? { kind: { in: f.kind } } : {}),
    ...(f.country != null ? { countryId: id(f.country, "Place", "country") } : {}),
  }),
  Event: (f) => {
    const startsAt = range(f.startsAt as DateRange | null, "filter.startsAt");
    let participant = {};
    if (f.participant != null) {
      const actor = id(f.participant, ["Person", "Organisation"], "participant");
      participant = { participants: { some: { OR: [{ personId: actor }, { organisationId: actor }] } } };
    }
    return {
      ...(f.kind ? { kind: { in: f.kind } } : {}),
      ...(f.place != null ? { placeId: id(f.place, "Place", "place") } : {}),
      ...(startsAt ? { startsAt } : {}),
      ...participant,
    };
  },
  Place: (f) => ({
    ...(f.kind ? { kind: { in: f.kind } } : {}),
    ...(f.parent != null ? { parentId: id(f.parent, "Place", "parent") } : {}),
  }),
};

export const ENTITY_FILTERS = {
  Person: PersonFilter,
  Organisation: OrganisationFilter,
  Event: EventFilter,
  Place: PlaceFilter,
};

/** The Prisma where of an entity list's filter argument. */
export function entityWhere(type: EntityType, filter: Filter | null | undefined, ctx: Context): object {
  if (!filter) return {};
  return { AND: [WHERE[type](filter, ctx), mentionedWhere(filter, ctx)] };
}
