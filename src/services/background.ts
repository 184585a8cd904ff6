// The work each instance does besides answering requests: sending webhooks from the outbox and running the
// scheduled publications. Both claim their work in the database, so any number of instances may run them.
import type { AppDeps } from "../context.js";
import type { Logger } from "../platform/logger.js";
import { createPublishingScheduler } from "./scheduling/scheduler.js";
import { createWebhookDispatcher } from "./webhooks/dispatcher.js";

export interface BackgroundWork {
  stop(): Promise<void>;
}

export function startBackgroundWork(deps: AppDeps, logger: Logger): BackgroundWork {
  const dispatcher = createWebhookDispatcher({ ...deps, logger });
  const scheduler = createPublishingScheduler(deps, logger);
  if (deps.config.webhooks.dispatch) dispatcher.start();
  if (deps.config.scheduler.enabled) scheduler.start();
  return {
    async stop() {
      await Promise.all([dispatcher.stop(), scheduler.stop()]);
    },
  };
}
