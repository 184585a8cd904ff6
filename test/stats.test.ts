// stats on the seed story: every aggregate agrees with the rows counted directly, costs one SQL statement, honours
// its window, refuses bad arguments, says who may read it, and still answers the deprecated names.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NewsroomStatsDocument } from "./generated/graphql.js";
import { staff } from "./support/fixtures.js";
import { expectErrorCode, skipDatabase, startLede, type TestLede } from "./support/lede.js";
import { checkStats, STATS_FIELDS } from "./support/stats-checks.js";

describe.skipIf(skipDatabase)("stats on the seed story", () => {
  let lede: TestLede;
  let analyst: string;
  beforeAll(async () => {
    lede = await startLede();
    analyst = (await staff(lede, "ANALYST")).token;
  });
  afterAll(async () => {
    await lede?.close();
  });

  for (const [label, from, to] of [
    ["all time", null, null],
    ["February 2024", "2024-02-01T00:00:00.000Z", "2024-02-29T23:59:59.999Z"],
  ] as const) {
    it(`agrees with the rows for ${label}`, async () => {
      await checkStats(lede, analyst, from, to);
    });
  }

  it("costs one SQL statement per aggregate", async () => {
    const baseline = await lede.countStatements(() => lede.query(`{ __typename }`, {}, { token: analyst }));
    for (const field of STATS_FIELDS) {
      const { statements, sql } = await lede.countStatements(() =>
        lede.query(`{ stats(from: "2020-01-01T00:00:00Z") { ${field} } }`, {}, { token: analyst }),
      );
      expect(statements - baseline.statements, `${field}:\n${sql.join("\n")}`).toBe(1);
    }
  });

  it("refuses a window that ends before it starts, and page sizes out of range", async () => {
    const document = NewsroomStatsDocument;
    for (const [variables, field] of [
      [{ from: "2024-02-01T00:00:00Z", to: "2024-01-01T00:00:00Z" }, "to"],
      [{ first: 0 }, "first"],
      [{ first: 101 }, "first"],
    ] as const) {
      const result = await lede.execute(document, variables, { token: analyst });
      expectErrorCode(result, "BAD_USER_INPUT", { document, variables });
      expect(result.errors![0]!.extensions!.field).toBe(field);
    }
  });

  it("still answers the deprecated names with the same numbers as count and commentsByPeriod(period: DAY)", async () => {
    const document = `{ stats {
      mostMentioned(first: 100) { count articleCount }
      mostCommented(first: 100) { count commentCount }
      commentsByDay { period start count }
      commentsByPeriod(period: DAY) { period start count }
    } }`;
    const { stats } = (await lede.query(document, {}, { token: analyst })) as {
      stats: {
        mostMentioned: { count: number; articleCount: number }[];
        mostCommented: { count: number; commentCount: number }[];
        commentsByDay: unknown[];
        commentsByPeriod: unknown[];
      };
    };
    expect(stats.mostMentioned.length).toBeGreaterThan(0);
    expect(stats.mostMentioned.map((r) => r.articleCount)).toEqual(stats.mostMentioned.map((r) => r.count));
    expect(stats.mostCommented.length).toBeGreaterThan(0);
    expect(stats.mostCommented.map((r) => r.commentCount)).toEqual(stats.mostCommented.map((r) => r.count));
    expect(stats.commentsByDay.length).toBeGreaterThan(0);
    expect(stats.commentsByDay).toEqual(stats.commentsByPeriod);
  });

  it("marks the old names deprecated, pointing to the new ones", async () => {
    const { __schema } = (await lede.query(`{ __schema { types { name
      fields(includeDeprecated: true) { name isDeprecated deprecationReason } } } }`)) as {
      __schema: {
        types: { name: string; fields: { name: string; isDeprecated: boolean; deprecationReason: string }[] | null }[];
      };
    };
    const field = (type: string, name: string) =>
      __schema.types.find((t) => t.name === type)!.fields!.find((f) => f.name === name)!;
    expect(field("EntityCount", "articleCount").deprecationReason).toMatch(/`count`/);
    expect(field("ArticleCommentCount", "commentCount").deprecationReason).toMatch(/`count`/);
    expect(field("Stats", "commentsByDay").deprecationReason).toMatch(/commentsByPeriod\(period: DAY\)/);
    // every row type of Stats has a count that is not deprecated
    for (const type of ["SectionCount", "TagCount", "PeriodCount", "HourCount", "EntityCount", "ArticleCommentCount"])
      expect(field(type, "count").isDeprecated, type).toBe(false);
  });

  it("tells an anonymous caller which accounts may read it, and a reader that theirs may not", async () => {
    const anonymous = await lede.execute(NewsroomStatsDocument, {});
    expectErrorCode(anonymous, "UNAUTHENTICATED", { document: NewsroomStatsDocument });
    // a guest session would not do: the message names the accounts that would
    expect(anonymous.errors![0]!.message).toBe("Sign in with an analyst, editor or admin account to read statistics");
    const reader = (await staff(lede, "READER")).token;
    const refused = await lede.execute(NewsroomStatsDocument, {}, { token: reader });
    expectErrorCode(refused, "FORBIDDEN", { document: NewsroomStatsDocument });
    expect(refused.errors![0]!.message).toBe("Only analyst, editor and admin accounts may read statistics");
  });

  it("is the same for the other staff roles, and closed to readers", async () => {
    const editor = (await staff(lede, "EDITOR")).token;
    const a = await lede.query(NewsroomStatsDocument, {}, { token: analyst });
    const b = await lede.query(NewsroomStatsDocument, {}, { token: editor });
    expect(b).toEqual(a);
    const reader = (await staff(lede, "READER")).token;
    expectErrorCode(await lede.execute(NewsroomStatsDocument, {}, { token: reader }), "FORBIDDEN", {
      document: NewsroomStatsDocument,
    });
  });
});
