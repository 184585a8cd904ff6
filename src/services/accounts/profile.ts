// A reader's own profile: the display name shown with their comments.
import type { Context } from "../../context.js";
import { ForbiddenError } from "../../errors.js";
import type { Account } from "../../generated/prisma/client.js";
import { requireViewer } from "../shared/authz.js";
import { normaliseDisplayName } from "./sessions.js";

/** Renames the viewer. Accounts that sign in with the identity provider take their name from it instead. */
export async function changeDisplayName(ctx: Context, rawDisplayName: string): Promise<Account> {
  const viewer = requireViewer(ctx, "change your display name");
  if (viewer.externalId) throw new ForbiddenError("Your name comes from your sign-in provider: change it there");
  const displayName = normaliseDisplayName(rawDisplayName);
  return ctx.prisma.account.update({ where: { id: viewer.id }, data: { displayName, updatedAt: ctx.clock() } });
}
