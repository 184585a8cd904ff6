// The soak's promises, judged on its figures: one sentence for each that was broken.
//  - Every subscriber receives every event of the log after its cursor: none lost, none twice, none out of order.
//  - Steady subscriptions never end; nothing fails (request, subscription start, event) outside the outage windows,
//    and no 5xx is answered there. Inside them too, nothing fails unexpectedly: an absent service is answered
//    SERVICE_UNAVAILABLE, never INTERNAL_SERVER_ERROR, and the instances log no error.
//  - After each restart requests and live delivery recover within the grace; every post succeeds in the end, once.
//  - Memory is flat over the steady part (memory.ts); both instances shut down cleanly.
import type { SoakReport } from "./figures.js";
import type { SoakRun } from "./types.js";

export function brokenPromises(run: SoakRun, report: SoakReport): string[] {
  const failures: string[] = [];
  const grace = run.options.recoveryGraceSeconds * 1000;
  report.subscribers.forEach((s, i) => {
    const what = [
      s.lost && `lost ${s.lost} of ${s.expected} events`,
      s.duplicates && `received ${s.duplicates} twice`,
      s.outOfOrder && `received ${s.outOfOrder} out of order`,
      s.phantom && `received ${s.phantom} events the log does not have`,
      s.incidents.outside && `had ${s.incidents.outside} errors or ended subscriptions outside the outages`,
      !s.reconnecting && s.ended && `had its subscription end ${s.ended} times`,
    ].filter(Boolean);
    if (what.length === 0) return;
    failures.push(`subscriber ${s.name} (article ${s.article}) ${what.join(", ")}`);
    const record = run.subscribers[i]!;
    for (const incident of [...record.ended, ...record.broken].slice(0, 3)) {
      failures.push(`  at ${(incident.at / 1000).toFixed(1)} s on instance ${incident.instance}: ${incident.why}`);
    }
  });
  if (report.subscribers.every((s) => s.expected === 0))
    failures.push("no subscriber expected any event: nothing was tested");
  const outside = Object.values(report.outside.failures).reduce((a, b) => a + b, 0);
  if (outside) {
    failures.push(`${outside} requests failed outside the outage windows: ${JSON.stringify(report.outside.failures)}`);
  }
  if (report.outside.fiveHundreds)
    failures.push(`${report.outside.fiveHundreds} answers were 5xx outside the outage windows`);
  // A service that is away is answered SERVICE_UNAVAILABLE: an unexpected error is a bug, inside an outage too.
  for (const log of report.errorLogs) {
    if (log.inside + log.outside === 0) continue;
    failures.push(
      `instance ${log.instance} logged ${log.inside + log.outside} errors (${log.outside} outside the outages)`,
    );
    for (const example of log.examples) failures.push(`  ${example}`);
  }
  const unexpected = report.outages.reduce(
    (sum, o) =>
      sum + Object.entries(o.failures).reduce((n, [why, count]) => n + (why.includes("INTERNAL") ? count : 0), 0),
    0,
  );
  if (unexpected) failures.push(`${unexpected} requests inside the outages were answered INTERNAL_SERVER_ERROR`);
  const { posts } = report;
  if (posts.abandoned)
    failures.push(`${posts.abandoned} posts never succeeded, retried for ${run.options.drainSeconds} s`);
  if (posts.notInLog) failures.push(`${posts.notInLog} acknowledged posts have no event in the log`);
  if (report.duplicateComments.length)
    failures.push(`posts made twice: ${report.duplicateComments.slice(0, 5).join(", ")}`);
  if (posts.acknowledged === 0 || report.reads.ok === 0)
    failures.push("no successful posts or reads: nothing was tested");
  for (const o of report.outages) {
    if (o.requestsRecoveredMs > grace) {
      failures.push(
        `${o.service}: requests still failed ${(o.requestsRecoveredMs / 1000).toFixed(1)} s after it was back`,
      );
    }
    if (o.deliveryRecoveredMs === null || o.deliveryRecoveredMs > grace) {
      failures.push(`${o.service}: live delivery did not recover within ${grace / 1000} s of its return`);
    }
  }
  if (report.outages.length < 2) failures.push("the run ended before both restarts");
  for (const m of report.memory) if (m.failure) failures.push(m.failure);
  report.exitCodes.forEach((code, i) => {
    if (code !== 0) failures.push(`instance ${run.instances[i]!.name} ended with exit code ${code} on SIGTERM`);
  });
  return failures;
}
