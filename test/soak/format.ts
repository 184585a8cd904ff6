// The soak's report as text: the figures in tables, then the verdict.
import type { SoakReport } from "./figures.js";
import { clockText } from "./report.js";

function table(header: string[], rows: (string | number)[][]): string {
  const cells = [header, ...rows.map((r) => r.map(String))];
  const widths = header.map((_, c) => Math.max(...cells.map((r) => r[c]!.length)));
  return cells
    .map((r) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join("  "))
    .join("\n");
}

const s = (ms: number | null) => (ms === null ? "never" : `${(ms / 1000).toFixed(1)} s`);
const mb = (value: number | undefined) => (value === undefined ? "-" : value.toFixed(1));
const counts = (failures: Record<string, number>) =>
  Object.entries(failures)
    .map(([why, n]) => `${why} ×${n}`)
    .join(", ") || "none";

export function formatReport(report: SoakReport): string {
  const lines: string[] = [];
  lines.push(
    `Lede soak: ${(report.seconds / 60).toFixed(1)} min of load on two instances (PostgreSQL and Redis of its own)`,
    "",
    `Reads    ${report.reads.ok} ok, ${report.reads.failed} failed, ${report.reads.perSecond.toFixed(1)}/s, ` +
      `p95 ${report.reads.p95Ms.toFixed(0)} ms (${report.reads.skipped} skipped: too many unanswered)`,
    `Posts    ${report.posts.acknowledged} acknowledged, ${report.posts.failedAttempts} failed attempts (retried), ` +
      `${report.posts.abandoned} abandoned, ${report.posts.notInLog} missing from the event log, ` +
      `${report.duplicateComments.length} made twice (${report.posts.skipped} skipped)`,
    `Fan-out  lag from acknowledgement to delivery outside the outages: p50 ${report.fanoutLagMs.p50.toFixed(0)} ms, ` +
      `p95 ${report.fanoutLagMs.p95.toFixed(0)} ms, max ${report.fanoutLagMs.max.toFixed(0)} ms`,
    "",
    table(
      ["Restart", "stopped", "down", "5xx inside", "requests recovered", "delivery recovered", "failed inside"],
      report.outages.map((o) => [
        o.service,
        clockText(o.stoppedAt),
        s(o.upAt - o.stoppedAt),
        o.fiveHundreds,
        s(o.requestsRecoveredMs),
        s(o.deliveryRecoveredMs),
        counts(o.failures),
      ]),
    ),
    `Outside the outage windows: ${report.outside.fiveHundreds} 5xx; failed requests: ${counts(report.outside.failures)}`,
    "",
    table(
      [
        "Subscriber",
        "article",
        "posted since its cursor",
        "delivered",
        "lost",
        "dup",
        "out of order",
        "errors inside/outside outages",
        "ended",
        "resumed",
      ],
      report.subscribers.map((x) => [
        x.name,
        x.article,
        x.expected,
        x.delivered,
        x.lost,
        x.duplicates,
        x.outOfOrder,
        `${x.incidents.inside}/${x.incidents.outside}`,
        x.ended,
        x.resumed,
      ]),
    ),
    "",
    table(
      [
        "Memory (MB, after a full GC)",
        "start rss",
        "heap",
        "end rss",
        "heap",
        "steady part: heap MB/min",
        "rss MB/min",
        "samples",
      ],
      report.memory.map((m) => [
        `instance ${m.name}`,
        mb(m.start?.rssMb),
        mb(m.start?.heapMb),
        mb(m.end?.rssMb),
        mb(m.end?.heapMb),
        m.heapSlopeMbPerMinute.toFixed(2),
        m.rssSlopeMbPerMinute.toFixed(2),
        `${m.window.samples} from ${clockText(m.window.from)}`,
      ]),
    ),
    `Error log lines inside/outside the outages: ${report.errorLogs.map((l) => `${l.instance} ${l.inside}/${l.outside}`).join(", ")}`,
    ...report.errorLogs.flatMap((l) => l.examples.map((e) => `  ${l.instance}: ${e}`)),
    `Shutdown: exit codes ${report.exitCodes.join(", ")}`,
    "",
    report.failures.length === 0
      ? "Verdict: every promise held."
      : `Verdict: ${report.failures.filter((f) => !f.startsWith(" ")).length} promises broken:\n` +
          report.failures.map((f) => `  - ${f}`).join("\n"),
  );
  return lines.join("\n");
}
