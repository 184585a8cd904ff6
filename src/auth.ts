// Bearer tokens: opaque secrets whose SHA-256 hash is stored in ApiToken. A token is resolved to its Account once per
// request (or once per WebSocket connection).
import { createHash, randomBytes } from "node:crypto";
import type { Prisma } from "./db.js";
import type { Account } from "./generated/prisma/client.js";

export const TOKEN_PREFIX = "lede_";

export function newTokenSecret(): string {
  return TOKEN_PREFIX + randomBytes(24).toString("base64url");
}

export function hashToken(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex");
}

export type AuthResult = { kind: "anonymous" } | { kind: "account"; account: Account } | { kind: "invalid" };

/** Reads "Bearer <token>" (any case, surrounding space ignored). A missing header is anonymous; anything else that
 * does not resolve to a live token is invalid. */
export async function authenticate(prisma: Prisma, header: string | null | undefined, now: Date): Promise<AuthResult> {
  if (header == null || header.trim() === "") return { kind: "anonymous" };
  const match = /^\s*Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match || !match[1]!.startsWith(TOKEN_PREFIX) || match[1]!.length > 200) return { kind: "invalid" };
  const token = await prisma.apiToken.findUnique({
    where: { tokenHash: hashToken(match[1]!) },
    include: { account: true },
  });
  if (!token || token.revokedAt || (token.expiresAt && token.expiresAt <= now)) return { kind: "invalid" };
  return { kind: "account", account: token.account };
}
