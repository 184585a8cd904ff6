// Deterministic randomness for the synthetic corpus: one seeded generator, and the skewed distributions that make
// a newsroom's data look like one (a few people in every story, most articles with few comments, a handful with
// hundreds).

export class Random {
  private state: number;

  constructor(seed: number) {
    // Spread small seeds (1, 2, 3…) over the whole state space before the first draw.
    this.state = Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) >>> 0 || 1;
  }

  /** A float in [0, 1) (mulberry32). */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** Exponentially distributed with the given mean. */
  exponential(mean: number): number {
    return -Math.log(1 - this.next()) * mean;
  }

  /** Pareto-distributed (heavy tail) with minimum `scale`. */
  pareto(scale: number, shape: number): number {
    return scale / Math.pow(1 - this.next(), 1 / shape);
  }

  /** Picks by weight (weights need not sum to 1). */
  weighted<T>(choices: readonly (readonly [T, number])[]): T {
    const total = choices.reduce((sum, [, weight]) => sum + weight, 0);
    let r = this.next() * total;
    for (const [value, weight] of choices) {
      r -= weight;
      if (r < 0) return value;
    }
    return choices[choices.length - 1]![0];
  }
}

/**
 * Ranks 0…n-1 drawn with probability proportional to 1/(rank+1)^exponent: the Zipf-like popularity of names in the
 * news (the first few are in a large share of stories, the long tail in one or two).
 */
export class Zipf {
  private readonly cumulative: Float64Array;

  constructor(
    readonly size: number,
    exponent = 1.07,
  ) {
    this.cumulative = new Float64Array(size);
    let sum = 0;
    for (let rank = 0; rank < size; rank++) {
      sum += 1 / Math.pow(rank + 1, exponent);
      this.cumulative[rank] = sum;
    }
  }

  sample(random: Random): number {
    const target = random.next() * this.cumulative[this.size - 1]!;
    let low = 0;
    let high = this.size - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.cumulative[middle]! < target) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}

export function slugify(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}
