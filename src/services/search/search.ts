// Full-text search over articles and entities (SearchDocument, kept by database triggers; see the search_filters
// migration). One statement ranks every hit and returns a keyset page (forwards or backwards) with its highlights;
// one counts; one computes every facet. Scores: SQLite bm25 (negated, so higher is better) with the columns
// weighted title 10, alternate names 8, summary 3, body 1; PostgreSQL ts_rank over the A/A/B/D-weighted tsvector.
import type { Context } from "../../context.js";
import { compileArticleFilter, type ArticleFilter } from "../articles/filter.js";
import { parseSearchQuery, toFts5, toTsquery, type SearchQuery } from "./query.js";
import { keysetAfter, orderByClauseOf, reversed, Sql, type OrderColumn } from "../../platform/sql.js";
import { listedArticleSqlCondition } from "../shared/visibility.js";

export type SearchKind = "Article" | "Person" | "Organisation" | "Event" | "Place";
export const SEARCH_KINDS: SearchKind[] = ["Article", "Person", "Organisation", "Event", "Place"];

/** Marks around matched terms inside the database's highlight output (private-use characters: never in text). */
export const MARK_START = "\uE000";
export const MARK_END = "\uE001";

export interface SearchRequest {
  query: SearchQuery;
  kinds: SearchKind[];
  filter?: ArticleFilter | null;
}

export interface SearchPosition {
  score: number;
  recency: string;
  kind: SearchKind;
  id: string;
}

export interface SearchHitRow extends SearchPosition {
  title: string;
  alias: string;
  summary: string;
  body: string;
}

export function searchRequest(query: string, kinds: SearchKind[] | null | undefined, filter?: ArticleFilter | null) {
  return { query: parseSearchQuery(query), kinds: kinds && kinds.length > 0 ? kinds : SEARCH_KINDS, filter };
}

/** The hits CTE: kind, entityId, score, recency (publication instant as sortable text, '' for entities). */
function hitsCte(ctx: Context, sql: Sql, request: SearchRequest, withScore = true): string {
  const articleVisible = `(${listedArticleSqlCondition(ctx.viewer)})`;
  // written in the order they appear, since SQLite's placeholders are positional
  const conditions = () => {
    const kinds = `d."kind" IN ${sql.list(request.kinds)}`;
    const articleFilter = request.filter ? compileArticleFilter(sql, request.filter, ctx.viewer) : "1 = 1";
    // entities are matched by the query alone; the article filter narrows article hits
    return `${kinds} AND (d."kind" <> 'Article' OR (${articleVisible} AND ${articleFilter}))`;
  };
  const recency =
    sql.provider === "sqlite"
      ? `coalesce(a."publishedAt", '')`
      : `coalesce(to_char(a."publishedAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS'), '')`;
  const join = `LEFT JOIN "Article" a ON d."kind" = 'Article' AND a."id" = d."entityId"`;
  if (sql.provider === "sqlite") {
    const score = withScore ? `, -bm25("SearchIndex", 10.0, 8.0, 3.0, 1.0) AS "score", ${recency} AS "recency"` : "";
    const match = sql.param(toFts5(request.query));
    return `"hits" AS (SELECT d."rowid" AS "rowid", d."kind" AS "kind", d."entityId" AS "entityId"${score} FROM "SearchIndex" JOIN "SearchDocument" d ON d."rowid" = "SearchIndex"."rowid" ${join} WHERE "SearchIndex" MATCH ${match} AND ${conditions()})`;
  }
  const tsquery = toTsquery(request.query, (v) => sql.param(v));
  const score = withScore
    ? `, CAST(ts_rank('{0.1, 0.2, 0.4, 1.0}', d."document", q.query) AS double precision) AS "score", ${recency} AS "recency"`
    : "";
  return `"q" AS (SELECT ${tsquery} AS query), "hits" AS (SELECT d."kind" AS "kind", d."entityId" AS "entityId"${score} FROM "SearchDocument" d CROSS JOIN "q" q ${join} WHERE d."document" @@ q.query AND ${conditions()})`;
}

