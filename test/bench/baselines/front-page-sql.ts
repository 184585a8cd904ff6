// B1's front page: the FrontPage operation (schema/operations/articles.graphql) for an anonymous reader, written by
// hand with better-sqlite3 prepared statements. It must produce byte for byte the JSON Lede answers (the run
// asserts it before it measures), so the same visibility rules apply: published articles newest first, visible
// comments and placeholders of removed ones, counts of visible comments only.
import Database from "better-sqlite3";
import { frontPageAnswer, type ArticleRow, type CommentRow, type MentionRow } from "./front-page-answer.js";

const iso = (value: string | number | null) => (value === null ? null : new Date(value).toISOString());
const SHOWN = `(c.status = 'VISIBLE' OR (c.status = 'REMOVED' AND c.removedWhileVisible = 1))`;

export function createFrontPage(file: string) {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  const statement = <T>(sql: string) => db.prepare(sql) as Database.Statement<unknown[], T>;
  const total = statement<{ n: number }>(`SELECT COUNT(*) AS n FROM Article WHERE status = 'PUBLISHED'`);
  const page = statement<ArticleRow>(
    `SELECT id, headline, publishedAt, sectionId, publisherId FROM Article WHERE status = 'PUBLISHED'
     ORDER BY publishedAt DESC, id DESC LIMIT ?`,
  );
  const section = statement<{ name: string }>(`SELECT name FROM Section WHERE id = ?`);
  const bylines = statement<{ role: string; id: string; name: string }>(
    `SELECT b.role, p.id, p.name FROM Byline b JOIN Person p ON p.id = b.personId WHERE b.articleId = ? ORDER BY b.position`,
  );
  const publisher = statement<{ name: string }>(`SELECT name FROM Organisation WHERE id = ?`);
  const mentionCount = statement<{ n: number }>(`SELECT COUNT(*) AS n FROM Mention WHERE articleId = ?`);
  const mentions = statement<MentionRow>(
    `SELECT m.salience, m.personId, m.organisationId, m.eventId, m.placeId, p.name AS person, o.name AS organisation, e.name AS event, pl.name AS place FROM Mention m
     LEFT JOIN Person p ON p.id = m.personId LEFT JOIN Organisation o ON o.id = m.organisationId
     LEFT JOIN Event e ON e.id = m.eventId LEFT JOIN Place pl ON pl.id = m.placeId
     WHERE m.articleId = ? ORDER BY m.salience DESC, m.id ASC LIMIT ?`,
  );
  const commentCount = statement<{ n: number }>(
    `SELECT COUNT(*) AS n FROM Comment WHERE articleId = ? AND status = 'VISIBLE'`,
  );
  const topLevelCount = statement<{ n: number }>(
    `SELECT COUNT(*) AS n FROM Comment c WHERE c.articleId = ? AND c.parentId IS NULL AND ${SHOWN}`,
  );
  const topLevel = statement<CommentRow>(
    `SELECT c.id, c.body, c.status, a.displayName, c.authorId FROM Comment c JOIN Account a ON a.id = c.authorId
     WHERE c.articleId = ? AND c.parentId IS NULL AND ${SHOWN} ORDER BY c.seq DESC LIMIT ?`,
  );
  const replyCount = statement<{ n: number }>(
    `SELECT COUNT(*) AS n FROM Comment WHERE parentId = ? AND status = 'VISIBLE'`,
  );
  const replies = statement<CommentRow>(
    `SELECT c.id, c.body, c.status, a.displayName, c.authorId FROM Comment c JOIN Account a ON a.id = c.authorId
     WHERE c.parentId = ? AND ${SHOWN} ORDER BY c.seq ASC LIMIT 3`,
  );

  function frontPage(first: number, comments: number) {
    const rows = page.all(first + 1).map((a) => ({ ...a, publishedAt: iso(a.publishedAt) }));
    return frontPageAnswer(rows, first, total.get()!.n, {
      sectionName: (id) => section.get(id)!.name,
      bylines: (id) => bylines.all(id),
      publisherName: (id) => publisher.get(id)!.name,
      mentionCount: (id) => mentionCount.get(id)!.n,
      mentions: (id) => mentions.all(id, 10),
      commentCount: (id) => commentCount.get(id)!.n,
      topLevelCount: (id) => topLevelCount.get(id)!.n,
      topLevel: (id) => topLevel.all(id, comments),
      replyCount: (id) => replyCount.get(id)!.n,
      replies: (id) => replies.all(id),
    });
  }
  return { frontPage, close: () => db.close() };
}
