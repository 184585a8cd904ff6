// Accounts as others see them.
import { builder } from "../../builder.js";
import { maxAge } from "../shared/cache-facts.js";
import { RoleEnum } from "../shared/enums.js";

export const AccountRef = builder.prismaNode("Account", {
  extensions: maxAge(60_000),
  id: { field: "id" },
  description: "Someone who uses Lede: a reader, analyst, moderator, editor or administrator.",
  fields: (t) => ({
    displayName: t.exposeString("displayName", { description: "The name shown with the account's comments." }),
    role: t.expose("role", { type: RoleEnum, description: "What the account may do." }),
    createdAt: t.expose("createdAt", { type: "DateTime", description: "When the account was created." }),
  }),
});
