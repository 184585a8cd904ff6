// Accounts as others see them, the viewer, and guest sessions.
import { builder } from "../../builder.js";
import { startGuestSession, type GuestSession } from "../../services/accounts/sessions.js";
import { RoleEnum } from "../shared/enums.js";

export const AccountRef = builder.prismaNode("Account", {
  id: { field: "id" },
  description: "Someone who uses Lede: a reader, analyst, moderator, editor or administrator.",
  fields: (t) => ({
    displayName: t.exposeString("displayName", { description: "The name shown with the account's comments." }),
    role: t.expose("role", { type: RoleEnum, description: "What the account may do." }),
    createdAt: t.expose("createdAt", { type: "DateTime", description: "When the account was created." }),
  }),
});

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

builder.queryField("viewer", (t) =>
  t.prismaField({
    type: "Account",
    nullable: true,
    description: "The account your token acts as; null without a token.",
    resolve: (query, _root, _args, ctx) =>
      ctx.viewer ? ctx.prisma.account.findUnique({ ...query, where: { id: ctx.viewer.id } }) : null,
  }),
);

builder.mutationField("startGuestSession", (t) =>
  t.field({
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
