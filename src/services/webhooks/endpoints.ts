// Webhook endpoints (ADMIN only): register one with its events, rotate its secret with an overlap, switch it off and
// on, and replay deliveries. A secret is returned only by the mutation that makes it.
import { randomBytes } from "node:crypto";
import type { Context } from "../../context.js";
import { BadUserInputError, NotFoundError } from "../../errors.js";
import type { WebhookEndpoint } from "../../generated/prisma/client.js";
import { decodeGlobalIdOf } from "../../global-id.js";
import { writeTransaction } from "../../platform/transactions.js";
import { audit } from "../shared/audit.js";
import { requireRole } from "../shared/authz.js";
import { checkedText } from "../shared/text.js";
import { addressRule, checkReceiverUrl, RefusedAddressError } from "./addresses.js";
import { WEBHOOK_EVENT_TYPES } from "./outbox.js";

export interface EndpointWithSecret {
  endpoint: WebhookEndpoint;
  /** whsec_…: give it to the receiver; Lede does not show it again. */
  secret: string;
}

const MAX_REPLAY = 1000;

function newSecret(): string {
  return `whsec_${randomBytes(24).toString("base64")}`;
}

function requireAdmin(ctx: Context, action: string) {
  return requireRole(ctx, ["ADMIN"], action);
}

function checkedUrl(ctx: Context, raw: string): string {
  const url = raw.trim();
  if (url.length > 2000) throw new BadUserInputError("url may be at most 2000 characters", "url");
  try {
    return checkReceiverUrl(url, addressRule(ctx.config.webhooks.allowedAddresses)).toString();
  } catch (error) {
    if (error instanceof RefusedAddressError) throw new BadUserInputError(`url is refused: ${error.message}`, "url");
    throw error;
  }
}

/** Event types or patterns ("*", "article.*"), each matching at least one known type. */
function checkedEvents(events: readonly string[]): string {
  if (events.length === 0) throw new BadUserInputError("name at least one event type", "events");
  const names = [...new Set(events.map((e) => e.trim()))];
  for (const name of names) {
    const known =
      name === "*" ||
      (WEBHOOK_EVENT_TYPES as readonly string[]).includes(name) ||
      (name.endsWith(".*") && WEBHOOK_EVENT_TYPES.some((type) => type.startsWith(name.slice(0, -1))));
    if (!known)
      throw new BadUserInputError(
        `${JSON.stringify(name)} is not an event type (${WEBHOOK_EVENT_TYPES.join(", ")})`,
        "events",
      );
  }
  return names.join(",");
}

async function endpointOrFail(ctx: Context, globalId: string): Promise<WebhookEndpoint> {
  const endpoint = await ctx.prisma.webhookEndpoint.findUnique({
    where: { id: decodeGlobalIdOf(globalId, "WebhookEndpoint") },
  });
  if (!endpoint) throw new NotFoundError("WebhookEndpoint", globalId);
  return endpoint;
}

export async function createWebhookEndpoint(
  ctx: Context,
  input: { url: string; events: readonly string[]; description?: string | null },
): Promise<EndpointWithSecret> {
  const admin = requireAdmin(ctx, "register webhook endpoints");
  const url = checkedUrl(ctx, input.url);
  const events = checkedEvents(input.events);
  const description = input.description ? checkedText(input.description, "description", 500) : null;
  const secret = newSecret();
  const now = ctx.clock();
  const endpoint = await writeTransaction(ctx, async (tx) => {
    const created = await tx.webhookEndpoint.create({
      data: {
        id: ctx.newId(),
        url,
        events,
        description,
        secret,
        createdById: admin.id,
        createdAt: now,
        updatedAt: now,
      },
    });
    await audit(tx, ctx, "createWebhookEndpoint", "WebhookEndpoint", created.id, { url, events, description });
    return created;
  });
  return { endpoint, secret };
}

