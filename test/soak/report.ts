// What a soak run amounts to: the figures (events posted, delivered, lost and duplicated per subscriber; reads a
// second; failures and 5xx inside and outside the outage windows; recovery after each restart; memory) and the
// promises it broke, each as one sentence. A request counts as inside an outage when it overlaps the time from the
// stop to the end of the recovery grace; everything else is outside, where nothing may fail.
import type { RequestRecord } from "./http-load.js";
import type { MemorySample } from "./instances.js";
import type { SubscriberRecord } from "./subscribers.js";
import { encodeGlobalId } from "../../src/global-id.js";
import type { LogFigures, OutageFigures, SoakReport, SubscriberFigures } from "./figures.js";
import { memoryVerdict } from "./memory.js";
import { brokenPromises } from "./promises.js";
import type { Outage, SoakRun } from "./types.js";

/** m:ss since the soak started. */
export function clockText(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
}

function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function countBy(records: RequestRecord[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const r of records) counts[`${r.kind} ${r.failure}`] = (counts[`${r.kind} ${r.failure}`] ?? 0) + 1;
  return counts;
}

const overlaps = (r: { start: number; end: number }, o: Outage) => r.start < o.endsAt && r.end > o.stoppedAt;
const inOutage = (outages: Outage[], start: number, end = start) => outages.some((o) => overlaps({ start, end }, o));
const is5xx = (r: RequestRecord) => r.status >= 500;

/** One line of progress while the soak runs. */
export function progressLine(
  run: Pick<SoakRun, "records" | "posted" | "subscribers" | "instances" | "loadStart">,
  now: number,
): string {
  let readsOk = 0;
  let failed = 0;
  for (const r of run.records) {
    if (r.failure) failed++;
    else if (r.kind === "read") readsOk++;
  }
  const seconds = Math.max(1, (now - run.loadStart) / 1000);
  const delivered = run.subscribers.reduce((sum, s) => sum + s.received.size, 0);
  const memory = run.instances
    .map((i) => {
      const last: MemorySample | undefined = i.memory.at(-1);
      return last ? `${i.name} rss ${last.rssMb.toFixed(0)} MB heap ${last.heapMb.toFixed(1)} MB` : `${i.name} -`;
    })
    .join(", ");
  return (
    `reads ${readsOk} (${(readsOk / seconds).toFixed(1)}/s), posts ${run.posted.length}, failed requests ${failed}, ` +
    `events delivered ${delivered}; ${memory}`
  );
}

/** Each subscriber's arrivals by comment id (a run has thousands of events: look them up, do not search). */
const arrivalsCache = new WeakMap<SubscriberRecord, Map<string, number>>();
function arrivals(s: SubscriberRecord): Map<string, number> {
  let byComment = arrivalsCache.get(s);
  if (!byComment) {
    byComment = new Map([...s.received.values()].map((e) => [e.commentId, e.at]));
    arrivalsCache.set(s, byComment);
  }
  return byComment;
}

function subscriberFigures(run: SoakRun, s: SubscriberRecord): SubscriberFigures {
  const logged = run.log.filter((e) => e.article === s.article && e.seq > s.startSeq);
  const visible = logged.filter(
    (e) => e.kind !== "FLAGGED" && (e.status === "VISIBLE" || e.previousStatus === "VISIBLE"),
  );
  const inLog = new Set(logged.map((e) => e.seq));
  const incidents = [...s.broken, ...s.ended];
  const inside = incidents.filter((i) => inOutage(run.outages, i.at)).length;
  return {
    name: s.name,
    article: s.article,
    reconnecting: s.reconnecting,
    expected: visible.length,
    delivered: visible.filter((e) => s.received.has(e.seq)).length,
    lost: visible.filter((e) => !s.received.has(e.seq)).length,
    duplicates: s.duplicates,
    outOfOrder: s.outOfOrder,
    phantom: [...s.received.keys()].filter((seq) => !inLog.has(seq)).length,
    incidents: { inside, outside: incidents.length - inside },
    ended: s.ended.length,
    resumed: s.resumed,
  };
}

