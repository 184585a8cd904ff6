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
  searchFacets,
  searchPage,
  searchRequest,
  SEARCH_KINDS,
  type FacetRow,
  type SearchHitRow,
  type SearchKind,
  type SearchPosition,
} from "../../services/search/search.js";
import { checkPageSize } from "../shared/argument-guards.js";
import { ArticleFilterInput } from "./filters.js";
import { KIND_OF_TYPE, SearchConnectionRef, SearchTypeEnum, type Hit, type SearchTypeValue } from "./types.js";

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
