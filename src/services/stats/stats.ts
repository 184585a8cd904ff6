// Analyst aggregates. Each is one SQL statement (GROUP BY in the database, never rows counted in JavaScript), over
// published articles and visible comments. Dates are bucketed in UTC; SQLite stores DateTime as ISO-8601 text, so a
// prefix of it is the month, day or hour, while PostgreSQL formats its timestamps with to_char.
import type { Context } from "../../context.js";
import { BadUserInputError } from "../../errors.js";
import { Prisma as P } from "../../generated/prisma/client.js";
import type { Article, Section, Tag } from "../../generated/prisma/client.js";
import { requireRole } from "../shared/authz.js";
import { ENTITY_COLUMN, rankedLimit, toDate, type EntityKind, type EntityRef } from "../graph/graph.js";

export interface DateWindow {
  from: Date | null;
  to: Date | null;
}

export type Bucket = "MONTH" | "DAY";

export function requireAnalyst(ctx: Context): void {
  requireRole(ctx, ["ANALYST", "EDITOR", "ADMIN"], "read statistics");
}

export function checkStatsWindow(window: DateWindow): void {
  if (window.from && window.to && window.from > window.to)
    throw new BadUserInputError("to must not be before from", "to");
}

function within(column: string, window: DateWindow): P.Sql {
  const parts: P.Sql[] = [];
  if (window.from) parts.push(P.sql`AND ${P.raw(column)} >= ${window.from}`);
  if (window.to) parts.push(P.sql`AND ${P.raw(column)} <= ${window.to}`);
  return parts.length ? P.join(parts, " ") : P.empty;
}

/** The text of a timestamp column cut to its month ("2024-02"), day ("2024-02-07") or hour of the day (0–23). */
function bucket(ctx: Context, column: string, unit: "MONTH" | "DAY" | "HOUR_OF_DAY"): P.Sql {
  if (ctx.db.provider === "postgresql") {
    if (unit === "HOUR_OF_DAY") return P.raw(`CAST(EXTRACT(HOUR FROM ${column}) AS INTEGER)`);
    return P.raw(`to_char(${column}, '${unit === "MONTH" ? "YYYY-MM" : "YYYY-MM-DD"}')`);
  }
  if (unit === "HOUR_OF_DAY") return P.raw(`CAST(substr(${column}, 12, 2) AS INTEGER)`);
  return P.raw(`substr(${column}, 1, ${unit === "MONTH" ? 7 : 10})`);
}

/** The columns of a Prisma model, qualified by `alias`, so a raw statement returns whole rows for the schema. */
function columnsOf(fields: Record<string, string>, alias: string): P.Sql {
  return P.raw(
    Object.values(fields)
      .map((name) => `${alias}."${name}"`)
      .join(", "),
  );
}

const PUBLISHED = P.raw(`a."status" = 'PUBLISHED' AND a."publishedAt" IS NOT NULL`);

export async function articlesBySection(ctx: Context, window: DateWindow) {
  const rows = await ctx.prisma.$queryRaw<(Section & { articleCount: bigint | number })[]>`
    SELECT ${columnsOf(P.SectionScalarFieldEnum, "s")}, COUNT(*) AS "articleCount"
    FROM "Article" a JOIN "Section" s ON s."id" = a."sectionId"
    WHERE ${PUBLISHED} ${within('a."publishedAt"', window)}
    GROUP BY s."id"
    ORDER BY "articleCount" DESC, s."slug"`;
  return rows.map(({ articleCount, ...section }) => ({ section, count: Number(articleCount) }));
}

export async function articlesByTag(ctx: Context, window: DateWindow, first: number | null | undefined) {
  const rows = await ctx.prisma.$queryRaw<(Tag & { articleCount: bigint | number })[]>`
    SELECT ${columnsOf(P.TagScalarFieldEnum, "t")}, COUNT(*) AS "articleCount"
    FROM "Article" a JOIN "ArticleTag" at ON at."articleId" = a."id" JOIN "Tag" t ON t."id" = at."tagId"
    WHERE ${PUBLISHED} ${within('a."publishedAt"', window)}
    GROUP BY t."id"
    ORDER BY "articleCount" DESC, t."slug"
    LIMIT ${rankedLimit(first, 20)}`;
  return rows.map(({ articleCount, ...tag }) => ({ tag, count: Number(articleCount) }));
}

