// The JSON of B1's front page, shared by its two hand-written endpoints (front-page-sql.ts on SQLite,
// front-page-pg.ts on PostgreSQL): they differ in how they read the rows, not in what they answer, which must be
// byte for byte Lede's answer to the FrontPage operation (schema/operations/articles.graphql).
import { encodeGlobalId } from "../../../src/global-id.js";

export interface ArticleRow {
  id: string;
  headline: string;
  /** ISO text, as Lede answers it. */
  publishedAt: string | null;
  sectionId: string | null;
  publisherId: string | null;
}
export interface CommentRow {
  id: string;
  body: string;
  status: string;
  displayName: string;
  authorId: string;
}
export interface MentionRow {
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

/** Where an endpoint looks up the parts of each article it shows, called in the order of the answer's fields. */
export interface FrontPageParts {
  sectionName(sectionId: string): string;
  bylines(articleId: string): { role: string; id: string; name: string }[];
  publisherName(publisherId: string): string;
  mentionCount(articleId: string): number;
  mentions(articleId: string): MentionRow[];
  commentCount(articleId: string): number;
  topLevelCount(articleId: string): number;
  topLevel(articleId: string): CommentRow[];
  replyCount(commentId: string): number;
  replies(commentId: string): CommentRow[];
}

const globalId = encodeGlobalId;
// Pothos' cursor of a connection ordered by a string id (Lede has no encoder of its own for these).
const cursorOf = (id: string) => Buffer.from(`GPC:S:${id}`, "utf8").toString("base64");
const body = (c: CommentRow) => (c.status === "REMOVED" ? null : c.body);

/** The answer for the page's `rows` (one more than `first` when there is a next page) of `total` articles. */
export function frontPageAnswer(rows: ArticleRow[], first: number, total: number, parts: FrontPageParts) {
  const shown = rows.slice(0, first);
  const edges = shown.map((a) => ({
    cursor: cursorOf(a.id),
    node: {
      id: globalId("Article", a.id),
      headline: a.headline,
      publishedAt: a.publishedAt,
      section: a.sectionId === null ? null : { name: parts.sectionName(a.sectionId) },
      bylines: parts
        .bylines(a.id)
        .map((b) => ({ role: b.role, person: { id: globalId("Person", b.id), name: b.name } })),
      publisher:
        a.publisherId === null
          ? null
          : { id: globalId("Organisation", a.publisherId), name: parts.publisherName(a.publisherId) },
      mentions: {
        totalCount: parts.mentionCount(a.id),
        edges: parts.mentions(a.id).map((m) => ({ node: { salience: m.salience, entity: entityOf(m) } })),
      },
      commentCount: parts.commentCount(a.id),
      comments: {
        totalCount: parts.topLevelCount(a.id),
        edges: parts.topLevel(a.id).map((c) => ({
          node: {
            id: globalId("Comment", c.id),
            body: body(c),
            author: { id: globalId("Account", c.authorId), displayName: c.displayName },
            replyCount: parts.replyCount(c.id),
            replies: {
              edges: parts.replies(c.id).map((r) => ({
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
      totalCount: total,
      pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null },
      edges,
    },
  };
}

function entityOf(m: MentionRow) {
  if (m.personId !== null) return { __typename: "Person", id: globalId("Person", m.personId), name: m.person };
  if (m.organisationId !== null)
    return { __typename: "Organisation", id: globalId("Organisation", m.organisationId), name: m.organisation };
  if (m.eventId !== null) return { __typename: "Event", id: globalId("Event", m.eventId), name: m.event };
  return { __typename: "Place", id: globalId("Place", m.placeId!), name: m.place };
}
