// Single flight in the response cache, end to end: identical anonymous queries that miss together are read once and
// all answered with that read; readers with a token, and mutations, are never answered with another request's result.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { guest } from "./support/fixtures.js";
import { skipDatabase, startLede, type TestLede } from "./support/lede.js";

const LIST = `query Burst($first: Int!) {
  articles(first: $first) { totalCount edges { node { headline section { name } } } }
}`;

describe.skipIf(skipDatabase)("response cache: one read for readers who miss together", () => {
  let lede: TestLede;
  beforeAll(async () => {
    lede = await startLede();
  });
  afterAll(async () => {
    await lede?.close();
  });

  it("reads an answer once for eight anonymous readers who ask for it at the same moment", async () => {
    const once = await lede.countStatements(() => lede.query(LIST, { first: 2 }));
    const burst = await lede.countStatements(() =>
      Promise.all(Array.from({ length: 8 }, () => lede.execute(LIST, { first: 3 }))),
    );
    expect(once.statements).toBeGreaterThan(0);
    expect(burst.statements, burst.sql.join("\n")).toBe(once.statements);
    for (const answer of burst.result) {
      expect(answer.errors).toBeUndefined();
      expect(answer).toEqual(burst.result[0]);
    }
  });

  it("reads for each signed-in reader: their answers are theirs", async () => {
    const { token } = await guest(lede, "Flight Reader");
    const once = await lede.countStatements(() => lede.execute(LIST, { first: 4 }, { token }));
    const burst = await lede.countStatements(() =>
      Promise.all(Array.from({ length: 3 }, () => lede.execute(LIST, { first: 4 }, { token }))),
    );
    expect(once.result.errors).toBeUndefined();
    for (const answer of burst.result) expect(answer.errors).toBeUndefined();
    // Each of the three read for itself (the viewer's own lookups may come from its loaders' cache: at most one less).
    expect(burst.statements).toBeGreaterThanOrEqual(3 * (once.statements - 1));
  });

  it("runs every mutation, however alike", async () => {
    const start = `mutation { startGuestSession(displayName: "Twin") { token } }`;
    const [a, b] = await Promise.all([lede.execute(start), lede.execute(start)]);
    const tokens = [a, b].map((r) => (r.data as { startGuestSession: { token: string } }).startGuestSession.token);
    expect(new Set(tokens).size).toBe(2);
  });
});
