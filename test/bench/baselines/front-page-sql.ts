// B1's front page: the FrontPage operation (schema/operations/articles.graphql) for an anonymous reader, written by
// hand with better-sqlite3 prepared statements. It must produce byte for byte the JSON Lede answers (the run
// asserts it before it measures), so the same visibility rules apply: published articles newest first, visible
// comments and placeholders of removed ones, counts of visible comments only.
import Database from "better-sqlite3";
import { encodeGlobalId } from "../../../src/global-id.js";

interface ArticleRow {
  id: string;
  headline: string;
  publishedAt: string | null;
  sectionId: string | null;
  publisherId: string | null;
}
interface CommentRow {
  id: string;
  body: string;
  status: string;
  displayName: string;
  authorId: string;
}
interface MentionRow {
  salience: number;
  personId: string | null;
  organisationId: string | null;
  eventId: string | null;
  placeId: string | null;
  person: string | null;
  organisation: string | null;
  event: string | null;
  place: string | null;
}

const globalId = encodeGlobalId;
// Pothos' cursor of a connection ordered by a string id (Lede has no encoder of its own for these).
const cursorOf = (id: string) => Buffer.from(`GPC:S:${id}`, "utf8").toString("base64");
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
  const body = (c: CommentRow) => (c.status === "REMOVED" ? null : c.body);

  function frontPage(first: number, comments: number) {
    const rows = page.all(first + 1);
    const shown = rows.slice(0, first);
    const edges = shown.map((a) => ({
      cursor: cursorOf(a.id),
      node: {
        id: globalId("Article", a.id),
        headline: a.headline,
        publishedAt: iso(a.publishedAt),
        section: a.sectionId === null ? null : { name: section.get(a.sectionId)!.name },
        bylines: bylines
          .all(a.id)
          .map((b) => ({ role: b.role, person: { id: globalId("Person", b.id), name: b.name } })),
        publisher:
          a.publisherId === null
            ? null
            : { id: globalId("Organisation", a.publisherId), name: publisher.get(a.publisherId)!.name },
        mentions: {
          totalCount: mentionCount.get(a.id)!.n,
          edges: mentions.all(a.id, 10).map((m) => ({
            node: { salience: m.salience, entity: entityOf(m) },
          })),
        },
        commentCount: commentCount.get(a.id)!.n,
        comments: {
          totalCount: topLevelCount.get(a.id)!.n,
          edges: topLevel.all(a.id, comments).map((c) => ({
            node: {
              id: globalId("Comment", c.id),
              body: body(c),
              author: { id: globalId("Account", c.authorId), displayName: c.displayName },
              replyCount: replyCount.get(c.id)!.n,
              replies: {
                edges: replies.all(c.id).map((r) => ({
                  node: { id: globalId("Comment", r.id), body: body(r), author: { displayName: r.displayName } },
                })),
              },
            },
          })),
        },
      },
    }));
    return {
      articles: {
        totalCount: total.get()!.n,
        pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null },
        edges,
      },
    };
  }
  return { frontPage, close: () => db.close() };
}

function entityOf(m: MentionRow) {
  if (m.personId !== null) return { __typename: "Person", id: globalId("Person", m.personId), name: m.person };
  if (m.organisationId !== null)
    return { __typename: "Organisation", id: globalId("Organisation", m.organisationId), name: m.organisation };
  if (m.eventId !== null) return { __typename: "Event", id: globalId("Event", m.eventId), name: m.event };
  return { __typename: "Place", id: globalId("Place", m.placeId!), name: m.place };
}
