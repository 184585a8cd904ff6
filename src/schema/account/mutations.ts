// Guest sessions: a new reader account and a token for it, in one step.
import { builder } from "../../builder.js";
import { INVALIDATED_BY_COMMENT_EVENTS } from "../shared/cache-facts.js";
import { startGuestSession, type GuestSession } from "../../services/accounts/sessions.js";
import { AccountRef } from "./types.js";

const GuestSessionRef = builder.objectRef<GuestSession>("GuestSession").implement({
  description: "A new reader account and the bearer token that acts as it.",
  fields: (t) => ({
    token: t.string({
      description:
        "Send as `Authorization: Bearer <token>` (HTTP) or `{ authorization }` in connection_init (WebSocket). Shown once.",
      resolve: (s) => s.token,
    }),
    expiresAt: t.field({ type: "DateTime", description: "When the token stops working.", resolve: (s) => s.expiresAt }),
    account: t.field({ type: AccountRef, description: "The new account.", resolve: (s) => s.account }),
  }),
});

builder.mutationField("startGuestSession", (t) =>
  t.field({
    extensions: INVALIDATED_BY_COMMENT_EVENTS,
    type: GuestSessionRef,
    description: "Creates a READER account with the given display name and returns a token for it.",
    args: {
      displayName: t.arg.string({
        required: true,
        description: "The name to show with your comments (1–50 characters).",
      }),
    },
    resolve: (_root, args, ctx) => startGuestSession(ctx, args.displayName),
  }),
);
