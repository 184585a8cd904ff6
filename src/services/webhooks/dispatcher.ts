// The webhook dispatcher: runs inside every Lede instance, takes due deliveries from the outbox and sends them.
// A delivery is claimed with a conditional UPDATE (… WHERE claimedUntil is past), so two instances never send it at
// the same time; a claim lapses after a lease, so the deliveries of an instance that died are sent by another one.
// Failures are retried with exponential backoff and jitter over hours; every attempt is logged; an endpoint that
// keeps failing for the configured time is disabled.
import { Webhook } from "standardwebhooks";
import type { Clock, IdGenerator } from "../../context.js";
import type { Config } from "../../platform/config.js";
import type { Database } from "../../platform/db.js";
import type { Logger } from "../../platform/logger.js";
import { addressRule, type AddressRule } from "./addresses.js";
import { attemptDelivery, type AttemptResult } from "./send.js";

const BATCH = 20;
/** The longest wait between two attempts. */
const MAX_DELAY_MS = 6 * 3_600_000;

export interface WebhookDispatcher {
  start(): void;
  /** Stops polling and waits for the attempts under way. */
  stop(): Promise<void>;
  /** One pass: claims what is due and sends it; resolves with the number of attempts made. */
  runOnce(): Promise<number>;
}

export interface DispatcherDeps {
  db: Database;
  config: Config;
  clock: Clock;
  newId: IdGenerator;
  logger: Logger;
  random?: () => number;
}

/** The wait before attempt `attempts + 1`: base × 2^(attempts−1), capped, with "equal jitter" (half fixed, half
 * random), so that receivers coming back from an outage are not hit by every retry at once. */
export function retryDelayMs(attempts: number, baseMs: number, random: () => number = Math.random): number {
  const delay = Math.min(MAX_DELAY_MS, baseMs * 2 ** Math.max(0, attempts - 1));
  return Math.round(delay / 2 + (random() * delay) / 2);
}

/** The webhook-signature header: one signature per secret in use (both during a rotation's overlap). */
export function signatureHeader(
  secrets: { secret: string; previousSecret: string | null; previousSecretUntil: Date | null },
  messageId: string,
  timestamp: Date,
  payload: string,
): string {
  const keys = [secrets.secret];
  if (secrets.previousSecret && secrets.previousSecretUntil && secrets.previousSecretUntil > timestamp)
    keys.push(secrets.previousSecret);
  return keys.map((key) => new Webhook(key).sign(messageId, timestamp, payload)).join(" ");
}

export function createWebhookDispatcher(deps: DispatcherDeps): WebhookDispatcher {
  const { db, config, clock, logger } = deps;
  const prisma = db.prisma;
  const settings = config.webhooks;
  const rule: AddressRule = addressRule(settings.allowedAddresses);
  const instance = `dispatcher-${deps.newId()}`;
  // Long enough for one attempt with its redirects; a claim older than this belongs to an instance that died.
  const leaseMs = settings.timeoutMs * 4 + 30_000;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<number> | undefined;
  let stopped = true;
  let shutdown = new AbortController();

  async function claimDue(): Promise<string[]> {
    const now = clock();
    const claimable = { status: "PENDING" as const, OR: [{ claimedUntil: null }, { claimedUntil: { lt: now } }] };
    const due = await prisma.webhookDelivery.findMany({
      where: { ...claimable, nextAttemptAt: { lte: now }, endpoint: { enabled: true } },
      orderBy: [{ nextAttemptAt: "asc" }, { id: "asc" }],
      take: BATCH,
      select: { id: true },
    });
    const claimed: string[] = [];
    for (const { id } of due) {
      const { count } = await prisma.webhookDelivery.updateMany({
        where: { id, ...claimable },
        data: { claimedUntil: new Date(now.getTime() + leaseMs), claimedBy: instance },
      });
      if (count === 1) claimed.push(id);
    }
    return claimed;
  }

  async function record(
    deliveryId: string,
    endpointId: string,
    attempts: number,
    started: Date,
    result: AttemptResult,
  ) {
    const now = clock();
    const failed = !result.ok;
    const givingUp = failed && attempts >= settings.maxAttempts;
    await prisma.$transaction(async (tx) => {
      await tx.webhookAttempt.create({
        data: {
          id: deps.newId(),
          deliveryId,
          startedAt: started,
          durationMs: result.durationMs,
          statusCode: result.statusCode,
          error: result.error,
          responseBody: result.responseBody,
          createdAt: now,
          updatedAt: now,
        },
      });
      await tx.webhookDelivery.updateMany({
        where: { id: deliveryId, claimedBy: instance },
        data: {
          attempts,
          claimedUntil: null,
          claimedBy: null,
          updatedAt: now,
          ...(result.ok
            ? { status: "DELIVERED", deliveredAt: now }
            : givingUp
              ? { status: "FAILED" }
              : { nextAttemptAt: new Date(now.getTime() + retryDelayMs(attempts, settings.retryBaseMs, deps.random)) }),
        },
      });
      const endpoint = await tx.webhookEndpoint.findUniqueOrThrow({ where: { id: endpointId } });
      if (!failed) {
        if (endpoint.failingSince)
          await tx.webhookEndpoint.update({ where: { id: endpointId }, data: { failingSince: null } });
        return;
      }
      const since = endpoint.failingSince ?? started;
      const disable = endpoint.enabled && now.getTime() - since.getTime() >= settings.disableAfterMs;
      await tx.webhookEndpoint.update({
        where: { id: endpointId },
        data: {
          failingSince: since,
          ...(disable
            ? { enabled: false, disabledReason: `every delivery failed since ${since.toISOString()}`, updatedAt: now }
            : {}),
        },
      });
      if (disable) logger.warn("webhook endpoint disabled after failing", { endpointId, since: since.toISOString() });
    });
  }

  async function deliver(deliveryId: string): Promise<void> {
    const delivery = await prisma.webhookDelivery.findUnique({
      where: { id: deliveryId },
      include: { endpoint: true },
    });
    if (!delivery) return;
    const started = clock();
    const headers = {
      "webhook-id": delivery.messageId,
      "webhook-timestamp": String(Math.floor(started.getTime() / 1000)),
      "webhook-signature": signatureHeader(delivery.endpoint, delivery.messageId, started, delivery.payload),
      "user-agent": "Lede-Webhooks/1",
    };
    const result = await attemptDelivery(delivery.endpoint.url, headers, delivery.payload, {
      rule,
      timeoutMs: settings.timeoutMs,
      shutdown: shutdown.signal,
    });
    await record(delivery.id, delivery.endpointId, delivery.attempts + 1, started, result);
    logger.debug("webhook attempt", { deliveryId, status: result.statusCode, error: result.error });
  }

  async function runOnce(): Promise<number> {
    const claimed = await claimDue();
    await Promise.all(
      claimed.map((id) =>
        deliver(id).catch((error) => logger.error("webhook delivery failed", { deliveryId: id, error: String(error) })),
      ),
    );
    return claimed.length;
  }

  function schedule() {
    if (stopped) return;
    timer = setTimeout(() => {
      running = runOnce().catch((error) => {
        logger.warn("webhook dispatch pass failed", { error: String(error) });
        return 0;
      });
      void running.finally(schedule);
    }, settings.pollMs);
    timer.unref();
  }

  return {
    start() {
      if (!stopped) return;
      stopped = false;
      shutdown = new AbortController();
      schedule();
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      shutdown.abort();
      await running;
    },
    runOnce,
  };
}
