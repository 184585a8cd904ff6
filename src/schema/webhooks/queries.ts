// Administrators list the webhook endpoints (with their delivery logs) and the event types there are.
import { builder } from "../../builder.js";
import { VIEWER_SPECIFIC } from "../shared/cache-facts.js";
import { requireRole } from "../../services/shared/authz.js";
import { WEBHOOK_EVENT_TYPES } from "../../services/webhooks/outbox.js";

builder.queryFields((t) => ({
  webhookEndpoints: t.prismaField({
    type: ["WebhookEndpoint"],
    description: "Admins: the registered webhook endpoints, oldest first.",
    extensions: VIEWER_SPECIFIC,
    resolve: (query, _root, _args, ctx) => {
      requireRole(ctx, ["ADMIN"], "see webhook endpoints");
      return ctx.prisma.webhookEndpoint.findMany({ ...query, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
    },
  }),
  webhookEventTypes: t.stringList({
    description: "Every event type an endpoint can ask for.",
    resolve: () => [...WEBHOOK_EVENT_TYPES],
  }),
}));
