// The one row loader (src/loaders/rows.ts): rows of every loadable model, read together in one statement, come back
// exactly as Prisma's own findMany returns them (Dates, booleans, nulls, enums, floats), on both databases; unknown
// ids are null and repeated ids are read once.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRowLoader, type RowKey } from "../src/loaders/rows.js";
import { ROW_TYPENAMES } from "../src/loaders/index.js";
import { provider, skipDatabase, startLede, type TestLede } from "./support/lede.js";

describe.skipIf(skipDatabase)(`rows by id across tables [${provider}]`, () => {
  let lede: TestLede;
  beforeAll(async () => {
    lede = await startLede();
  });
  afterAll(async () => {
    await lede?.close();
  });

  it("returns every model's rows as Prisma does, all models in one statement", async () => {
    const prisma = lede.db.prisma as unknown as Record<string, { findMany(args: object): Promise<{ id: string }[]> }>;
    const expected = new Map<RowKey, unknown>();
    for (const model of ROW_TYPENAMES) {
      const delegate = prisma[model.charAt(0).toLowerCase() + model.slice(1)]!;
      const rows = await delegate.findMany({ take: 40, orderBy: { id: "asc" } });
      expect(rows.length, `the seed has ${model} rows`).toBeGreaterThan(0);
      for (const row of rows) expected.set(`${model}:${row.id}`, row);
    }
    const loader = createRowLoader(lede.db.prisma, lede.db.provider, { cache: true });
    const keys = [...expected.keys()];
    const { result, statements } = await lede.countStatements(() => Promise.all(keys.map((key) => loader.load(key))));
    expect(statements).toBe(1);
    keys.forEach((key, i) => expect(result[i], key).toStrictEqual(expected.get(key)));
  });

  it("answers null for ids that match nothing and reads a repeated id once", async () => {
    const loader = createRowLoader(lede.db.prisma, lede.db.provider, { cache: true });
    const [person] = await lede.db.prisma.person.findMany({ take: 1 });
    const { result, sql } = await lede.countStatements(() =>
      Promise.all([
        loader.load(`Person:${person!.id}`),
        loader.load(`Person:${person!.id}`),
        loader.load("Person:no-such-id"),
        loader.load(`Account:${person!.id}`),
      ]),
    );
    expect(result[0]).toStrictEqual(person);
    expect(result[1]).toBe(result[0]);
    expect(result.slice(2)).toEqual([null, null]);
    expect(sql).toHaveLength(1);
  });
});
