// Full-text search over articles and entities (SearchDocument, kept by database triggers; see the search_filters
// migration). One statement ranks every hit and returns a keyset page with its highlights; one counts; one
// computes every facet. Scores: SQLite bm25 (negated, so higher is better) with the columns weighted title 10,
// alternate names 8, summary 3, body 1; PostgreSQL ts_rank over the A/A/B/D-weighted tsvector.
import type { Context } from "../../context.js";
import { compileArticleFilter, type ArticleFilter } from "../articles/filter.js";
import { parseSearchQuery, toFts5, toTsquery, type SearchQuery } from "./query.js";
import { Sql } from "../../platform/sql.js";
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

const HIT_ORDER = `h."score" DESC, h."recency" DESC, h."kind" ASC, h."entityId" ASC`;

/** One page of hits after `after`, best first, with the text of each document marked where it matched. */
export async function searchPage(
  ctx: Context,
  request: SearchRequest,
  limit: number,
  after?: SearchPosition,
): Promise<SearchHitRow[]> {
  const sql = new Sql(ctx.db.provider);
  const hits = hitsCte(ctx, sql, request);
  let keyset = "1 = 1";
  if (after) {
    // each placeholder bound where it appears (SQLite's are positional)
    const s = () => sql.float(after.score);
    const r = () => sql.param(after.recency);
    const k = () => sql.param(after.kind);
    keyset = `(h."score" < ${s()} OR (h."score" = ${s()} AND (h."recency" < ${r()} OR (h."recency" = ${r()} AND (h."kind" > ${k()} OR (h."kind" = ${k()} AND h."entityId" > ${sql.param(after.id)}))))))`;
  }
  const page = `"page" AS (SELECT h.* FROM "hits" h WHERE ${keyset} ORDER BY ${HIT_ORDER} LIMIT ${sql.param(limit)})`;
  let statement: string;
  if (sql.provider === "sqlite") {
    const mark = (column: number, snippet: boolean) =>
      snippet
        ? `snippet("SearchIndex", ${column}, '${MARK_START}', '${MARK_END}', '…', 24)`
        : `highlight("SearchIndex", ${column}, '${MARK_START}', '${MARK_END}')`;
    statement = `WITH ${hits}, ${page} SELECT h."kind", h."entityId", h."score", h."recency", ${mark(0, false)} AS "title", ${mark(1, false)} AS "alias", ${mark(2, true)} AS "summary", ${mark(3, true)} AS "body" FROM "page" h JOIN "SearchIndex" ON "SearchIndex"."rowid" = h."rowid" WHERE "SearchIndex" MATCH ${sql.param(toFts5(request.query))} ORDER BY ${HIT_ORDER}`;
  } else {
    const headline = (column: string, fragments: boolean) =>
      `ts_headline('english', d."${column}", q.query, '${fragments ? "MaxFragments=2, MaxWords=24, MinWords=8, " : "HighlightAll=true, "}StartSel=${MARK_START}, StopSel=${MARK_END}, FragmentDelimiter=…')`;
    statement = `WITH ${hits}, ${page} SELECT h."kind", h."entityId", h."score", h."recency", ${headline("title", false)} AS "title", ${headline("alias", false)} AS "alias", ${headline("summary", true)} AS "summary", ${headline("body", true)} AS "body" FROM "page" h JOIN "SearchDocument" d ON d."kind" = h."kind" AND d."entityId" = h."entityId" CROSS JOIN "q" q ORDER BY ${HIT_ORDER}`;
  }
  const rows = await ctx.prisma.$queryRawUnsafe<Record<string, unknown>[]>(statement, ...sql.params);
  return rows.map((row) => ({
    kind: row.kind as SearchKind,
    id: String(row.entityId),
    score: Number(row.score),
    recency: String(row.recency),
    title: String(row.title ?? ""),
    alias: String(row.alias ?? ""),
    summary: String(row.summary ?? ""),
    body: String(row.body ?? ""),
  }));
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
