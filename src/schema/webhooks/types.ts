// Webhook endpoints, their deliveries and each delivery's attempts, as administrators see them.
import { builder } from "../../builder.js";
import { WebhookDeliveryStatus } from "../../generated/prisma/enums.js";
import type { EndpointWithSecret } from "../../services/webhooks/endpoints.js";
import { describedEnum } from "../shared/enums.js";
import { MAX_PAGE_SIZE } from "../shared/page-size.js";

export const WebhookDeliveryStatusEnum = describedEnum(
  "WebhookDeliveryStatus",
  "Where a delivery is.",
  WebhookDeliveryStatus,
  {
    PENDING: "Not delivered yet: waiting for its first attempt or its next retry.",
    DELIVERED: "The receiver answered 2xx.",
    FAILED: "Every attempt failed; no more retries (replay it to try again).",
  },
);

const WebhookAttemptRef = builder.prismaObject("WebhookAttempt", {
  description: "One try at sending a delivery.",
  fields: (t) => ({
    startedAt: t.expose("startedAt", { type: "DateTime", description: "When the request started." }),
    durationMs: t.exposeInt("durationMs", { description: "How long the exchange took." }),
    statusCode: t.exposeInt("statusCode", {
      nullable: true,
      description: "The receiver's HTTP status, if it answered.",
    }),
    error: t.exposeString("error", {
      nullable: true,
      description: "Why it did not get an answer: a refused address, a timeout, a connection error.",
    }),
    responseBody: t.exposeString("responseBody", { nullable: true, description: "The first bytes of the answer." }),
  }),
});

export const WebhookDeliveryRef = builder.prismaNode("WebhookDelivery", {
  id: { field: "id" },
  description: "One event for one endpoint, and what became of it.",
  fields: (t) => ({
    messageId: t.exposeString("messageId", {
      description: "The webhook-id header: the same on every attempt and replay (receivers deduplicate by it).",
    }),
    eventType: t.exposeString("eventType", { description: "The event, e.g. article.published." }),
    payload: t.exposeString("payload", { description: "The JSON body, as signed and sent." }),
    status: t.expose("status", { type: WebhookDeliveryStatusEnum, description: "Where the delivery is." }),
    attempts: t.exposeInt("attempts", { description: "How many attempts were made." }),
    nextAttemptAt: t.expose("nextAttemptAt", { type: "DateTime", description: "When it is (or was) due next." }),
    deliveredAt: t.expose("deliveredAt", { type: "DateTime", nullable: true, description: "When it got a 2xx." }),
    createdAt: t.expose("createdAt", { type: "DateTime", description: "When the event happened (or was replayed)." }),
    attemptLog: t.relation("attemptLog", {
      description: "Every attempt, oldest first.",
      query: { orderBy: [{ startedAt: "asc" }, { id: "asc" }] },
    }),
  }),
});

export const WebhookEndpointRef = builder.prismaNode("WebhookEndpoint", {
  id: { field: "id" },
  description: "A system that Lede tells about changes (Standard Webhooks: signed, retried, at least once).",
  fields: (t) => ({
    url: t.exposeString("url", { description: "Where deliveries are POSTed." }),
    description: t.exposeString("description", { nullable: true, description: "What the receiver is." }),
    events: t.stringList({
      description: 'The event types it receives ("*" and "article.*" match several).',
      resolve: (e) => e.events.split(","),
    }),
    enabled: t.exposeBoolean("enabled", { description: "False: nothing is sent (events are not queued for it)." }),
    disabledReason: t.exposeString("disabledReason", { nullable: true, description: "Why it was disabled." }),
    failingSince: t.expose("failingSince", {
      type: "DateTime",
      nullable: true,
      description: "Since when every attempt has failed (null while it succeeds).",
    }),
    previousSecretUntil: t.expose("previousSecretUntil", {
      type: "DateTime",
      nullable: true,
      description: "After a rotation: until when the previous secret signs too.",
    }),
    createdAt: t.expose("createdAt", { type: "DateTime", description: "When it was registered." }),
    deliveries: t.relation("deliveries", {
      description: "The delivery log, newest first.",
      args: {
        first: t.arg.int({ required: false, description: `How many (default 20, at most ${MAX_PAGE_SIZE}).` }),
        status: t.arg({ type: WebhookDeliveryStatusEnum, required: false, description: "Only these." }),
      },
      query: (args) => ({
        where: args.status ? { status: args.status as WebhookDeliveryStatus } : {},
        orderBy: [{ createdAt: "desc" as const }, { id: "desc" as const }],
        take: args.first ?? 20,
      }),
    }),
  }),
});

export const EndpointWithSecretRef = builder.objectRef<EndpointWithSecret>("WebhookEndpointWithSecret").implement({
  description: "An endpoint and its new secret.",
  fields: (t) => ({
    endpoint: t.field({ type: WebhookEndpointRef, description: "The endpoint.", resolve: (e) => e.endpoint }),
    secret: t.string({
      description: "whsec_…: the receiver verifies signatures with it (e.g. the standardwebhooks library). Shown once.",
      resolve: (e) => e.secret,
    }),
  }),
});

export { WebhookAttemptRef };
