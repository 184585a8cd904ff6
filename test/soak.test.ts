// The soak, short (`npm run soak` is the long one): two Lede processes on a PostgreSQL and a Redis of the test's own,
// under steady reads, posts and live subscribers while Redis and then PostgreSQL restart. No event lost or received
// twice, no failure outside the outage windows, recovery within the grace, and no gross memory leak.
import { describe, expect, it } from "vitest";
import { testProvider } from "./support/databases.js";
import { formatReport } from "./soak/format.js";
import { SHORT_PLAN } from "./soak/plan.js";
import { analyse } from "./soak/report.js";
import { runSoak, soakUnavailable } from "./soak/soak.js";

const unavailable = soakUnavailable();
const required = process.env.REQUIRE_SERVICES === "1";

// It brings its own PostgreSQL whichever project runs it: once is enough, in the PostgreSQL project.
describe.skipIf(testProvider() !== "postgresql")("a short soak under restarts", () => {
  it.runIf(unavailable !== null && required)(
    "needs PostgreSQL's binaries and redis-server (REQUIRE_SERVICES=1)",
    () => {
      throw new Error(`the soak cannot run: ${unavailable}`);
    },
  );

  it.skipIf(unavailable !== null)(
    "keeps every promise through a Redis restart and a PostgreSQL restart",
    async () => {
      const progress: string[] = [];
      const run = await runSoak({ ...SHORT_PLAN, progress: (line) => progress.push(line) });
      const report = analyse(run);
      const logs = run.instances.map((i) => `instance ${i.name}:\n${i.output().slice(-4000)}`).join("\n");
      const explanation = `${formatReport(report)}\n\nprogress:\n${progress.join("\n")}\n\n${logs}`;
      expect(report.failures, explanation).toEqual([]);
      // What the verdict rests on, spelled out: both outages happened, events flowed and were all accounted for.
      expect(report.outages.map((o) => o.service)).toEqual(["Redis", "PostgreSQL"]);
      expect(report.posts.acknowledged, explanation).toBeGreaterThan(100);
      for (const subscriber of report.subscribers) {
        expect(subscriber.expected, subscriber.name).toBeGreaterThan(20);
        expect(subscriber.delivered, subscriber.name).toBe(subscriber.expected);
        expect(subscriber.duplicates, subscriber.name).toBe(0);
      }
      expect(report.outside.fiveHundreds).toBe(0);
    },
    // 90 s of load, start-up (initdb, migrations, seed) and the drain, on a loaded 2-core machine
    600_000,
  );
});
