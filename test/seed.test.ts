// The seed story: complete, in Lede's own words, and idempotent.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDatabase } from "../src/seed/seed.js";
import { seedContent } from "../src/seed/story.js";
import { skipDatabase, startLede, type TestLede } from "./support/lede.js";

const REFERENCE_DIR = new URL("../../shared/reference/", import.meta.url);

describe.skipIf(skipDatabase)("seed", () => {
  let lede: TestLede;
  beforeAll(async () => {
    lede = await startLede();
  });
  afterAll(async () => {
    await lede?.close();
  });

  it("changes nothing when it runs again", async () => {
    const tables = [
      "article",
      "person",
      "organisation",
      "event",
      "place",
      "mention",
      "comment",
      "affiliation",
    ] as const;
    const count = () =>
      Promise.all(tables.map((t) => (lede.db.prisma[t] as unknown as { count(): Promise<number> }).count()));
    const before = await count();
    const report = await seedDatabase(lede.db.prisma);
    expect(report.created).toBe(0);
    expect(report.total).toBeGreaterThan(50);
    expect(await count()).toEqual(before);
  });

  it("has at least three published articles on the story and a dozen comments with replies", () => {
    const published = seedContent.articles.filter((a) => a.status === "PUBLISHED");
    expect(published.length).toBeGreaterThanOrEqual(3);
    const comments = seedContent.articles.flatMap((a) => a.thread);
    expect(comments.length).toBeGreaterThanOrEqual(12);
    expect(comments.filter((c) => c.replyTo).length).toBeGreaterThanOrEqual(4);
  });
});

describe.skipIf(!existsSync(REFERENCE_DIR))("seed text against ../shared/reference", () => {
  it("copies no sentence of the reference article (no run of eight words in common)", () => {
    const words = (text: string) =>
      text
        .toLowerCase()
        .replace(/[’']/g, "'")
        .match(/[\p{L}\p{N}']+/gu) ?? [];
    const shingles = (text: string, n: number) => {
      const w = words(text);
      return new Set(w.slice(0, Math.max(0, w.length - n + 1)).map((_, i) => w.slice(i, i + n).join(" ")));
    };
    const reference = readdirSync(REFERENCE_DIR)
      .map((f) => readFileSync(new URL(f, REFERENCE_DIR), "utf8"))
      .join("\n");
    const referenceShingles = shingles(reference, 8);
    const ours = JSON.stringify(seedContent);
    const copied = [...shingles(ours, 8)].filter((s) => referenceShingles.has(s));
    expect(copied).toEqual([]);
  });
});
