// The graph aggregates computed the slow, obvious way (every row read, counted in JavaScript), for tests to compare
// the one-statement SQL against.
import type { Prisma } from "../../src/platform/db.js";
import { globalId } from "./ids.js";

const COLUMNS = ["personId", "organisationId", "eventId", "placeId"] as const;
type Column = (typeof COLUMNS)[number];

export interface MentionRow {
  articleId: string;
  entityKey: string; // "personId:<id>"
  publishedAt: Date | null;
  status: string;
}

export async function allMentions(prisma: Prisma): Promise<MentionRow[]> {
  const rows = await prisma.mention.findMany({
    select: {
      articleId: true,
      personId: true,
      organisationId: true,
      eventId: true,
      placeId: true,
      article: { select: { publishedAt: true, status: true } },
    },
  });
  return rows.map((row) => {
    const column = COLUMNS.find((c) => row[c] !== null)!;
    return {
      articleId: row.articleId,
      entityKey: `${column}:${row[column]}`,
      publishedAt: row.article.publishedAt,
      status: row.article.status,
    };
  });
}

const visible = (includeDrafts: boolean) => (m: MentionRow) => includeDrafts || m.status === "PUBLISHED";

/** Co-mentions of `column:id`: [entityKey, articleCount], most first, ties by latest shared article then id. */
export function coMentionsOf(mentions: MentionRow[], column: Column, id: string, includeDrafts = false) {
  const shown = mentions.filter(visible(includeDrafts));
  const articles = new Set(shown.filter((m) => m.entityKey === `${column}:${id}`).map((m) => m.articleId));
  const byEntity = new Map<string, { articles: Set<string>; last: number }>();
  for (const m of shown) {
    if (!articles.has(m.articleId) || m.entityKey === `${column}:${id}`) continue;
    const entry = byEntity.get(m.entityKey) ?? { articles: new Set(), last: -Infinity };
    entry.articles.add(m.articleId);
    entry.last = Math.max(entry.last, m.publishedAt?.getTime() ?? -Infinity);
    byEntity.set(m.entityKey, entry);
  }
  return [...byEntity.entries()]
    .map(([key, e]) => ({ key, count: e.articles.size, last: e.last }))
    .sort((a, b) => b.count - a.count || b.last - a.last || idOf(a.key).localeCompare(idOf(b.key)))
    .map(({ key, count }) => [key, count] as const);
}

/** Related articles of `articleId`: [articleId, shared], most shared first, ties newer first, then id. */
export function relatedOf(mentions: MentionRow[], articleId: string, includeDrafts = false) {
  const shown = mentions.filter(visible(includeDrafts));
  const mine = new Set(mentions.filter((m) => m.articleId === articleId).map((m) => m.entityKey));
  const shared = new Map<string, { count: number; at: number | null }>();
  for (const m of shown) {
    if (m.articleId === articleId || !mine.has(m.entityKey)) continue;
    const entry = shared.get(m.articleId) ?? { count: 0, at: m.publishedAt?.getTime() ?? null };
    entry.count++;
    shared.set(m.articleId, entry);
  }
  return [...shared.entries()]
    .sort(
      ([ia, a], [ib, b]) =>
        b.count - a.count ||
        (a.at === null ? 1 : 0) - (b.at === null ? 1 : 0) ||
        (b.at ?? 0) - (a.at ?? 0) ||
        (ia < ib ? -1 : ia > ib ? 1 : 0),
    )
    .map(([id, e]) => [id, e.count] as const);
}

export function idOf(entityKey: string): string {
  return entityKey.slice(entityKey.indexOf(":") + 1);
}

/** The global id the API gives an entity key ("personId:x" → Person:x). */
export function globalIdOf(entityKey: string): string {
  const typename = { personId: "Person", organisationId: "Organisation", eventId: "Event", placeId: "Place" }[
    entityKey.slice(0, entityKey.indexOf(":")) as Column
  ];
  return globalId(typename, idOf(entityKey));
}

