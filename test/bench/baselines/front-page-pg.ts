// B1-pg's front page: B1 (front-page-sql.ts) for PostgreSQL, written by hand with node-postgres prepared statements
// (named queries, parsed once per connection). It must produce byte for byte the JSON Lede answers (the run asserts
// it before it measures), under the same visibility rules as B1. Where B1 asks SQLite per article (a call into the
// same process costs microseconds), a hand-written PostgreSQL endpoint asks per level: one statement per kind of row
// for the whole page, with `= ANY($1)` and window functions for the per-article limits, in three rounds of
// statements sent side by side over a pool as large as Lede's (DATABASE_POOL_SIZE's default, 10).
import pg from "pg";
import { frontPageAnswer, type ArticleRow, type CommentRow, type MentionRow } from "./front-page-answer.js";

const SHOWN = `(c.status = 'VISIBLE' OR (c.status = 'REMOVED' AND c."removedWhileVisible"))`;

// Every statement by name: node-postgres prepares a named statement once per connection and then only binds it.
const STATEMENTS = {
  total: `SELECT COUNT(*)::int AS n FROM "Article" WHERE status = 'PUBLISHED'`,
  // Prisma keeps UTC in timestamp(3) without a zone; pg would read it as local time, so the ISO text comes from SQL.
  page: `SELECT id, headline, to_char("publishedAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "publishedAt", "sectionId",
         "publisherId" FROM "Article" WHERE status = 'PUBLISHED' ORDER BY "Article"."publishedAt" DESC, id DESC LIMIT $1`,
  sections: `SELECT id, name FROM "Section" WHERE id = ANY($1)`,
  bylines: `SELECT b."articleId" AS key, b.role, p.id, p.name FROM "Byline" b JOIN "Person" p ON p.id = b."personId"
            WHERE b."articleId" = ANY($1) ORDER BY b."articleId", b.position`,
  publishers: `SELECT id, name FROM "Organisation" WHERE id = ANY($1)`,
  mentionCounts: `SELECT "articleId" AS key, COUNT(*)::int AS n FROM "Mention" WHERE "articleId" = ANY($1) GROUP BY 1`,
  mentions: `SELECT * FROM (
               SELECT m."articleId", m.salience, m."personId", m."organisationId", m."eventId", m."placeId",
                      p.name AS person, o.name AS organisation, e.name AS event, pl.name AS place,
                      ROW_NUMBER() OVER (PARTITION BY m."articleId" ORDER BY m.salience DESC, m.id ASC) AS rank
               FROM "Mention" m
               LEFT JOIN "Person" p ON p.id = m."personId" LEFT JOIN "Organisation" o ON o.id = m."organisationId"
               LEFT JOIN "Event" e ON e.id = m."eventId" LEFT JOIN "Place" pl ON pl.id = m."placeId"
               WHERE m."articleId" = ANY($1)) ranked
             WHERE rank <= $2 ORDER BY "articleId", rank`,
  commentCounts: `SELECT "articleId" AS key, COUNT(*)::int AS n FROM "Comment"
                  WHERE "articleId" = ANY($1) AND status = 'VISIBLE' GROUP BY 1`,
  topLevelCounts: `SELECT c."articleId" AS key, COUNT(*)::int AS n FROM "Comment" c
                   WHERE c."articleId" = ANY($1) AND c."parentId" IS NULL AND ${SHOWN} GROUP BY 1`,
  topLevel: `SELECT id, key, body, status, "displayName", "authorId" FROM (
               SELECT c.id, c."articleId" AS key, c.body, c.status::text AS status, a."displayName", c."authorId",
                      ROW_NUMBER() OVER (PARTITION BY c."articleId" ORDER BY c.seq DESC) AS rank
               FROM "Comment" c JOIN "Account" a ON a.id = c."authorId"
               WHERE c."articleId" = ANY($1) AND c."parentId" IS NULL AND ${SHOWN}) ranked
             WHERE rank <= $2 ORDER BY key, rank`,
  replyCounts: `SELECT "parentId" AS key, COUNT(*)::int AS n FROM "Comment"
                WHERE "parentId" = ANY($1) AND status = 'VISIBLE' GROUP BY 1`,
  replies: `SELECT id, key, body, status, "displayName", "authorId" FROM (
              SELECT c.id, c."parentId" AS key, c.body, c.status::text AS status, a."displayName", c."authorId",
                     ROW_NUMBER() OVER (PARTITION BY c."parentId" ORDER BY c.seq ASC) AS rank
              FROM "Comment" c JOIN "Account" a ON a.id = c."authorId"
              WHERE c."parentId" = ANY($1) AND ${SHOWN}) ranked
            WHERE rank <= 3 ORDER BY key, rank`,
} as const;

