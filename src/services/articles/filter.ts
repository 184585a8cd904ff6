// ArticleFilter → one SQL condition over the article alias `a`. Every leaf is a comparison on an indexed column or
// an `a."id" IN (subquery)` over an indexed link table, so that each filter alone is index-backed (see
// test/query-plans.test.ts); AND / OR / NOT nest up to MAX_FILTER_DEPTH levels.
import type { Account } from "../../generated/prisma/client.js";
import { BadUserInputError, ForbiddenError, UnauthenticatedError } from "../../errors.js";
import { decodeGlobalId, decodeGlobalIdOf } from "../../global-id.js";
import { parseSearchQuery, toFts5, toTsquery, type SearchQuery } from "../search/query.js";
import type { Sql } from "../../platform/sql.js";
import { canSeeUnpublished, listedArticleSqlCondition } from "../shared/visibility.js";

export const MAX_FILTER_DEPTH = 4;
export const MAX_FILTER_CONDITIONS = 64;
export const MAX_FILTER_IDS = 50;

export interface DateRange {
  from?: Date | null;
  to?: Date | null;
}

export interface ArticleFilter {
  section?: string | null;
  tag?: string | null;
  status?: "DRAFT" | "PUBLISHED" | "WITHDRAWN" | null;
  mentions?: { anyOf?: string[] | null; allOf?: string[] | null } | null;
  byline?: string | null;
  publisher?: string | null;
  publishedAt?: DateRange | null;
  updatedAt?: DateRange | null;
  language?: string | null;
  hasComments?: boolean | null;
  text?: string | null;
  AND?: ArticleFilter[] | null;
  OR?: ArticleFilter[] | null;
  NOT?: ArticleFilter | null;
}

const MENTION_COLUMNS: Record<string, string> = {
  Person: "personId",
  Organisation: "organisationId",
  Event: "eventId",
  Place: "placeId",
};

/** The SQL condition "document matches the query" for article ids: `a."id" IN (…)`. */
export function articleTextCondition(sql: Sql, query: SearchQuery): string {
  if (sql.provider === "sqlite") {
    return `a."id" IN (SELECT d."entityId" FROM "SearchIndex" JOIN "SearchDocument" d ON d."rowid" = "SearchIndex"."rowid" WHERE "SearchIndex" MATCH ${sql.param(toFts5(query))} AND d."kind" = 'Article')`;
  }
  return `a."id" IN (SELECT d."entityId" FROM "SearchDocument" d WHERE d."kind" = 'Article' AND d."document" @@ (${toTsquery(query, (v) => sql.param(v))}))`;
}

/** The ids, and the records they were merged into (mergeEntities leaves a redirect): an old id keeps filtering. */
function idsAndMergeTargets(sql: Sql, ids: readonly string[]): string {
  return `(SELECT r."targetId" FROM "EntityRedirect" r WHERE r."id" IN ${sql.list(ids)})`;
}

function mentionsOf(ids: string[], path: string): { column: string; id: string }[] {
  if (ids.length > MAX_FILTER_IDS) {
    throw new BadUserInputError(`${path} may hold at most ${MAX_FILTER_IDS} ids (got ${ids.length})`, path);
  }
  return ids.map((globalId) => {
    let decoded: { typename: string; id: string };
    try {
      decoded = decodeGlobalId(globalId);
    } catch {
      throw new BadUserInputError(`${path} holds an id that is not a Lede id`, path);
    }
    const column = MENTION_COLUMNS[decoded.typename];
    if (!column) throw new BadUserInputError(`${path} takes Person, Organisation, Event or Place ids`, path);
    return { column, id: decoded.id };
  });
}

function dateRange(sql: Sql, column: string, range: DateRange, path: string): string[] {
  if (range.from && range.to && range.from.getTime() > range.to.getTime()) {
    throw new BadUserInputError(`${path}.from must not be after ${path}.to`, path);
  }
  const parts: string[] = [];
  if (range.from) parts.push(`a."${column}" >= ${sql.date(range.from)}`);
  if (range.to) parts.push(`a."${column}" < ${sql.date(range.to)}`);
  return parts;
}

export interface CompileState {
  conditions: number;
}

