// Query.search: ranked hits over articles and entities, with highlights and the facets of the whole result.
import { brandWithType } from "@pothos/core";
import { queryFromInfo } from "@pothos/plugin-prisma";
import type { GraphQLResolveInfo } from "graphql";
import { builder } from "../../builder.js";
import { DEFAULT_PAGE_SIZE } from "../shared/page-size.js";
import type { Context } from "../../context.js";
import { BadUserInputError } from "../../errors.js";
import type { ArticleFilter } from "../../services/articles/filter.js";
import {
  searchCount,
  searchFacets,
  searchPage,
  searchRequest,
  SEARCH_KINDS,
  type FacetRow,
  type SearchHitRow,
  type SearchKind,
  type SearchPosition,
  type SearchRequest,
} from "../../services/search/search.js";
import { checkPageSize } from "../shared/argument-guards.js";
import { ArticleRef } from "../article/types.js";
import { EventRef } from "../event/types.js";
import { MentionedEntity } from "../links/types.js";
import { OrganisationRef } from "../organisation/types.js";
import { PersonRef } from "../person/types.js";
import { PlaceRef } from "../place/types.js";
import { ArticleFilterInput } from "./filters.js";
import { HighlightRef, highlightsOf, type Highlight } from "./highlights.js";

const TYPE_OF_KIND = {
  Article: "ARTICLE",
  Person: "PERSON",
  Organisation: "ORGANISATION",
  Event: "EVENT",
  Place: "PLACE",
} as const satisfies Record<SearchKind, string>;
type SearchTypeValue = (typeof TYPE_OF_KIND)[SearchKind];
const KIND_OF_TYPE = Object.fromEntries(Object.entries(TYPE_OF_KIND).map(([k, v]) => [v, k])) as Record<
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

interface Hit {
  row: SearchHitRow;
  node: object;
  cursor: string;
}