export async function updateWebhookEndpoint(
  ctx: Context,
  input: {
    id: string;
    url?: string | null;
    events?: readonly string[] | null;
    description?: string | null;
    enabled?: boolean | null;
  },
): Promise<WebhookEndpoint> {
  requireAdmin(ctx, "change webhook endpoints");
  const current = await endpointOrFail(ctx, input.id);
  const data: Partial<WebhookEndpoint> = { updatedAt: ctx.clock() };
  if (input.url != null) data.url = checkedUrl(ctx, input.url);
  if (input.events != null) data.events = checkedEvents(input.events);
  if (input.description !== undefined)
    data.description = input.description ? checkedText(input.description, "description", 500) : null;
  if (input.enabled != null) {
    data.enabled = input.enabled;
    // Switched back on: it starts with a clean record (its failures were looked at).
    if (input.enabled) Object.assign(data, { disabledReason: null, failingSince: null });
    else data.disabledReason = "disabled by an administrator";
  }
  return writeTransaction(ctx, async (tx) => {
    const updated = await tx.webhookEndpoint.update({ where: { id: current.id }, data });
    await audit(tx, ctx, "updateWebhookEndpoint", "WebhookEndpoint", current.id, { ...input, id: undefined });
    return updated;
  });
}

/** A new secret; the old one keeps signing (beside the new one) for `overlapMinutes`, while receivers switch. */
export async function rotateWebhookSecret(
  ctx: Context,
  globalId: string,
  overlapMinutes: number,
): Promise<EndpointWithSecret> {
  requireAdmin(ctx, "rotate webhook secrets");
  if (!Number.isInteger(overlapMinutes) || overlapMinutes < 0 || overlapMinutes > 10_080)
    throw new BadUserInputError("overlapMinutes must be between 0 and 10080 (a week)", "overlapMinutes");
  const current = await endpointOrFail(ctx, globalId);
  const secret = newSecret();
  const now = ctx.clock();
  const endpoint = await writeTransaction(ctx, async (tx) => {
    const updated = await tx.webhookEndpoint.update({
      where: { id: current.id },
      data: {
        secret,
        previousSecret: overlapMinutes > 0 ? current.secret : null,
        previousSecretUntil: overlapMinutes > 0 ? new Date(now.getTime() + overlapMinutes * 60_000) : null,
        updatedAt: now,
      },
    });
    await audit(tx, ctx, "rotateWebhookSecret", "WebhookEndpoint", current.id, { overlapMinutes });
    return updated;
  });
  return { endpoint, secret };
}

/** Sends deliveries again, with their original webhook-id (receivers deduplicate by it): one delivery, or every
 * event an endpoint was sent since a time. Returns how many deliveries were queued. */
export async function replayWebhooks(
  ctx: Context,
  input: { deliveryId?: string | null; endpointId?: string | null; since?: Date | null },
): Promise<number> {
  requireAdmin(ctx, "replay webhooks");
  const now = ctx.clock();
  let originals;
  if (input.deliveryId) {
    const id = decodeGlobalIdOf(input.deliveryId, "WebhookDelivery", "deliveryId");
    const one = await ctx.prisma.webhookDelivery.findUnique({ where: { id } });
    if (!one) throw new NotFoundError("WebhookDelivery", input.deliveryId);
    originals = [one];
  } else if (input.endpointId && input.since) {
    const endpoint = await endpointOrFail(ctx, input.endpointId);
    originals = await ctx.prisma.webhookDelivery.findMany({
      where: { endpointId: endpoint.id, createdAt: { gte: input.since } },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      take: MAX_REPLAY * 4,
    });
    // One replay per event, however many times it was sent or replayed before.
    const seen = new Set<string>();
    originals = originals.filter((d) => !seen.has(d.messageId) && seen.add(d.messageId)).slice(0, MAX_REPLAY);
  } else {
    throw new BadUserInputError("name a deliveryId, or an endpointId and a since time", "deliveryId");
  }
  await ctx.prisma.webhookDelivery.createMany({
    data: originals.map((d) => ({
      id: ctx.newId(),
      endpointId: d.endpointId,
      messageId: d.messageId,
      eventType: d.eventType,
      payload: d.payload,
      nextAttemptAt: now,
      createdAt: now,
      updatedAt: now,
    })),
  });
  return originals.length;
}
