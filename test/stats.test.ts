// stats on the seed story: every aggregate agrees with the rows counted directly, costs one SQL statement, honours
// its window, and refuses bad arguments.
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