function outageFigures(run: SoakRun, outage: Outage): OutageFigures {
  const inside = run.records.filter((r) => overlaps(r, outage));
  const failed = inside.filter((r) => r.failure);
  const lastFailure = Math.max(outage.upAt, ...failed.map((r) => r.end));
  const firstAfter = run.posted.filter((p) => p.startedAt >= outage.upAt).sort((a, b) => a.startedAt - b.startedAt)[0];
  let deliveryRecoveredMs: number | null = null;
  if (firstAfter) {
    const steady = run.subscribers.filter((s) => !s.reconnecting && s.article === firstAfter.article);
    const times = steady.map((s) => arrivals(s).get(firstAfter.commentId));
    if (times.every((at) => at !== undefined)) deliveryRecoveredMs = Math.max(...(times as number[])) - outage.upAt;
  }
  return {
    ...outage,
    failures: countBy(failed),
    fiveHundreds: inside.filter(is5xx).length,
    requestsRecoveredMs: lastFailure - outage.upAt,
    deliveryRecoveredMs,
  };
}

/** The instance's error-level log lines, placed on the soak's clock by their timestamps. */
function logFigures(run: SoakRun, instance: SoakRun["instances"][number]): LogFigures {
  const figures: LogFigures = { instance: instance.name, inside: 0, outside: 0, examples: [] };
  for (const line of instance.output().split("\n")) {
    if (!line.startsWith("{") || !line.includes('"level":"error"')) continue;
    let entry: { time?: string };
    try {
      entry = JSON.parse(line) as typeof entry;
    } catch {
      continue;
    }
    const at = Date.parse(entry.time ?? "") - run.wallStart;
    if (inOutage(run.outages, at)) figures.inside++;
    else figures.outside++;
    if (figures.examples.length < 3) figures.examples.push(`${clockText(at)} ${line.slice(0, 400)}`);
  }
  return figures;
}

export function analyse(run: SoakRun): SoakReport {
  const { records, outages, options } = run;
  const seconds = (run.loadEnd - run.loadStart) / 1000;
  const outside = records.filter((r) => !outages.some((o) => overlaps(r, o)));
  const reads = records.filter((r) => r.kind === "read");
  const okReads = reads.filter((r) => !r.failure);
  const loggedComments = new Set(run.log.map((e) => encodeGlobalId("Comment", e.commentId)));
  const steady = run.subscribers.filter((s) => !s.reconnecting);
  const lags: number[] = [];
  for (const post of run.posted) {
    if (inOutage(outages, post.ackAt)) continue;
    for (const s of steady.filter((x) => x.article === post.article)) {
      const at = arrivals(s).get(post.commentId);
      if (at !== undefined) lags.push(Math.max(0, at - post.ackAt));
    }
  }
  const report: SoakReport = {
    seconds,
    posts: {
      acknowledged: run.posted.length,
      failedAttempts: records.filter((r) => r.kind === "write" && r.failure).length,
      abandoned: run.abandoned,
      skipped: run.skipped.posts,
      notInLog: run.posted.filter((p) => !loggedComments.has(p.commentId)).length,
    },
    reads: {
      ok: okReads.length,
      failed: reads.length - okReads.length,
      perSecond: okReads.length / seconds,
      p95Ms: percentile(
        okReads.map((r) => r.end - r.start),
        95,
      ),
      skipped: run.skipped.reads,
    },
    outside: { failures: countBy(outside.filter((r) => r.failure)), fiveHundreds: outside.filter(is5xx).length },
    outages: outages.map((o) => outageFigures(run, o)),
    subscribers: run.subscribers.map((s) => subscriberFigures(run, s)),
    fanoutLagMs: { p50: percentile(lags, 50), p95: percentile(lags, 95), max: Math.max(0, ...lags) },
    memory: run.instances.map((i) => memoryVerdict(i.name, i.memory, run, options.memory)),
    errorLogs: run.instances.map((i) => logFigures(run, i)),
    exitCodes: run.exitCodes,
    duplicateComments: run.duplicateComments,
    failures: [],
  };
  report.failures = brokenPromises(run, report);
  return report;
}
