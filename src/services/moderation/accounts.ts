// What moderators do to accounts: ban, lift a ban or suspension, suspend until a time, warn with a message the
// reader sees, and note. Every action carries a reason, is kept in the account's history (AccountAction) and lands
// in the audit log, in one transaction.
import type { Context } from "../../context.js";
import { BadUserInputError, ForbiddenError, NotFoundError } from "../../errors.js";
import type { Account, Prisma as P } from "../../generated/prisma/client.js";
import type { AccountActionKind } from "../../generated/prisma/enums.js";
import { decodeGlobalIdOf } from "../../global-id.js";
import { writeTransaction } from "../../platform/transactions.js";
import { audit } from "../shared/audit.js";
import { isStaff, requireModerator, requireViewer } from "../shared/authz.js";
import { checkedText } from "../shared/text.js";

export type ModeratorAccountAction = Exclude<AccountActionKind, "DELETE">;

export interface AccountActionInput {
  reason: string;
  /** WARN: what the reader is told. */
  message?: string | null;
  /** SUSPEND: until when. */
  until?: Date | null;
}

const MUTATION: Record<ModeratorAccountAction, string> = {
  BAN: "banAccount",
  UNBAN: "unbanAccount",
  SUSPEND: "suspendAccount",
  WARN: "warnAccount",
  NOTE: "addAccountNote",
};

const MAX_SUSPENSION_MS = 366 * 24 * 3_600_000;

function changesFor(kind: ModeratorAccountAction, input: AccountActionInput, now: Date): P.AccountUpdateInput {
  switch (kind) {
    case "BAN":
      return { bannedAt: now };
    case "UNBAN":
      return { bannedAt: null, suspendedUntil: null };
    case "SUSPEND": {
      const until = input.until;
      if (!until || until <= now) throw new BadUserInputError("A suspension ends in the future", "until");
      if (until.getTime() - now.getTime() > MAX_SUSPENSION_MS)
        throw new BadUserInputError("A suspension lasts at most a year: ban the account instead", "until");
      return { suspendedUntil: until };
    }
    case "WARN":
      return { warning: checkedText(input.message ?? "", "message", 500), warnedAt: now };
    case "NOTE":
      return {};
  }
}

/** Checks that the moderator may act on `target`; a note may be left on anyone, restrictions only on readers
 * (administrators may restrict staff too), and never on oneself. */
export function checkTarget(moderator: Account, target: Account | null, globalId: string, note: boolean): Account {
  if (!target) throw new NotFoundError("Account", globalId);
  if (target.deletedAt) throw new ForbiddenError("That account was deleted");
  if (note) return target;
  if (target.id === moderator.id) throw new ForbiddenError("You cannot act on your own account");
  if (isStaff(target) && moderator.role !== "ADMIN")
    throw new ForbiddenError("Only administrators may restrict a staff account");
  return target;
}

export async function actOnAccount(
  ctx: Context,
  globalId: string,
  kind: ModeratorAccountAction,
  input: AccountActionInput,
): Promise<Account> {
  const moderator = requireModerator(ctx, "act on accounts");
  const id = decodeGlobalIdOf(globalId, "Account");
  const reason = checkedText(input.reason, kind === "NOTE" ? "note" : "reason", 1000);
  const now = ctx.clock();
  const changes = changesFor(kind, input, now);
  return writeTransaction(ctx, async (tx) => {
    checkTarget(moderator, await tx.account.findUnique({ where: { id } }), globalId, kind === "NOTE");
    const updated = await tx.account.update({ where: { id }, data: { ...changes, updatedAt: now } });
    const message = kind === "WARN" ? updated.warning : null;
    const until = kind === "SUSPEND" ? updated.suspendedUntil : null;
    await tx.accountAction.create({
      data: { id: ctx.newId(), accountId: id, actorId: moderator.id, kind, reason, message, until, createdAt: now },
    });
    await audit(tx, ctx, MUTATION[kind], "Account", id, { reason, message, until: until?.toISOString() ?? null });
    return updated;
  });
}

/** The reader has seen their warning: it is no longer shown (it stays in their history). */
export async function acknowledgeWarning(ctx: Context): Promise<Account> {
  const viewer = requireViewer(ctx, "acknowledge a warning");
  if (!viewer.warning) return viewer;
  return ctx.prisma.account.update({ where: { id: viewer.id }, data: { warning: null } });
}