/**
 * A ranked answer agrees with the truth: every item has its true count, counts never rise, and exactly the entries
 * that beat the last count shown are shown (where a tie is cut at the end of the list, any of the tied may appear).
 */
export function rankingMismatch(
  answer: readonly (readonly [string, number])[],
  truth: readonly (readonly [string, number])[],
  limit: number,
): string | null {
  const expected = new Map(truth);
  for (const [key, count] of answer)
    if (expected.get(key) !== count) return `${key}: answered ${count}, truly ${expected.get(key) ?? "absent"}`;
  for (let i = 1; i < answer.length; i++)
    if (answer[i]![1] > answer[i - 1]![1]) return `counts rise at position ${i}: ${JSON.stringify(answer)}`;
  if (answer.length !== Math.min(limit, truth.length))
    return `answered ${answer.length}, expected ${Math.min(limit, truth.length)}`;
  const last = answer.at(-1)?.[1] ?? Infinity;
  const beating = truth.filter(([, count]) => count > last).map(([key]) => key);
  const shown = new Set(answer.map(([key]) => key));
  const missing = beating.filter((key) => !shown.has(key));
  return missing.length ? `missing ${missing.join(", ")}` : null;
}

export interface StatsTruth {
  bySection: Map<string, number>; // section slug → articles
  byTag: Map<string, number>;
  byMonth: Map<string, number>;
  byDay: Map<string, number>;
  mentioned: Map<string, number>; // entity key → articles
  commentsByMonth: Map<string, number>;
  commentsByDay: Map<string, number>;
  commentsByHour: number[];
  commented: Map<string, number>; // article id → visible comments
}

const bump = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);

/** The stats of a window, from every row (published articles by publication, visible comments by posting). */
export async function statsTruth(prisma: Prisma, from: Date | null, to: Date | null): Promise<StatsTruth> {
  const inWindow = (d: Date | null) => d !== null && (!from || d >= from) && (!to || d <= to);
  const articles = await prisma.article.findMany({
    where: { status: "PUBLISHED" },
    select: { id: true, publishedAt: true, section: { select: { slug: true } }, tags: { select: { tag: true } } },
  });
  const truth: StatsTruth = {
    bySection: new Map(),
    byTag: new Map(),
    byMonth: new Map(),
    byDay: new Map(),
    mentioned: new Map(),
    commentsByMonth: new Map(),
    commentsByDay: new Map(),
    commentsByHour: Array.from({ length: 24 }, () => 0),
    commented: new Map(),
  };
  const published = new Set<string>();
  for (const a of articles) {
    published.add(a.id);
    if (!inWindow(a.publishedAt)) continue;
    if (a.section) bump(truth.bySection, a.section.slug);
    for (const t of a.tags) bump(truth.byTag, t.tag.slug);
    bump(truth.byMonth, a.publishedAt!.toISOString().slice(0, 7));
    bump(truth.byDay, a.publishedAt!.toISOString().slice(0, 10));
  }
  const perEntity = new Map<string, Set<string>>();
  for (const m of await allMentions(prisma)) {
    if (m.status !== "PUBLISHED" || !inWindow(m.publishedAt)) continue;
    perEntity.set(m.entityKey, (perEntity.get(m.entityKey) ?? new Set()).add(m.articleId));
  }
  for (const [key, ids] of perEntity) truth.mentioned.set(key, ids.size);
  const comments = await prisma.comment.findMany({
    where: { status: "VISIBLE" },
    select: { createdAt: true, articleId: true },
  });
  for (const c of comments) {
    if (!inWindow(c.createdAt)) continue;
    bump(truth.commentsByMonth, c.createdAt.toISOString().slice(0, 7));
    bump(truth.commentsByDay, c.createdAt.toISOString().slice(0, 10));
    truth.commentsByHour[c.createdAt.getUTCHours()]!++;
    if (published.has(c.articleId)) bump(truth.commented, c.articleId);
  }
  return truth;
}

/** Map entries by count, most first (for rankingMismatch). */
export function ranked(map: Map<string, number>): [string, number][] {
  return [...map.entries()].sort((a, b) => b[1] - a[1]);
}