/** Rows grouped by their `key` column, in the order the statement returned them. */
function byKey<T extends { key: string }>(rows: T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const group = groups.get(row.key);
    if (group) group.push(row);
    else groups.set(row.key, [row]);
  }
  return groups;
}

export function createPostgresFrontPage(connectionString: string, poolSize = 10) {
  const pool = new pg.Pool({ connectionString, max: poolSize });
  const run = async <T>(name: keyof typeof STATEMENTS, values: unknown[]) =>
    (await pool.query({ name, text: STATEMENTS[name], values })).rows as T[];
  const counts = async (name: keyof typeof STATEMENTS, ids: string[]) =>
    new Map((await run<{ key: string; n: number }>(name, [ids])).map((r) => [r.key, r.n]));
  const names = async (name: keyof typeof STATEMENTS, ids: string[]) =>
    new Map((await run<{ id: string; name: string }>(name, [ids])).map((r) => [r.id, r.name]));

  async function frontPage(first: number, comments: number) {
    const [rows, total] = await Promise.all([
      run<ArticleRow>("page", [first + 1]),
      run<{ n: number }>("total", []).then((r) => r[0]!.n),
    ]);
    const shown = rows.slice(0, first);
    const ids = shown.map((a) => a.id);
    const present = (values: (string | null)[]) => [...new Set(values.filter((v): v is string => v !== null))];
    const [sections, bylines, publishers, mentionCounts, mentions, commentCounts, topLevelCounts, topLevel] =
      await Promise.all([
        names("sections", present(shown.map((a) => a.sectionId))),
        run<{ key: string; role: string; id: string; name: string }>("bylines", [ids]).then(byKey),
        names("publishers", present(shown.map((a) => a.publisherId))),
        counts("mentionCounts", ids),
        run<MentionRow & { articleId: string; key: string }>("mentions", [ids, 10]).then((r) =>
          byKey(r.map((m) => ({ ...m, key: m.articleId }))),
        ),
        counts("commentCounts", ids),
        counts("topLevelCounts", ids),
        run<CommentRow & { key: string }>("topLevel", [ids, comments]).then(byKey),
      ]);
    const commentIds = [...topLevel.values()].flat().map((c) => c.id);
    const [replyCounts, replies] = await Promise.all([
      counts("replyCounts", commentIds),
      run<CommentRow & { key: string }>("replies", [commentIds]).then(byKey),
    ]);
    return frontPageAnswer(rows, first, total, {
      sectionName: (id) => sections.get(id)!,
      bylines: (id) => bylines.get(id) ?? [],
      publisherName: (id) => publishers.get(id)!,
      mentionCount: (id) => mentionCounts.get(id) ?? 0,
      mentions: (id) => mentions.get(id) ?? [],
      commentCount: (id) => commentCounts.get(id) ?? 0,
      topLevelCount: (id) => topLevelCounts.get(id) ?? 0,
      topLevel: (id) => topLevel.get(id) ?? [],
      replyCount: (id) => replyCounts.get(id) ?? 0,
      replies: (id) => replies.get(id) ?? [],
    });
  }
  return { frontPage, close: () => pool.end() };
}
