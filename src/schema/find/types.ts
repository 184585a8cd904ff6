// The shapes of a search answer: hits, their highlights, and the facets of the whole result.
import { brandWithType } from "@pothos/core";
import { EventRef, OrganisationRef, PersonRef, PlaceRef } from "../shared/entity-refs.js";
import { builder } from "../../builder.js";
import type { Context } from "../../context.js";
import {
  searchCount,
  type FacetRow,
  type SearchHitRow,
  type SearchKind,
  type SearchRequest,
} from "../../services/search/search.js";
import { ArticleRef } from "../article/types.js";
import { MentionedEntity } from "../links/types.js";
import { HighlightRef, highlightsOf, type Highlight } from "./highlights.js";

export const TYPE_OF_KIND = {
  Article: "ARTICLE",
  Person: "PERSON",
  Organisation: "ORGANISATION",
  Event: "EVENT",
  Place: "PLACE",
} as const satisfies Record<SearchKind, string>;
export type SearchTypeValue = (typeof TYPE_OF_KIND)[SearchKind];
export const KIND_OF_TYPE = Object.fromEntries(Object.entries(TYPE_OF_KIND).map(([k, v]) => [v, k])) as Record<
  SearchTypeValue,
  SearchKind
>;

export const SearchTypeEnum = builder.enumType("SearchType", {
  description: "What a search hit can be.",
  values: {
    ARTICLE: { description: "An article (published ones; every status for editors)." },
    PERSON: { description: "A person, by name, other names and description." },
    ORGANISATION: { description: "An organisation, by name, other names and description." },
    EVENT: { description: "An event, by name and description." },
    PLACE: { description: "A place, by name and description." },
  } as const,
});

export const SearchResult = builder.unionType("SearchResult", {
  description: "Anything a search can find.",
  types: () => [ArticleRef, PersonRef, OrganisationRef, EventRef, PlaceRef],
});

export interface Hit {
  row: SearchHitRow;
  node: object;
  cursor: string;
}

const SearchHitRef = builder.objectRef<Hit>("SearchHit").implement({
  description: "One search result: what was found, how well it matched, and where.",
  fields: (t) => ({
    cursor: t.string({
      description: "Pass as after to get the hits after this one (as before, the hits before it).",
      resolve: (h) => h.cursor,
    }),
    score: t.float({
      description: "How well it matched (higher is better; comparable within one search only).",
      resolve: (h) => h.row.score,
    }),
    node: t.field({ type: SearchResult, description: "The article or entity found.", resolve: (h) => h.node as never }),
    highlights: t.field({
      type: [HighlightRef],
      description: "The fields that matched, as snippets with the matched terms marked.",
      resolve: (h): Highlight[] => highlightsOf(h.row),
    }),
  }),
});

export interface FacetSource {
  rows: () => Promise<FacetRow[]>;
}

const FacetCountRef = builder.objectRef<FacetRow>("FacetCount").implement({
  description: "How many hits share one value.",
  fields: (t) => ({
    value: t.string({
      description: "The value: a section or tag slug, or a month (YYYY-MM).",
      resolve: (f) => f.value,
    }),
    label: t.string({ nullable: true, description: "The section or tag name.", resolve: (f) => f.label }),
    count: t.int({ description: "How many hits have it.", resolve: (f) => f.count }),
  }),
});

const TypeFacetRef = builder.objectRef<FacetRow>("TypeFacet").implement({
  description: "How many hits are of one type.",
  fields: (t) => ({
    type: t.field({
      type: SearchTypeEnum,
      description: "The type.",
      resolve: (f) => TYPE_OF_KIND[f.value as SearchKind],
    }),
    count: t.int({ description: "How many hits are of it.", resolve: (f) => f.count }),
  }),
});

interface EntityFacet {
  entity: object;
  count: number;
}

const EntityFacetRef = builder.objectRef<EntityFacet>("EntityFacet").implement({
  description: "An entity mentioned by the article hits, with how many of them mention it.",
  fields: (t) => ({
    entity: t.field({ type: MentionedEntity, description: "The entity.", resolve: (f) => f.entity as never }),
    count: t.int({ description: "How many article hits mention it.", resolve: (f) => f.count }),
  }),
});

/** The entity facet's rows with their entities, batched per type by the DataLoaders. */
async function entityFacets(rows: FacetRow[], ctx: Context): Promise<EntityFacet[]> {
  const loaded = await Promise.all(
    rows.map(async (row) => {
      const separator = row.value.indexOf(":");
      const kind = row.value.slice(0, separator) as "Person" | "Organisation" | "Event" | "Place";
      const entity = await ctx.loaders.rows[kind].load(row.value.slice(separator + 1));
      if (entity) brandWithType(entity, kind as never);
      return entity ? [{ entity, count: row.count }] : []; // deleted since the count: left out
    }),
  );
  return loaded.flat();
}

const facetsOf = (facet: FacetRow["facet"]) => async (source: FacetSource) =>
  (await source.rows()).filter((row) => row.facet === facet);

const SearchFacetsRef = builder.objectRef<FacetSource>("SearchFacets").implement({
  description: "Counts over every hit of the search (not just this page), computed in one SQL statement.",
  fields: (t) => ({
    types: t.field({ type: [TypeFacetRef], description: "Hits by type.", resolve: facetsOf("type") }),
    sections: t.field({ type: [FacetCountRef], description: "Article hits by section.", resolve: facetsOf("section") }),
    tags: t.field({
      type: [FacetCountRef],
      description: "Article hits by tag, the 20 most frequent.",
      resolve: facetsOf("tag"),
    }),
    months: t.field({
      type: [FacetCountRef],
      description: "Article hits by month of publication.",
      resolve: async (source) => (await facetsOf("month")(source)).sort((a, b) => a.value.localeCompare(b.value)),
    }),
    entities: t.field({
      type: [EntityFacetRef],
      description: "The 20 entities most often mentioned by the article hits.",
      resolve: async (source, _args, ctx) => entityFacets(await facetsOf("entity")(source), ctx),
    }),
  }),
});

export interface SearchResultPage {
  hits: Hit[];
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
  request: SearchRequest;
  facets: FacetSource;
}

export const SearchConnectionRef = builder.objectRef<SearchResultPage>("SearchConnection").implement({
  description: "A page of search hits, best first, with the total and the facets of the whole result.",
  fields: (t) => ({
    edges: t.field({ type: [SearchHitRef], description: "The hits of this page.", resolve: (p) => p.hits }),
    pageInfo: t.field({
      type: builder.pageInfoRef(),
      description: "Where this page sits in the whole result.",
      resolve: (p) => ({
        hasNextPage: p.hasNextPage,
        hasPreviousPage: p.hasPreviousPage,
        startCursor: p.startCursor,
        endCursor: p.endCursor,
      }),
    }),
    totalCount: t.int({
      description: "How many hits the whole result holds.",
      resolve: (p, _args, ctx) => searchCount(ctx, p.request),
    }),
    facets: t.field({ type: SearchFacetsRef, description: "Counts over the whole result.", resolve: (p) => p.facets }),
  }),
});
