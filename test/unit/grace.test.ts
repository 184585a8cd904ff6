// The response cache's grace (src/caching/grace.ts): an answer is served until its grace, counted from when it was
// read, runs out, and is due to be read again after a quarter of it; a newer read replaces an older one and never the
// other way; a grace of 0 keeps nothing.
import { describe, expect, it } from "vitest";
import { createGrace } from "../../src/caching/grace.js";

const answer = (count: number) => ({ data: { article: { commentCount: count } } });

describe("response-cache grace", () => {
  it("serves an answer until its grace, counted from when it was read, runs out", () => {
    let now = 10_000;
    const grace = createGrace({ graceMs: 1000, maxBytes: 1 << 20, now: () => now });
    grace.keep("story", answer(1), 9_800);
    expect(grace.get("story")).toEqual({ result: answer(1), due: false });
    now = 10_051;
    expect(grace.get("story")).toEqual({ result: answer(1), due: true });
    now = 10_800;
    expect(grace.get("story")).toEqual({ result: answer(1), due: true });
    now = 10_801;
    expect(grace.get("story")).toBeUndefined();
    // gone for good, not back when the clock is read again
    now = 10_000;
    expect(grace.get("story")).toBeUndefined();
  });

  it("keeps the newest read of an answer, and nothing read longer ago than the grace", () => {
    const now = 50_000;
    const grace = createGrace({ graceMs: 1000, maxBytes: 1 << 20, now: () => now });
    grace.keep("story", answer(2), 49_800);
    grace.keep("story", answer(1), 49_500); // read earlier: the newer one stays
    expect(grace.get("story")?.result).toEqual(answer(2));
    grace.keep("story", answer(3), 49_900);
    expect(grace.get("story")?.result).toEqual(answer(3));
    grace.keep("front", answer(0), 48_000); // already out of grace
    expect(grace.get("front")).toBeUndefined();
    grace.clear();
    expect(grace.get("story")).toBeUndefined();
  });

  it("keeps nothing with a grace of 0", () => {
    const grace = createGrace({ graceMs: 0, maxBytes: 1 << 20, now: () => 1 });
    grace.keep("story", answer(1), 1);
    expect(grace.get("story")).toBeUndefined();
  });
});
