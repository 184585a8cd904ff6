// Administrators register webhook endpoints, rotate their secrets, switch them off and on, and replay deliveries.
import { builder } from "../../builder.js";
// Webhook endpoints and deliveries show in no public answer: nothing cached changes.
import { INVALIDATED_BY_COMMENT_EVENTS } from "../shared/cache-facts.js";
import { decodeGlobalIdOf } from "../../global-id.js";
import {
  createWebhookEndpoint,
  replayWebhooks,
  rotateWebhookSecret,
  updateWebhookEndpoint,
} from "../../services/webhooks/endpoints.js";
import { EndpointWithSecretRef } from "./types.js";

const CreateWebhookEndpointInput = builder.inputType("CreateWebhookEndpointInput", {
  description: "A new webhook receiver.",
  fields: (t) => ({
    url: t.string({
      required: true,
      description: "An http(s) URL; private, loopback and link-local addresses are refused (unless allow-listed).",
    }),
    events: t.stringList({ required: true, description: 'Event types (see webhookEventTypes), or "*", "article.*".' }),
    description: t.string({ required: false, description: "What the receiver is." }),
  }),
});

const UpdateWebhookEndpointInput = builder.inputType("UpdateWebhookEndpointInput", {
  description: "Changes to an endpoint; fields left out stay as they are.",
  fields: (t) => ({
    id: t.id({ required: true, description: "The endpoint." }),
    url: t.string({ required: false, description: "A new URL." }),
    events: t.stringList({ required: false, description: "New event types." }),
    description: t.string({ required: false, description: "A new description." }),
    enabled: t.boolean({ required: false, description: "false disables it; true enables it again." }),
  }),
});

builder.mutationFields((t) => ({
  createWebhookEndpoint: t.field({
    extensions: INVALIDATED_BY_COMMENT_EVENTS,
    type: EndpointWithSecretRef,
    description: "Admins: registers a webhook endpoint and returns its secret (shown this once).",
    args: { input: t.arg({ type: CreateWebhookEndpointInput, required: true, description: "The endpoint." }) },
    resolve: (_root, args, ctx) => createWebhookEndpoint(ctx, args.input),
  }),
  updateWebhookEndpoint: t.prismaField({
    extensions: INVALIDATED_BY_COMMENT_EVENTS,
    type: "WebhookEndpoint",
    description: "Admins: changes an endpoint's URL, events or description, or disables / enables it.",
    args: { input: t.arg({ type: UpdateWebhookEndpointInput, required: true, description: "The changes." }) },
    resolve: async (query, _root, args, ctx) => {
      const endpoint = await updateWebhookEndpoint(ctx, args.input);
      return ctx.prisma.webhookEndpoint.findUniqueOrThrow({ ...query, where: { id: endpoint.id } });
    },
  }),
  rotateWebhookSecret: t.field({
    extensions: INVALIDATED_BY_COMMENT_EVENTS,
    type: EndpointWithSecretRef,
    description: "Admins: a new secret for an endpoint; the old one signs too (a second signature) during the overlap.",
    args: {
      id: t.arg.id({ required: true, description: "The endpoint." }),
      overlapMinutes: t.arg.int({
        required: false,
        defaultValue: 1440,
        description: "How long the old secret keeps signing (default a day, at most a week; 0: stop at once).",
      }),
    },
    resolve: (_root, args, ctx) => rotateWebhookSecret(ctx, args.id, args.overlapMinutes ?? 1440),
  }),
  replayWebhookDelivery: t.int({
    extensions: INVALIDATED_BY_COMMENT_EVENTS,
    description: "Admins: sends one delivery again (same webhook-id); returns 1.",
    args: { id: t.arg.id({ required: true, description: "The delivery." }) },
    resolve: (_root, args, ctx) => replayWebhooks(ctx, { deliveryId: args.id }),
  }),
  replayWebhooks: t.int({
    extensions: INVALIDATED_BY_COMMENT_EVENTS,
    description: "Admins: sends every event an endpoint was sent since a time again; returns how many.",
    args: {
      endpointId: t.arg.id({ required: true, description: "The endpoint." }),
      since: t.arg({ type: "DateTime", required: true, description: "From when." }),
    },
    resolve: (_root, args, ctx) => {
      decodeGlobalIdOf(args.endpointId, "WebhookEndpoint", "endpointId");
      return replayWebhooks(ctx, { endpointId: args.endpointId, since: args.since });
    },
  }),
}));
