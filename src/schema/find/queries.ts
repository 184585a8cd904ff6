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
import { checkPageSize, OWN_CURSORS } from "../shared/argument-guards.js";
import { ArticleFilterInput } from "./filters.js";
import { KIND_OF_TYPE, SearchConnectionRef, SearchTypeEnum, type Hit, type SearchTypeValue } from "./types.js";

export function encodeSearchCursor(position: SearchPosition): string {
  return Buffer.from(JSON.stringify([position.score, position.recency, position.kind, position.id])).toString(
    "base64url",
  );
}

export function decodeSearchCursor(cursor: string, argument: "after" | "before" = "after"): SearchPosition {
  const fail = () => new BadUserInputError(`${argument} is not a cursor this search handed out`, argument);
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
    // deleted between the two statements: the hit is dropped rather than shown empty (the page's cursors still
    // come from every row, so the next page starts after it)
    return node ? [{ row, node, cursor: encodeSearchCursor(row) }] : [];
  });
}

/** first/after or last/before (not both): how many hits, which way, from where. */
function pageOf(args: { first?: number | null; after?: string | null; last?: number | null; before?: string | null }) {
  checkPageSize(args);
  const backwards = args.last != null || args.before != null;
  if (backwards && (args.first != null || args.after != null)) {
    const name = args.first != null ? "first" : "after";
    throw new BadUserInputError(`${name} pages forwards and last/before backwards: pass one pair, not both`, name);
  }
  const size = (backwards ? args.last : args.first) ?? DEFAULT_PAGE_SIZE;
  const cursor = backwards ? args.before : args.after;
  return {
    size,
    backwards,
    cursor: cursor == null ? undefined : decodeSearchCursor(cursor, backwards ? "before" : "after"),
  };
}

builder.queryField("search", (t) =>
  t.field({
    type: SearchConnectionRef,
    // cursors of its own (a hit's place in the ranking), not Pothos' list cursors
    extensions: OWN_CURSORS,
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
      last: t.arg.int({
        required: false,
        description: `Paging backwards: how many hits to return before \`before\` (or the last ones; default ${DEFAULT_PAGE_SIZE}, at most 100).`,
      }),
      before: t.arg.string({ required: false, description: "Return the hits before this cursor." }),
    },
    resolve: async (_root, args, ctx, info) => {
      const { size, backwards, cursor } = pageOf(args);
      const kinds = args.types?.map((type) => KIND_OF_TYPE[type as SearchTypeValue]);
      const request = searchRequest(args.query, kinds, args.filter as ArticleFilter | null | undefined);
      const fetched = size === 0 ? [] : await searchPage(ctx, request, { limit: size + 1, cursor, backwards });
      // one row more than the page tells whether there are more: the farthest from the cursor
      const more = fetched.length > size;
      const rows = more ? (backwards ? fetched.slice(1) : fetched.slice(0, size)) : fetched;
      let facetRows: Promise<FacetRow[]> | undefined;
      return {
        hits: await loadHits(ctx, info, rows),
        // a cursor stands for a hit on the other side (Relay lets a server answer so)
        hasNextPage: backwards ? cursor !== undefined : more,
        hasPreviousPage: backwards ? more : cursor !== undefined,
        startCursor: rows[0] ? encodeSearchCursor(rows[0]) : null,
        endCursor: rows.length > 0 ? encodeSearchCursor(rows.at(-1)!) : null,
        request,
        facets: { rows: () => (facetRows ??= searchFacets(ctx, request)) },
      };
    },
  }),
);