/** Best first, newer first among equals; kind and id (unique together) make the order total, so a cursor is a place. */
const HIT_ORDER: OrderColumn[] = [
  { expression: `h."score"`, descending: true },
  { expression: `h."recency"`, descending: true },
  { expression: `h."kind"`, descending: false },
  { expression: `h."entityId"`, descending: false },
];

/**
 * The cursor's place as this statement ranks it: its hit's score and recency computed now, in the same statement as
 * the page. A score carried in the cursor is a snapshot, and SQLite's bm25 depends on the whole index (how many
 * documents, how long on average), so any write between two pages moves every score a little: compared with the
 * snapshot, the next page skipped hits or started again among those already seen (with first: 1, for ever). The
 * cursor's own values serve only when its hit has left the result since.
 */
function cursorCte(sql: Sql, position: SearchPosition): string {
  const score =
    sql.provider === "postgresql" ? sql.float(position.score) : `CAST(${sql.param(position.score)} AS REAL)`;
  const text = (value: string) => `CAST(${sql.param(value)} AS TEXT)`;
  const given = `SELECT ${score} AS "score", ${text(position.recency)} AS "recency", ${text(position.kind)} AS "kind", ${text(position.id)} AS "entityId"`;
  return `"cursor" AS (SELECT coalesce(c."score", p."score") AS "score", coalesce(c."recency", p."recency") AS "recency", p."kind" AS "kind", p."entityId" AS "entityId" FROM (${given}) p LEFT JOIN "hits" c ON c."kind" = p."kind" AND c."entityId" = p."entityId")`;
}

export interface SearchPageRequest {
  /** How many hits at most (the resolver asks for one more than it shows, to know whether there are more). */
  limit: number;
  /** The hits after this place (before it, backwards); none: from the start (the end, backwards). */
  cursor?: SearchPosition;
  /** The hits before the cursor, nearest first in the statement; returned in the search's order all the same. */
  backwards?: boolean;
}

/** One page of hits, best first, with the text of each document marked where it matched. */
export async function searchPage(
  ctx: Context,
  request: SearchRequest,
  page: SearchPageRequest,
): Promise<SearchHitRow[]> {
  const sql = new Sql(ctx.db.provider);
  const columns = page.backwards ? reversed(HIT_ORDER) : HIT_ORDER;
  const order = orderByClauseOf(columns);
  // each placeholder bound where it appears (SQLite's are positional)
  let ctes = hitsCte(ctx, sql, request);
  let from = `"hits" h`;
  let keyset = "1 = 1";
  if (page.cursor) {
    ctes += `, ${cursorCte(sql, page.cursor)}`;
    from += ` CROSS JOIN "cursor" k`;
    keyset = keysetAfter(columns, [`k."score"`, `k."recency"`, `k."kind"`, `k."entityId"`]);
  }
  ctes += `, "page" AS (SELECT h.* FROM ${from} WHERE ${keyset} ORDER BY ${order} LIMIT ${sql.param(page.limit)})`;
  let statement: string;
  if (sql.provider === "sqlite") {
    const mark = (column: number, snippet: boolean) =>
      snippet
        ? `snippet("SearchIndex", ${column}, '${MARK_START}', '${MARK_END}', '…', 24)`
        : `highlight("SearchIndex", ${column}, '${MARK_START}', '${MARK_END}')`;
    statement = `WITH ${ctes} SELECT h."kind", h."entityId", h."score", h."recency", ${mark(0, false)} AS "title", ${mark(1, false)} AS "alias", ${mark(2, true)} AS "summary", ${mark(3, true)} AS "body" FROM "page" h JOIN "SearchIndex" ON "SearchIndex"."rowid" = h."rowid" WHERE "SearchIndex" MATCH ${sql.param(toFts5(request.query))} ORDER BY ${order}`;
  } else {
    const headline = (column: string, fragments: boolean) =>
      `ts_headline('english', d."${column}", q.query, '${fragments ? "MaxFragments=2, MaxWords=24, MinWords=8, " : "HighlightAll=true, "}StartSel=${MARK_START}, StopSel=${MARK_END}, FragmentDelimiter=…')`;
    statement = `WITH ${ctes} SELECT h."kind", h."entityId", h."score", h."recency", ${headline("title", false)} AS "title", ${headline("alias", false)} AS "alias", ${headline("summary", true)} AS "summary", ${headline("body", true)} AS "body" FROM "page" h JOIN "SearchDocument" d ON d."kind" = h."kind" AND d."entityId" = h."entityId" CROSS JOIN "q" q ORDER BY ${order}`;
  }
  const rows = await ctx.prisma.$queryRawUnsafe<Record<string, unknown>[]>(statement, ...sql.params);
  const hits = rows.map((row) => ({
    kind: row.kind as SearchKind,
    id: String(row.entityId),
    score: Number(row.score),
    recency: String(row.recency),
    title: String(row.title ?? ""),
    alias: String(row.alias ?? ""),
    summary: String(row.summary ?? ""),
    body: String(row.body ?? ""),
  }));
  return page.backwards ? hits.reverse() : hits;
}