/** One filter object: its fields ANDed. */
export function compileArticleFilter(
  sql: Sql,
  filter: ArticleFilter,
  viewer: Account | null,
  path = "filter",
  depth = 1,
  state: CompileState = { conditions: 0 },
): string {
  if (depth > MAX_FILTER_DEPTH) {
    throw new BadUserInputError(`filters may nest at most ${MAX_FILTER_DEPTH} levels deep`, path);
  }
  const parts: string[] = [];
  const add = (condition: string) => {
    if (++state.conditions > MAX_FILTER_CONDITIONS) {
      throw new BadUserInputError(`a filter may hold at most ${MAX_FILTER_CONDITIONS} conditions`, path);
    }
    parts.push(condition);
  };
  if (filter.section != null) {
    // a scalar subquery (slugs are unique) reads to the planner as a constant: the section index is used
    add(`a."sectionId" = (SELECT s."id" FROM "Section" s WHERE s."slug" = ${sql.param(filter.section)})`);
  }
  if (filter.tag != null) {
    add(
      `a."id" IN (SELECT at."articleId" FROM "ArticleTag" at WHERE at."tagId" = (SELECT t."id" FROM "Tag" t WHERE t."slug" = ${sql.param(filter.tag)}))`,
    );
  }
  if (filter.status != null) {
    if (filter.status !== "PUBLISHED" && !canSeeUnpublished(viewer)) {
      if (!viewer) throw new UnauthenticatedError(`Sign in as an editor to list unpublished articles (${path}.status)`);
      throw new ForbiddenError(`Only editors may list ${filter.status.toLowerCase()} articles (${path}.status)`);
    }
    add(`a."status" = ${sql.param(filter.status)}`);
  }
  if (filter.mentions) {
    const { anyOf, allOf } = filter.mentions;
    if (anyOf) {
      const mentions = mentionsOf(anyOf, `${path}.mentions.anyOf`);
      if (mentions.length === 0) add("1 = 0");
      else {
        const byColumn = new Map<string, string[]>();
        for (const m of mentions) byColumn.set(m.column, [...(byColumn.get(m.column) ?? []), m.id]);
        const selects = [...byColumn].map(
          ([column, ids]) =>
            `SELECT m."articleId" FROM "Mention" m WHERE m."${column}" IN ${sql.list(ids)}` +
            ` UNION SELECT m."articleId" FROM "Mention" m WHERE m."${column}" IN ${idsAndMergeTargets(sql, ids)}`,
        );
        add(`a."id" IN (${selects.join(" UNION ")})`);
      }
    }
    for (const m of allOf ? mentionsOf(allOf, `${path}.mentions.allOf`) : []) {
      add(
        `a."id" IN (SELECT m."articleId" FROM "Mention" m WHERE m."${m.column}" = ${sql.param(m.id)}` +
          ` UNION SELECT m."articleId" FROM "Mention" m WHERE m."${m.column}" IN ${idsAndMergeTargets(sql, [m.id])})`,
      );
    }
  }
  if (filter.byline != null) {
    const personId = decodeGlobalIdOf(filter.byline, "Person", `${path}.byline`);
    add(
      `a."id" IN (SELECT b."articleId" FROM "Byline" b WHERE b."personId" = ${sql.param(personId)}` +
        ` UNION SELECT b."articleId" FROM "Byline" b WHERE b."personId" IN ${idsAndMergeTargets(sql, [personId])})`,
    );
  }
  if (filter.publisher != null) {
    const organisationId = decodeGlobalIdOf(filter.publisher, "Organisation", `${path}.publisher`);
    add(
      `a."id" IN (SELECT p."id" FROM "Article" p WHERE p."publisherId" = ${sql.param(organisationId)}` +
        ` UNION SELECT p."id" FROM "Article" p WHERE p."publisherId" IN ${idsAndMergeTargets(sql, [organisationId])})`,
    );
  }
  if (filter.publishedAt) dateRange(sql, "publishedAt", filter.publishedAt, `${path}.publishedAt`).forEach(add);
  if (filter.updatedAt) dateRange(sql, "updatedAt", filter.updatedAt, `${path}.updatedAt`).forEach(add);
  if (filter.language != null) add(`a."language" = ${sql.param(filter.language)}`);
  if (filter.hasComments != null) add(`a."visibleCommentCount" ${filter.hasComments ? ">" : "="} 0`);
  if (filter.text != null) add(articleTextCondition(sql, parseSearchQuery(filter.text, `${path}.text`)));
  for (const [index, sub] of (filter.AND ?? []).entries()) {
    add(`(${compileArticleFilter(sql, sub, viewer, `${path}.AND[${index}]`, depth + 1, state)})`);
  }
  if (filter.OR) {
    if (filter.OR.length === 0) add("1 = 0");
    else {
      const alternatives = filter.OR.map(
        (sub, index) => `(${compileArticleFilter(sql, sub, viewer, `${path}.OR[${index}]`, depth + 1, state)})`,
      );
      add(`(${alternatives.join(" OR ")})`);
    }
  }
  if (filter.NOT) add(`NOT (${compileArticleFilter(sql, filter.NOT, viewer, `${path}.NOT`, depth + 1, state)})`);
  return parts.length === 0 ? "1 = 1" : parts.join(" AND ");
}

/** Which articles a viewer may list at all: published ones, every status for editors. */
export function listedArticleCondition(viewer: Account | null): string {
  return `(${listedArticleSqlCondition(viewer)})`;
}
