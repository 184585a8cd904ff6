// Compares every stats aggregate with the same numbers counted from the rows (graph-truth.ts).
import { expect } from "vitest";
import { NewsroomStatsDocument } from "../generated/graphql.js";
import { globalIdOf, ranked, rankingMismatch, statsTruth } from "./graph-truth.js";
import type { TestLede } from "./lede.js";
import { rowId } from "./ids.js";

/** The stats fields with the smallest selection each, for counting statements. */
export const STATS_FIELDS = [
  "articlesBySection { count section { slug } }",
  "articlesByTag { count tag { slug } }",
  "articlesByPeriod { period count }",
  "articlesByPeriod(period: DAY) { period count }",
  "mostMentioned { count }",
  "commentsByPeriod { period count }",
  "commentsByPeriod(period: DAY) { period count }",
  "commentsByHour { hour count }",
  "mostCommented { count article { headline } }",
];

export async function checkStats(lede: TestLede, token: string, from: string | null, to: string | null) {
  const truth = await statsTruth(lede.db.prisma, from ? new Date(from) : null, to ? new Date(to) : null);
  // a window with nothing in it would agree vacuously
  expect(truth.byMonth.size, "articles in the window").toBeGreaterThan(0);
  expect(truth.commentsByDay.size, "comments in the window").toBeGreaterThan(0);
  const month = await lede.query(NewsroomStatsDocument, { from, to, first: 100 }, { token });
  const day = await lede.query(NewsroomStatsDocument, { from, to, first: 100, period: "DAY" }, { token });
  const stats = month.stats;
  const asMap = <T>(rows: T[], key: (row: T) => string, count: (row: T) => number) =>
    new Map(rows.map((row) => [key(row), count(row)]));
  expect(
    asMap(
      stats.articlesBySection,
      (r) => r.section.slug,
      (r) => r.count,
    ),
  ).toEqual(truth.bySection);
  expect(stats.articlesBySection.map((r) => r.count)).toEqual([...truth.bySection.values()].sort((a, b) => b - a));
  const tags = stats.articlesByTag.map((r) => [r.tag.slug, r.count] as const);
  expect(rankingMismatch(tags, ranked(truth.byTag), 100)).toBeNull();
  expect(stats.articlesByPeriod.map((r) => [r.period, r.count])).toEqual([...truth.byMonth.entries()].sort());
  expect(stats.articlesByPeriod.every((r) => r.start.startsWith(r.period))).toBe(true);
  expect(day.stats.articlesByPeriod.map((r) => [r.period, r.count])).toEqual([...truth.byDay.entries()].sort());
  const mentioned = stats.mostMentioned.map((r) => {
    const entity = r.entity as { id: string };
    const key = [...truth.mentioned.keys()].find((k) => globalIdOf(k) === entity.id) ?? entity.id;
    return [key, r.count] as const;
  });
  expect(rankingMismatch(mentioned, ranked(truth.mentioned), 100)).toBeNull();
  expect(stats.commentsByPeriod.map((r) => [r.period, r.count])).toEqual([...truth.commentsByMonth.entries()].sort());
  expect(day.stats.commentsByPeriod.map((r) => [r.period, r.count])).toEqual([...truth.commentsByDay.entries()].sort());
  expect(day.stats.commentsByPeriod.every((r) => r.start.startsWith(r.period))).toBe(true);
  expect(stats.commentsByHour.map((r) => r.count)).toEqual(truth.commentsByHour);
  const commented = stats.mostCommented.map((r) => [rowId(r.article.id), r.count] as const);
  expect(rankingMismatch(commented, ranked(truth.commented), 100)).toBeNull();
}
