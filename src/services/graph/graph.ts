// Aggregates over the mention graph: who is named alongside whom, and which articles share the most entities. Each is
// one SQL statement for a whole batch of parents (a window function ranks within each parent), so a list of fifty
// people with their co-mentions costs what one person does. Readers count published articles only (visibility.ts).
import { Prisma as P } from "../../generated/prisma/client.js";
import type { Account } from "../../generated/prisma/client.js";
import { BadUserInputError } from "../../errors.js";
import { canSeeUnpublished, listedArticleSqlCondition } from "../shared/visibility.js";
import type { Prisma } from "../../platform/db.js";

export type EntityKind = "PERSON" | "ORGANISATION" | "EVENT" | "PLACE";
export const ENTITY_COLUMN: Record<EntityKind, string> = {
  PERSON: "personId",
  ORGANISATION: "organisationId",
  EVENT: "eventId",
  PLACE: "placeId",
};
export const ENTITY_TYPENAME: Record<EntityKind, "Person" | "Organisation" | "Event" | "Place"> = {
  PERSON: "Person",
  ORGANISATION: "Organisation",
  EVENT: "Event",
  PLACE: "Place",
};

export const MAX_RANKED = 100;
export const DEFAULT_RANKED = 10;

/** `first` of a ranked list (co-mentions, related articles, top-N statistics): 1–100. */
export function rankedLimit(first: number | null | undefined, fallback = DEFAULT_RANKED): number {
  const value = first ?? fallback;
  if (!Number.isInteger(value) || value < 1 || value > MAX_RANKED)
    throw new BadUserInputError(`first must be from 1 to ${MAX_RANKED} (got ${value})`, "first");
  return value;
}

export interface EntityRef {
  kind: EntityKind;
  id: string;
}

export interface CoMention {
  entity: EntityRef;
  articleCount: number;
  lastMentionedAt: Date | null;
}

export interface RelatedArticle {
  articleId: string;
  sharedEntities: number;
}

/** A filter on the article aliased `a`: published only, unless the viewer sees drafts too. */
export function listedArticleSql(viewer: Account | null, alias = "a"): P.Sql {
  return canSeeUnpublished(viewer) ? P.empty : P.sql`AND ${P.raw(listedArticleSqlCondition(viewer, alias))}`;
}

function column(alias: string, name: string): P.Sql {
  return P.raw(`${alias}."${name}"`);
}

function entityOf(row: Record<string, unknown>): EntityRef {
  for (const kind of Object.keys(ENTITY_COLUMN) as EntityKind[]) {
    const id = row[ENTITY_COLUMN[kind]];
    if (typeof id === "string") return { kind, id };
  }
  throw new Error("a mention row names no entity");
}

/**
 * For each entity of `sourceKind` in `ids`: the entities mentioned in the same articles, most shared articles first
 * (ties: the more recent shared article, then id), at most `limit` each, optionally only of kind `only`.
 */
export async function coMentionedBatch(
  prisma: Prisma,
  viewer: Account | null,
  sourceKind: EntityKind,
  ids: readonly string[],
  options: { limit: number; only: EntityKind | null },
): Promise<CoMention[][]> {
  const source = column("m1", ENTITY_COLUMN[sourceKind]);
  const sameKind = column("m2", ENTITY_COLUMN[sourceKind]);
  const kindFilter = options.only ? P.sql`AND ${column("m2", ENTITY_COLUMN[options.only])} IS NOT NULL` : P.empty;
  const rows = await prisma.$queryRaw<Record<string, unknown>[]>`
    SELECT "sourceId", "personId", "organisationId", "eventId", "placeId", "articleCount", "lastMentionedAt"
    FROM (
      SELECT ${source} AS "sourceId", m2."personId", m2."organisationId", m2."eventId", m2."placeId",
        COUNT(DISTINCT m1."articleId") AS "articleCount", MAX(a."publishedAt") AS "lastMentionedAt",
        ROW_NUMBER() OVER (
          PARTITION BY ${source}
          ORDER BY COUNT(DISTINCT m1."articleId") DESC, MAX(a."publishedAt") DESC,
            COALESCE(m2."personId", m2."organisationId", m2."eventId", m2."placeId")
        ) AS "rank"
      FROM "Mention" m1
      JOIN "Article" a ON a."id" = m1."articleId" ${listedArticleSql(viewer)}
      JOIN "Mention" m2 ON m2."articleId" = m1."articleId" AND m2."id" <> m1."id"
      WHERE ${source} IN (${P.join([...ids])})
        AND (${sameKind} IS NULL OR ${sameKind} <> ${source})
        ${kindFilter}
      GROUP BY ${source}, m2."personId", m2."organisationId", m2."eventId", m2."placeId"
    ) "ranked"
    WHERE "rank" <= ${options.limit}
    ORDER BY "sourceId", "rank"`;
  const bySource = new Map<string, CoMention[]>();
  for (const row of rows) {
    const list = bySource.get(row.sourceId as string) ?? [];
    list.push({
      entity: entityOf(row),
      articleCount: Number(row.articleCount),
      lastMentionedAt: toDate(row.lastMentionedAt),
    });
    bySource.set(row.sourceId as string, list);
  }
  return ids.map((id) => bySource.get(id) ?? []);
}

/**
 * For each article in `ids`: the other articles that mention the most of the same entities (ties: newer first,
 * then id), at most `limit` each. The four entity columns are matched in four index-backed joins rather than one OR.
 */
export async function relatedArticlesBatch(
  prisma: Prisma,
  viewer: Account | null,
  ids: readonly string[],
  limit: number,
): Promise<RelatedArticle[][]> {
  const list = P.join([...ids]);
  const pairs = P.join(
    Object.values(ENTITY_COLUMN).map(
      (name) =>
        P.sql`SELECT m1."articleId" AS "sourceId", m2."articleId" AS "otherId"
          FROM "Mention" m1 JOIN "Mention" m2 ON ${column("m2", name)} = ${column("m1", name)}
          WHERE m1."articleId" IN (${list}) AND ${column("m1", name)} IS NOT NULL`,
    ),
    " UNION ALL ",
  );
  const rows = await prisma.$queryRaw<{ sourceId: string; otherId: string; shared: number | bigint }[]>`
    SELECT "sourceId", "otherId", "shared"
    FROM (
      SELECT p."sourceId", p."otherId", COUNT(*) AS "shared",
        ROW_NUMBER() OVER (
          PARTITION BY p."sourceId"
          ORDER BY COUNT(*) DESC, CASE WHEN a."publishedAt" IS NULL THEN 1 ELSE 0 END, a."publishedAt" DESC, p."otherId"
        ) AS "rank"
      FROM (${pairs}) p
      JOIN "Article" a ON a."id" = p."otherId" ${listedArticleSql(viewer)}
      WHERE p."otherId" <> p."sourceId"
      GROUP BY p."sourceId", p."otherId", a."publishedAt"
    ) "ranked"
    WHERE "rank" <= ${limit}
    ORDER BY "sourceId", "rank"`;
  const bySource = new Map<string, RelatedArticle[]>();
  for (const row of rows) {
    const related = bySource.get(row.sourceId) ?? [];
    related.push({ articleId: row.otherId, sharedEntities: Number(row.shared) });
    bySource.set(row.sourceId, related);
  }
  return ids.map((id) => bySource.get(id) ?? []);
}

/** Raw rows carry dates as Date (PostgreSQL) or as the ISO text SQLite stores. */
export function toDate(value: unknown): Date | null {
  if (value == null) return null;
  return value instanceof Date ? value : new Date(String(value));
}
