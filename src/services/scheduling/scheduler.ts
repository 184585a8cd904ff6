// The publishing scheduler inside every instance: a pass at start (catching up on what came due while no instance
// ran), then one every SCHEDULER_POLL_MS. A pass that changed an article drops every cached answer, here and on the
// other instances, since lists, feeds and counts change with it.
import type { AppDeps } from "../../context.js";
import type { Logger } from "../../platform/logger.js";
import { runDueJobs } from "./jobs.js";

export interface PublishingScheduler {
  start(): void;
  stop(): Promise<void>;
  /** One pass; resolves with how many jobs this instance ran. */
  runOnce(): Promise<number>;
}

export function createPublishingScheduler(deps: AppDeps, logger: Logger): PublishingScheduler {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<number> | undefined;
  let stopped = true;

  async function runOnce(): Promise<number> {
    const { ran, actions } = await runDueJobs(deps);
    if (ran > 0) {
      deps.pubsub.publish("cache:invalidate", "all", { origin: "scheduler", all: true });
      logger.info("scheduled changes made", { ran, actions });
    }
    return ran;
  }

  function pass(delayMs: number) {
    if (stopped) return;
    timer = setTimeout(() => {
      running = runOnce().catch((error) => {
        logger.warn("scheduler pass failed", { error: String(error) });
        return 0;
      });
      void running.finally(() => pass(deps.config.scheduler.pollMs));
    }, delayMs);
    timer.unref();
  }

  return {
    start() {
      if (!stopped) return;
      stopped = false;
      pass(0);
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
    runOnce,
  };
}
