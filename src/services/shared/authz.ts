// Who may act. Services call these before they touch anything, so resolvers stay one line. A refusal says what would
// grant access: an anonymous caller is told which accounts may act, so that nobody starts a guest session only to be
// refused again.
import type { Context } from "../../context.js";
import { ForbiddenError, UnauthenticatedError } from "../../errors.js";
import type { Account } from "../../generated/prisma/client.js";
import type { Role } from "../../generated/prisma/enums.js";
import { listOf, withArticle } from "../../wording.js";
import { EDITING_ROLES, MODERATING_ROLES } from "./visibility.js";

/** Any account, a guest's included; anonymous callers are told to start a guest session (where there are any). */
export function requireViewer(ctx: Context, action: string): Account {
  if (!ctx.viewer) {
    const how = ctx.config.guestSessions ? "Start a guest session (startGuestSession) or sign in" : "Sign in";
    throw new UnauthenticatedError(`${how} to ${action}`);
  }
  return ctx.viewer;
}

/** The viewer, if their role is one of `roles`; else UNAUTHENTICATED (anonymous) or FORBIDDEN, naming the roles. */
export function requireRole(ctx: Context, roles: readonly Role[], action: string): Account {
  const names = roles.map((role) => role.toLowerCase());
  const viewer = ctx.viewer;
  if (!viewer) throw new UnauthenticatedError(`Sign in with ${withArticle(listOf(names, "or"))} account to ${action}`);
  if (!roles.includes(viewer.role)) throw new ForbiddenError(`Only ${listOf(names)} accounts may ${action}`);
  return viewer;
}

export function requireModerator(ctx: Context, action: string): Account {
  return requireRole(ctx, MODERATING_ROLES, action);
}

export function requireEditor(ctx: Context, action: string): Account {
  return requireRole(ctx, EDITING_ROLES, action);
}

export function isStaff(account: Pick<Account, "role">): boolean {
  return account.role === "MODERATOR" || account.role === "EDITOR" || account.role === "ADMIN";
}
