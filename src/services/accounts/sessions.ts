// Guest sessions: a reader picks a display name and gets a bearer token for a new READER account.
import type { Context } from "../../context.js";
import { writeTransaction } from "../../platform/transactions.js";
import { BadUserInputError, ForbiddenError } from "../../errors.js";
import type { Account } from "../../generated/prisma/client.js";
import { hashToken, newTokenSecret } from "../../auth/authenticate.js";
import { hasControlCharacters } from "../shared/text.js";

export const MAX_DISPLAY_NAME_LENGTH = 50;

export interface GuestSession {
  token: string;
  expiresAt: Date;
  account: Account;
}

export function normaliseDisplayName(raw: string): string {
  const name = raw.trim().replace(/\s+/g, " ");
  if (name.length === 0) throw new BadUserInputError("Choose a display name", "displayName");
  if (name.length > MAX_DISPLAY_NAME_LENGTH) {
    throw new BadUserInputError(`A display name may be at most ${MAX_DISPLAY_NAME_LENGTH} characters`, "displayName");
  }
  if (hasControlCharacters(name)) {
    throw new BadUserInputError("A display name may not contain control characters", "displayName");
  }
  return name;
}

export async function startGuestSession(ctx: Context, rawDisplayName: string): Promise<GuestSession> {
  if (!ctx.config.guestSessions) throw new ForbiddenError("Guest sessions are turned off on this server");
  const displayName = normaliseDisplayName(rawDisplayName);
  const now = ctx.clock();
  const expiresAt = new Date(now.getTime() + ctx.config.guestSessionDays * 24 * 60 * 60 * 1000);
  const token = newTokenSecret();
  const account = await writeTransaction(ctx, async (tx) => {
    const created = await tx.account.create({
      data: { id: ctx.newId(), displayName, role: "READER", createdAt: now, updatedAt: now },
    });
    await tx.apiToken.create({
      data: {
        id: ctx.newId(),
        accountId: created.id,
        kind: "GUEST",
        name: "guest session",
        tokenHash: hashToken(token),
        createdAt: now,
        expiresAt,
      },
    });
    return created;
  });
  return { token, expiresAt, account };
}
