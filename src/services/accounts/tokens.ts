// Opaque API tokens for staff and integrations: each names an account with a role; only the hash is stored, and the
// secret is shown once, when it is created.
import { randomUUID } from "node:crypto";
import type { Prisma } from "../../platform/db.js";
import type { Role } from "../../generated/prisma/enums.js";
import { hashToken, newTokenSecret } from "../../auth/authenticate.js";

export const ROLES: Role[] = ["READER", "ANALYST", "MODERATOR", "EDITOR", "ADMIN"];

export interface CreatedToken {
  id: string;
  secret: string;
  accountId: string;
  role: Role;
  name: string;
}

export async function createApiToken(
  prisma: Prisma,
  input: { role: Role; name: string; expiresAt?: Date | null },
  now = new Date(),
  newId: () => string = randomUUID,
): Promise<CreatedToken> {
  const name = input.name.trim();
  if (name.length === 0 || name.length > 100) throw new Error("--name must be 1–100 characters");
  const secret = newTokenSecret();
  const accountId = newId();
  const id = newId();
  await prisma.$transaction(async (tx) => {
    await tx.account.create({
      data: { id: accountId, displayName: name, role: input.role, createdAt: now, updatedAt: now },
    });
    await tx.apiToken.create({
      data: {
        id,
        accountId,
        kind: "API",
        name,
        tokenHash: hashToken(secret),
        createdAt: now,
        updatedAt: now,
        expiresAt: input.expiresAt ?? null,
      },
    });
  });
  return { id, secret, accountId, role: input.role, name };
}

/** Revokes a token by id; false when there is no such API token. Revoking twice keeps the first date. */
export async function revokeApiToken(prisma: Prisma, id: string, now = new Date()): Promise<boolean> {
  const token = await prisma.apiToken.findUnique({ where: { id } });
  if (!token || token.kind !== "API") return false;
  if (!token.revokedAt) await prisma.apiToken.update({ where: { id }, data: { revokedAt: now } });
  return true;
}

export async function listApiTokens(prisma: Prisma) {
  return prisma.apiToken.findMany({
    where: { kind: "API" },
    include: { account: { select: { role: true, displayName: true } } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
}
