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

/** Adds, to a record of a change (an audit entry, an article revision, a moderator's action on an account), the
 * account that made it: loaded per request; null for the system (the scheduler), or an account since deleted. */
export function addActingAccountField(
  model: "AuditEntry" | "ArticleRevision" | "AccountAction",
  name: string,
  description: string,
) {
  builder.prismaObjectField(model, name, (t) =>
    t.field({
      type: AccountRef,
      nullable: true,
      description,
      resolve: (record, _args, ctx) => (record.actorId ? ctx.loaders.rows.Account.load(record.actorId) : null),
    }),
  );
}
