// Whether an instance's memory stayed flat. Judged over the steady part of the run: from the second half (or the end
// of the last outage's recovery grace, when later) to the end of the load, where the work is the same from one
// minute to the next. A leak makes the heap after a full GC climb at a steady pace: the least-squares slope of those
// samples is what is bounded, so one sample caught mid-allocation does not decide; RSS (which also holds freed
// memory the allocator keeps) gets a looser bound on its fitted growth over the window.
import type { MemoryFigures } from "./figures.js";
import type { MemorySample } from "./instances.js";
import type { Outage } from "./types.js";

/** Least-squares slope of `y` over `x`. */
export function slope(points: { x: number; y: number }[]): number {
  const n = points.length;
  if (n < 2) return 0;
  const meanX = points.reduce((s, p) => s + p.x, 0) / n;
  const meanY = points.reduce((s, p) => s + p.y, 0) / n;
  let covariance = 0;
  let variance = 0;
  for (const p of points) {
    covariance += (p.x - meanX) * (p.y - meanY);
    variance += (p.x - meanX) ** 2;
  }
  return variance === 0 ? 0 : covariance / variance;
}

export function memoryVerdict(
  name: string,
  samples: MemorySample[],
  run: { loadStart: number; loadEnd: number; outages: Outage[] },
  limits: { maxHeapGrowthMbPerMinute: number; maxRssGrowthMb: number },
): MemoryFigures {
  const during = samples.filter((s) => s.at >= run.loadStart && s.at <= run.loadEnd + 5000);
  const from = Math.max(run.loadStart + (run.loadEnd - run.loadStart) / 2, ...run.outages.map((o) => o.endsAt));
  const judged = during.filter((s) => s.at >= from);
  const minutes = (s: MemorySample) => s.at / 60_000;
  const heapSlope = slope(judged.map((s) => ({ x: minutes(s), y: s.heapMb })));
  const rssSlope = slope(judged.map((s) => ({ x: minutes(s), y: s.rssMb })));
  const windowMinutes = judged.length > 1 ? minutes(judged.at(-1)!) - minutes(judged[0]!) : 0;
  const figures: MemoryFigures = {
    name,
    start: during[0],
    end: during.at(-1),
    window: { from, to: run.loadEnd, samples: judged.length },
    heapSlopeMbPerMinute: heapSlope,
    rssSlopeMbPerMinute: rssSlope,
    rssGrowthMb: rssSlope * windowMinutes,
  };
  if (judged.length < 4) {
    figures.failure = `instance ${name}: only ${judged.length} memory samples after the outages: too few to judge`;
  } else if (heapSlope > limits.maxHeapGrowthMbPerMinute) {
    figures.failure =
      `instance ${name}: the heap after GC grew ${heapSlope.toFixed(2)} MB/min over the steady part ` +
      `(at most ${limits.maxHeapGrowthMbPerMinute})`;
  } else if (figures.rssGrowthMb > limits.maxRssGrowthMb) {
    figures.failure =
      `instance ${name}: RSS grew ${figures.rssGrowthMb.toFixed(1)} MB over the steady part ` +
      `(at most ${limits.maxRssGrowthMb})`;
  }
  return figures;
}
