// An account's standing: banned, suspended until a time, or warned. A banned or suspended account may still read
// and sign in, but not post, edit, react or flag; the check reads the account as it was authenticated for this very
// request (HTTP) or operation (WebSocket: every operation authenticates again), so a ban takes effect at once.
import type { Context } from "../../context.js";
import { AccountRestrictedError } from "../../errors.js";
import type { Account } from "../../generated/prisma/client.js";
import { requireViewer } from "../shared/authz.js";

export interface Standing {
  banned: boolean;
  suspendedUntil: Date | null;
  warning: string | null;
  warnedAt: Date | null;
}

export function standingOf(
  account: Pick<Account, "bannedAt" | "suspendedUntil" | "warning" | "warnedAt">,
  now: Date,
): Standing {
  return {
    banned: account.bannedAt != null,
    suspendedUntil: account.suspendedUntil && account.suspendedUntil > now ? account.suspendedUntil : null,
    warning: account.warning ?? null,
    warnedAt: account.warnedAt ?? null,
  };
}

/** The viewer, if they may take part (post, edit, react, flag); else UNAUTHENTICATED or ACCOUNT_RESTRICTED. */
export function requireParticipant(ctx: Context, action: string): Account {
  const viewer = requireViewer(ctx, action);
  const standing = standingOf(viewer, ctx.clock());
  if (standing.banned)
    throw new AccountRestrictedError(`Your account is banned: you can no longer ${action}`, "BANNED");
  if (standing.suspendedUntil) {
    const until = standing.suspendedUntil;
    throw new AccountRestrictedError(
      `Your account is suspended until ${until.toISOString()}: you cannot ${action} until then`,
      "SUSPENDED",
      until,
    );
  }
  return viewer;
}
