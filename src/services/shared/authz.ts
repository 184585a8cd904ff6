// Who may act. Services call these before they touch anything, so resolvers stay one line.
import type { Context } from "../../context.js";
import { ForbiddenError, UnauthenticatedError } from "../../errors.js";
import type { Account } from "../../generated/prisma/client.js";
import type { Role } from "../../generated/prisma/enums.js";
import { canModerate, canSeeUnpublished } from "./visibility.js";

export function requireViewer(ctx: Context, action: string): Account {
  if (!ctx.viewer) throw new UnauthenticatedError(`Start a guest session or sign in to ${action}`);
  return ctx.viewer;
}

export function requireModerator(ctx: Context, action: string): Account {
  const viewer = requireViewer(ctx, action);
  if (!canModerate(viewer)) throw new ForbiddenError(`Only moderators may ${action}`);
  return viewer;
}

/** The viewer, if their role is one of `roles`; else UNAUTHENTICATED (anonymous) or FORBIDDEN. */
export function requireRole(ctx: Context, roles: Role[], action: string): Account {
  const viewer = requireViewer(ctx, action);
  if (!roles.includes(viewer.role)) {
    const names = roles.map((role) => role.toLowerCase());
    throw new ForbiddenError(`Only ${names.slice(0, -1).join(", ")} and ${names.at(-1)} accounts may ${action}`);
  }
  return viewer;
}

export function isStaff(account: Pick<Account, "role">): boolean {
  return account.role === "MODERATOR" || account.role === "EDITOR" || account.role === "ADMIN";
}

export function requireEditor(ctx: Context, action: string) {
  const viewer = requireViewer(ctx, action);
  if (!canSeeUnpublished(viewer)) throw new ForbiddenError(`Only editors may ${action}`);
  return viewer;
}