export async function searchCount(ctx: Context, request: SearchRequest): Promise<number> {
  const sql = new Sql(ctx.db.provider);
  const statement = `WITH ${hitsCte(ctx, sql, request, false)} SELECT CAST(count(*) AS INTEGER) AS "n" FROM "hits"`;
  const rows = await ctx.prisma.$queryRawUnsafe<{ n: number | bigint }[]>(statement, ...sql.params);
  return Number(rows[0]?.n ?? 0);
}

export interface FacetRow {
  facet: "type" | "section" | "tag" | "month" | "entity";
  value: string;
  label: string | null;
  count: number;
}

export const FACET_LIMIT = 20;

/** Every facet of the whole result in one statement: counts by type, section, tag, month and mentioned entity. */
export async function searchFacets(ctx: Context, request: SearchRequest): Promise<FacetRow[]> {
  const sql = new Sql(ctx.db.provider);
  const hits = hitsCte(ctx, sql, request, false);
  const articles = `"hits" h JOIN "Article" a ON h."kind" = 'Article' AND a."id" = h."entityId"`;
  const month = sql.month(`a."publishedAt"`);
  const entity = `CASE WHEN m."personId" IS NOT NULL THEN 'Person:' || m."personId" WHEN m."organisationId" IS NOT NULL THEN 'Organisation:' || m."organisationId" WHEN m."eventId" IS NOT NULL THEN 'Event:' || m."eventId" ELSE 'Place:' || m."placeId" END`;
  const limit = sql.param(FACET_LIMIT);
  const limit2 = sql.param(FACET_LIMIT);
  const n = `CAST(count(*) AS INTEGER)`;
  const statement = `WITH ${hits}
    SELECT 'type' AS "facet", h."kind" AS "value", NULL AS "label", ${n} AS "count" FROM "hits" h GROUP BY h."kind"
    UNION ALL SELECT 'section', s."slug", s."name", ${n} FROM ${articles} JOIN "Section" s ON s."id" = a."sectionId" GROUP BY s."slug", s."name"
    UNION ALL SELECT * FROM (SELECT 'tag' AS "facet", t."slug" AS "value", t."name" AS "label", ${n} AS "count" FROM ${articles} JOIN "ArticleTag" at ON at."articleId" = a."id" JOIN "Tag" t ON t."id" = at."tagId" GROUP BY t."slug", t."name" ORDER BY 4 DESC, 2 ASC LIMIT ${limit}) tags
    UNION ALL SELECT 'month', ${month}, NULL, ${n} FROM ${articles} WHERE a."publishedAt" IS NOT NULL GROUP BY ${month}
    UNION ALL SELECT * FROM (SELECT 'entity' AS "facet", ${entity} AS "value", NULL AS "label", ${n} AS "count" FROM ${articles} JOIN "Mention" m ON m."articleId" = a."id" GROUP BY ${entity} ORDER BY 4 DESC, 2 ASC LIMIT ${limit2}) entities`;
  const rows = await ctx.prisma.$queryRawUnsafe<Record<string, unknown>[]>(statement, ...sql.params);
  return rows.map((row) => ({
    facet: row.facet as FacetRow["facet"],
    value: String(row.value),
    label: row.label == null ? null : String(row.label),
    count: Number(row.count),
  }));
}