/** Rows of one table counted by time bucket, within the window. */
async function countByPeriod(
  ctx: Context,
  from: P.Sql,
  column: string,
  where: P.Sql,
  window: DateWindow,
  unit: Bucket,
) {
  const period = bucket(ctx, column, unit);
  const rows = await ctx.prisma.$queryRaw<{ period: string; rowCount: bigint | number }[]>`
    SELECT ${period} AS "period", COUNT(*) AS "rowCount"
    FROM ${from}
    WHERE ${where} ${within(column, window)}
    GROUP BY ${period}
    ORDER BY "period"`;
  return rows.map((row) => ({ period: row.period, count: Number(row.rowCount) }));
}

export async function articlesByPeriod(ctx: Context, window: DateWindow, unit: Bucket) {
  return countByPeriod(ctx, P.raw(`"Article" a`), 'a."publishedAt"', PUBLISHED, window, unit);
}

export interface EntityCount {
  entity: EntityRef;
  count: number;
}

/** The entities mentioned in the most published articles of the window (ties: by id), optionally of one kind. */
export async function mostMentioned(
  ctx: Context,
  window: DateWindow,
  options: { kind: EntityKind | null; first: number | null | undefined },
): Promise<EntityCount[]> {
  const kinds = options.kind ? [options.kind] : (Object.keys(ENTITY_COLUMN) as EntityKind[]);
  const entityColumns = kinds.map((kind) => `m."${ENTITY_COLUMN[kind]}"`);
  const only = options.kind ? P.raw(`AND ${entityColumns[0]} IS NOT NULL`) : P.empty;
  const key = P.raw(entityColumns.length === 1 ? entityColumns[0]! : `COALESCE(${entityColumns.join(", ")})`);
  const rows = await ctx.prisma.$queryRaw<Record<string, unknown>[]>`
    SELECT m."personId", m."organisationId", m."eventId", m."placeId", COUNT(DISTINCT m."articleId") AS "articleCount"
    FROM "Mention" m JOIN "Article" a ON a."id" = m."articleId"
    WHERE ${PUBLISHED} ${within('a."publishedAt"', window)} ${only}
    GROUP BY m."personId", m."organisationId", m."eventId", m."placeId"
    ORDER BY "articleCount" DESC, ${key}
    LIMIT ${rankedLimit(options.first)}`;
  return rows.map((row) => {
    const kind = (Object.keys(ENTITY_COLUMN) as EntityKind[]).find((k) => typeof row[ENTITY_COLUMN[k]] === "string")!;
    return {
      entity: { kind, id: row[ENTITY_COLUMN[kind]] as string },
      count: Number(row.articleCount),
    };
  });
}

// Comment activity counts what readers could read: visible comments, by when they were posted.
const VISIBLE = P.raw(`c."status" = 'VISIBLE'`);

export async function commentsByPeriod(ctx: Context, window: DateWindow, unit: Bucket) {
  return countByPeriod(ctx, P.raw(`"Comment" c`), 'c."createdAt"', VISIBLE, window, unit);
}

export async function commentsByHourOfDay(ctx: Context, window: DateWindow) {
  const hour = bucket(ctx, 'c."createdAt"', "HOUR_OF_DAY");
  const rows = await ctx.prisma.$queryRaw<{ hour: bigint | number; commentCount: bigint | number }[]>`
    SELECT ${hour} AS "hour", COUNT(*) AS "commentCount"
    FROM "Comment" c
    WHERE ${VISIBLE} ${within('c."createdAt"', window)}
    GROUP BY ${hour}
    ORDER BY "hour"`;
  const counts = new Map(rows.map((row) => [Number(row.hour), Number(row.commentCount)]));
  // every hour, with zeros, so that a chart of the day has 24 bars
  return Array.from({ length: 24 }, (_, hour) => ({ hour, count: counts.get(hour) ?? 0 }));
}

/** Published articles with the most visible comments posted in the window (ties: newer article first). */
export async function mostCommented(ctx: Context, window: DateWindow, first: number | null | undefined) {
  const rows = await ctx.prisma.$queryRaw<(Article & { commentCount: bigint | number })[]>`
    SELECT ${columnsOf(P.ArticleScalarFieldEnum, "a")}, counted."commentCount"
    FROM (
      SELECT c."articleId", COUNT(*) AS "commentCount" FROM "Comment" c
      WHERE ${VISIBLE} ${within('c."createdAt"', window)}
      GROUP BY c."articleId"
    ) counted
    JOIN "Article" a ON a."id" = counted."articleId"
    WHERE ${PUBLISHED}
    ORDER BY counted."commentCount" DESC, a."publishedAt" DESC, a."id"
    LIMIT ${rankedLimit(first)}`;
  return rows.map(({ commentCount, ...article }) => ({
    article: { ...article, publishedAt: toDate(article.publishedAt) } as Article,
    count: Number(commentCount),
  }));
}
