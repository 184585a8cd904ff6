// The articles root list: a filter, an order and a keyset page, in one SQL statement that returns the page's ids
// (the rows themselves are then loaded by Prisma with the GraphQL selection). Cursors are article ids: the cursor
// row's sort values are looked up in the same statement, so paging is stable with ties (id breaks them).
import type { Context } from "../../context.js";
import { BadUserInputError } from "../../errors.js";
import { compileArticleFilter, listedArticleCondition, type ArticleFilter } from "./filter.js";
import { parseSearchQuery, toFts5, toTsquery } from "../search/query.js";
import { keysetAfter, orderByClauseOf, reversed, Sql, type OrderColumn } from "../../platform/sql.js";
import { canSeeUnpublished } from "../shared/visibility.js";

export type ArticleOrder = "PUBLISHED_DESC" | "PUBLISHED_ASC" | "UPDATED_DESC" | "MOST_COMMENTED" | "RELEVANCE";

export interface ArticlePageRequest {
  filter?: ArticleFilter | null;
  orderBy?: ArticleOrder | null;
  /** Pothos' take: page size + 1, negative when paging backwards. */
  take: number;
  cursorId?: string;
}

/** The score of each article matching the filter's top-level text, as a derived table r(id, score). */
function relevanceSource(sql: Sql, text: string): string {
  const query = parseSearchQuery(text, "filter.text");
  if (sql.provider === "sqlite") {
    return `(SELECT d."entityId" AS "id", -bm25("SearchIndex", 10.0, 8.0, 3.0, 1.0) AS "score" FROM "SearchIndex" JOIN "SearchDocument" d ON d."rowid" = "SearchIndex"."rowid" WHERE "SearchIndex" MATCH ${sql.param(toFts5(query))} AND d."kind" = 'Article')`;
  }
  const tsquery = toTsquery(query, (v) => sql.param(v));
  return `(SELECT d."entityId" AS "id", CAST(ts_rank('{0.1, 0.2, 0.4, 1.0}', d."document", q.query) AS double precision) AS "score" FROM "SearchDocument" d, (SELECT ${tsquery} AS query) q WHERE d."kind" = 'Article' AND d."document" @@ q.query)`;
}

function orderColumns(order: ArticleOrder, alias: string, nullableDates: boolean): OrderColumn[] {
  const published = { expression: `${alias}."publishedAt"`, nullable: nullableDates };
  const id = { expression: `${alias}."id"`, descending: true };
  switch (order) {
    case "PUBLISHED_ASC":
      return [
        { ...published, descending: false },
        { ...id, descending: false },
      ];
    case "UPDATED_DESC":
      return [{ expression: `${alias}."updatedAt"`, descending: true }, id];
    case "MOST_COMMENTED":
      return [
        { expression: `${alias}."visibleCommentCount"`, descending: true },
        { ...published, descending: true },
        id,
      ];
    case "RELEVANCE":
      return [{ expression: `r."score"`, descending: true }, { ...published, descending: true }, id];
    default:
      return [{ ...published, descending: true }, id];
  }
}

function plan(ctx: Context, request: Omit<ArticlePageRequest, "take" | "cursorId">) {
  const order = request.orderBy ?? "PUBLISHED_DESC";
  const filter = request.filter ?? {};
  const text = filter.text;
  if (order === "RELEVANCE" && text == null) {
    throw new BadUserInputError("orderBy RELEVANCE needs a text query: pass filter.text", "orderBy");
  }
  // RELEVANCE joins the ranked matches (which also do the filtering by text); filter.text is then not repeated
  const rest = order === "RELEVANCE" ? { ...filter, text: null } : filter;
  // SQLite's placeholders are positional, so each fragment binds its parameters when it is written, in order
  const from = (sql: Sql) =>
    order === "RELEVANCE" ? `"Article" a JOIN ${relevanceSource(sql, text!)} r ON r."id" = a."id"` : `"Article" a`;
  const where = (sql: Sql) =>
    `${listedArticleCondition(ctx.viewer)} AND ${compileArticleFilter(sql, rest, ctx.viewer)}`;
  return { order, from, where };
}

/** The ids of one page, in the order asked for (backward pages come back in forward order too). */
export async function articlePageIds(ctx: Context, request: ArticlePageRequest): Promise<string[]> {
  const { order, from, where } = plan(ctx, request);
  const sql = new Sql(ctx.db.provider);
  // drafts have no publishedAt: only editors can see rows where it is null
  const forward = orderColumns(order, "a", canSeeUnpublished(ctx.viewer));
  const columns = request.take < 0 ? reversed(forward) : forward;
  let statement: string;
  if (request.cursorId === undefined) {
    statement = `SELECT a."id" AS "id" FROM ${from(sql)} WHERE ${where(sql)}`;
  } else {
    const keys = forward.map((c, i) => `${c.expression} AS "k_${i}"`).join(", ");
    const head = `SELECT a."id" AS "id" FROM ${from(sql)}`;
    const cursor = `(SELECT ${keys} FROM ${from(sql)} WHERE a."id" = ${sql.param(request.cursorId)}) c`;
    const values = forward.map((_c, i) => `c."k_${i}"`);
    statement = `${head} CROSS JOIN ${cursor} WHERE ${where(sql)} AND ${keysetAfter(columns, values)}`;
  }
  statement += ` ORDER BY ${orderByClauseOf(columns)} LIMIT ${sql.param(Math.abs(request.take))}`;
  const rows = await ctx.prisma.$queryRawUnsafe<{ id: string }[]>(statement, ...sql.params);
  const ids = rows.map((row) => row.id);
  return request.take < 0 ? ids.reverse() : ids;
}

export async function articleCount(ctx: Context, request: Omit<ArticlePageRequest, "take" | "cursorId">) {
  const { from, where } = plan(ctx, request);
  const sql = new Sql(ctx.db.provider);
  const statement = `SELECT CAST(count(*) AS INTEGER) AS "n" FROM ${from(sql)} WHERE ${where(sql)}`;
  const rows = await ctx.prisma.$queryRawUnsafe<{ n: number | bigint }[]>(statement, ...sql.params);
  return Number(rows[0]?.n ?? 0);
}