const SearchHitRef = builder.objectRef<Hit>("SearchHit").implement({
  description: "One search result: what was found, how well it matched, and where.",
  fields: (t) => ({
    cursor: t.string({ description: "Pass as after to get the hits after this one.", resolve: (h) => h.cursor }),
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

interface FacetSource {
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
      const entity = await ctx.loaders.nodes[kind].load(row.value.slice(separator + 1));
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

interface SearchResultPage {
  hits: Hit[];
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  request: SearchRequest;
  facets: FacetSource;
}

const SearchConnectionRef = builder.objectRef<SearchResultPage>("SearchConnection").implement({
  description: "A page of search hits, best first, with the total and the facets of the whole result.",
  fields: (t) => ({
    edges: t.field({ type: [SearchHitRef], description: "The hits of this page.", resolve: (p) => p.hits }),
    pageInfo: t.field({
      type: builder.pageInfoRef(),
      description: "Where this page sits in the whole result.",
      resolve: (p) => ({
        hasNextPage: p.hasNextPage,
        hasPreviousPage: p.hasPreviousPage,
        startCursor: p.hits[0]?.cursor ?? null,
        endCursor: p.hits.at(-1)?.cursor ?? null,
      }),
    }),
    totalCount: t.int({
      description: "How many hits the whole result holds.",
      resolve: (p, _args, ctx) => searchCount(ctx, p.request),
    }),
    facets: t.field({ type: SearchFacetsRef, description: "Counts over the whole result.", resolve: (p) => p.facets }),
  }),
});

export function encodeSearchCursor(position: SearchPosition): string {
  return Buffer.from(JSON.stringify([position.score, position.recency, position.kind, position.id])).toString(
    "base64url",
  );
}

export function decodeSearchCursor(cursor: string): SearchPosition {
  const fail = () => new BadUserInputError("after is not a cursor this search handed out", "after");
  if (cursor.length > 800 || !/^[A-Za-z0-9_-]+$/.test(cursor)) throw fail();
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw fail();
  }
  if (!Array.isArray(value) || value.length !== 4) throw fail();
  const [score, recency, kind, id] = value as unknown[];
  if (typeof score !== "number" || !Number.isFinite(score)) throw fail();
  if (typeof recency !== "string" || recency.length > 40 || /[\u0000-\u001f]/.test(recency)) throw fail();
  if (typeof kind !== "string" || !SEARCH_KINDS.includes(kind as SearchKind)) throw fail();
  if (typeof id !== "string" || id.length === 0 || id.length > 300 || /[\u0000-\u001f]/.test(id)) throw fail();
  return { score, recency, kind: kind as SearchKind, id };
}

interface Delegate {
  findMany(args: object): Promise<{ id: string }[]>;
}

/** One findMany per type on the page, each with the selection the query asks of that type under edges.node. */
async function loadHits(ctx: Context, info: GraphQLResolveInfo, rows: SearchHitRow[]): Promise<Hit[]> {
  const delegates: Record<SearchKind, Delegate> = {
    Article: ctx.prisma.article as unknown as Delegate,
    Person: ctx.prisma.person as unknown as Delegate,
    Organisation: ctx.prisma.organisation as unknown as Delegate,
    Event: ctx.prisma.event as unknown as Delegate,
    Place: ctx.prisma.place as unknown as Delegate,
  };
  const kinds = [...new Set(rows.map((row) => row.kind))];
  const loaded = new Map<string, object>();
  await Promise.all(
    kinds.map(async (kind) => {
      const query = queryFromInfo({ context: ctx, info, typeName: kind, path: ["edges", "node"] });
      const ids = rows.filter((row) => row.kind === kind).map((row) => row.id);
      for (const node of await delegates[kind].findMany({ ...query, where: { id: { in: ids } } })) {
        brandWithType(node, kind as never);
        loaded.set(`${kind}:${node.id}`, node);
      }
    }),
  );
  return rows.flatMap((row) => {
    const node = loaded.get(`${row.kind}:${row.id}`);
    // deleted between the two statements: the hit is dropped rather than shown empty
    return node ? [{ row, node, cursor: encodeSearchCursor(row) }] : [];
  });
}

builder.queryField("search", (t) =>
  t.field({
    type: SearchConnectionRef,
    description:
      'Full-text search over articles, people, organisations, events and places, best match first (newer first among equals). Syntax: words (all must match), "quoted phrases", -excluded, OR between alternatives, prefix*; other names of people and organisations match too.',
    args: {
      query: t.arg.string({ required: true, description: "What to look for (1–1000 characters)." }),
      types: t.arg({
        type: [SearchTypeEnum],
        required: false,
        description: "Only hits of these types (default: all).",
      }),
      filter: t.arg({
        type: ArticleFilterInput,
        required: false,
        description: "Narrows the article hits (entities are matched by the query alone).",
      }),
      first: t.arg.int({
        required: false,
        description: `How many hits to return (default ${DEFAULT_PAGE_SIZE}, at most 100).`,
      }),
      after: t.arg.string({ required: false, description: "Return the hits after this cursor." }),
    },
    resolve: async (_root, args, ctx, info) => {
      checkPageSize({ first: args.first });
      const first = args.first ?? DEFAULT_PAGE_SIZE;
      const after = args.after == null ? undefined : decodeSearchCursor(args.after);
      const kinds = args.types?.map((type) => KIND_OF_TYPE[type as SearchTypeValue]);
      const request = searchRequest(args.query, kinds, args.filter as ArticleFilter | null | undefined);
      const rows = first === 0 ? [] : await searchPage(ctx, request, first + 1, after);
      const hits = await loadHits(ctx, info, rows.slice(0, first));
      let facetRows: Promise<FacetRow[]> | undefined;
      return {
        hits,
        hasNextPage: rows.length > first,
        hasPreviousPage: after !== undefined,
        request,
        facets: { rows: () => (facetRows ??= searchFacets(ctx, request)) },
      };
    },
  }),
);
