// The synthetic corpus's randomness on its own: one seed, one sequence; values in their ranges; Zipf ranks skewed
// towards the top; slugs of ASCII words.
import { describe, expect, it } from "vitest";
import { Random, slugify, Zipf } from "../../src/seed/corpus-random.js";

const draws = (random: Random, n: number) => Array.from({ length: n }, () => random.next());

describe("Random", () => {
  it("gives the same sequence for the same seed and another for another seed", () => {
    expect(draws(new Random(11), 50)).toEqual(draws(new Random(11), 50));
    expect(draws(new Random(11), 50)).not.toEqual(draws(new Random(12), 50));
    // small neighbouring seeds start far apart
    expect(Math.abs(new Random(1).next() - new Random(2).next())).toBeGreaterThan(0.001);
    // a seed that would zero the state still draws
    expect(new Set(draws(new Random(0x9e3779b9), 10)).size).toBe(10);
  });

  it("draws floats in [0, 1), roughly uniform", () => {
    const values = draws(new Random(5), 20_000);
    expect(values.every((v) => v >= 0 && v < 1)).toBe(true);
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    expect(mean).toBeGreaterThan(0.49);
    expect(mean).toBeLessThan(0.51);
    const deciles = Array.from({ length: 10 }, (_, d) => values.filter((v) => Math.floor(v * 10) === d).length);
    for (const count of deciles) expect(count).toBeGreaterThan(1800);
  });

  it("keeps int, pick, chance and weighted within what they are given", () => {
    const random = new Random(9);
    const ints = Array.from({ length: 5000 }, () => random.int(3, 7));
    expect(new Set(ints)).toEqual(new Set([3, 4, 5, 6, 7]));
    expect(Array.from({ length: 200 }, () => random.pick(["a", "b"])).every((x) => x === "a" || x === "b")).toBe(true);
    expect(Array.from({ length: 200 }, () => random.chance(0)).some(Boolean)).toBe(false);
    expect(Array.from({ length: 200 }, () => random.chance(1)).every(Boolean)).toBe(true);
    const picks = Array.from({ length: 10_000 }, () =>
      random.weighted([
        ["rare", 1],
        ["common", 9],
        ["never", 0],
      ] as const),
    );
    expect(picks).not.toContain("never");
    const rare = picks.filter((p) => p === "rare").length;
    expect(rare).toBeGreaterThan(800);
    expect(rare).toBeLessThan(1200);
  });

  it("draws exponential values around their mean, and Pareto values above their scale with a heavy tail", () => {
    const random = new Random(3);
    const exponential = Array.from({ length: 20_000 }, () => random.exponential(4));
    const mean = exponential.reduce((a, b) => a + b, 0) / exponential.length;
    expect(mean).toBeGreaterThan(3.8);
    expect(mean).toBeLessThan(4.2);
    const pareto = Array.from({ length: 20_000 }, () => random.pareto(2, 1.5)).sort((a, b) => a - b);
    expect(pareto[0]!).toBeGreaterThanOrEqual(2);
    expect(pareto.at(-1)!).toBeGreaterThan(pareto[pareto.length / 2]! * 50);
  });
});

describe("Zipf", () => {
  it("draws ranks in range, the first far more often than the median", () => {
    const zipf = new Zipf(100);
    const random = new Random(1);
    const counts = new Array<number>(100).fill(0);
    for (let i = 0; i < 50_000; i++) counts[zipf.sample(random)]!++;
    expect(counts.reduce((a, b) => a + b, 0)).toBe(50_000);
    expect(counts[0]!).toBeGreaterThan(counts[1]!);
    expect(counts[1]!).toBeGreaterThan(counts[9]!);
    expect(counts[0]!).toBeGreaterThan(counts[50]! * 20);
    expect(counts[99]!).toBeGreaterThan(0);
  });

  it("has a single rank when its size is one", () => {
    const zipf = new Zipf(1);
    const random = new Random(2);
    expect(Array.from({ length: 20 }, () => zipf.sample(random))).toEqual(new Array(20).fill(0));
  });
});

describe("slugify", () => {
  it("makes ASCII words joined by hyphens", () => {
    expect(slugify("Zürich: a Café & More!")).toBe("zurich-a-cafe-more");
    expect(slugify("--Already--slugged--")).toBe("already-slugged");
    expect(slugify("Пригожин")).toBe("");
  });
});
