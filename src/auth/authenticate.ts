// Bearer tokens. Two kinds: Lede's own opaque tokens (guest sessions and API tokens: "lede_…", stored as SHA-256
// hashes), and JWTs from an external identity provider (HS256 with a shared secret, or keys from a JWKS URL), whose
// subject is mapped to an Account and whose role claim sets its role. Resolved once per request (or per WebSocket
// operation).
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { createRemoteJWKSet, jwtVerify, type JWTPayload } from "jose";
import type { Config } from "../platform/config.js";
import type { Prisma } from "../platform/db.js";
import type { Account } from "../generated/prisma/client.js";
import type { Role } from "../generated/prisma/enums.js";

export const TOKEN_PREFIX = "lede_";
const ROLES: Role[] = ["READER", "ANALYST", "MODERATOR", "EDITOR", "ADMIN"];

export function newTokenSecret(): string {
  return TOKEN_PREFIX + randomBytes(24).toString("base64url");
}

export function hashToken(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex");
}

export type AuthResult = { kind: "anonymous" } | { kind: "account"; account: Account } | { kind: "invalid" };
export type Authenticate = (header: string | null | undefined, now: Date) => Promise<AuthResult>;

async function opaqueToken(prisma: Prisma, secret: string, now: Date): Promise<AuthResult> {
  const token = await prisma.apiToken.findUnique({
    where: { tokenHash: hashToken(secret) },
    include: { account: true },
  });
  if (!token || token.revokedAt || (token.expiresAt && token.expiresAt <= now)) return { kind: "invalid" };
  return { kind: "account", account: token.account };
}

function roleFrom(payload: JWTPayload, claim: string): Role {
  const value = payload[claim];
  const names = (Array.isArray(value) ? value : [value]).map((v) => String(v ?? "").toUpperCase());
  // With several roles the most powerful wins; anything unknown is a reader.
  return [...ROLES].reverse().find((role) => names.includes(role)) ?? "READER";
}

async function accountForSubject(prisma: Prisma, payload: JWTPayload, claim: string, now: Date): Promise<Account> {
  const externalId = `${payload.iss ?? ""}|${payload.sub}`;
  const displayName = String(payload.name ?? payload.preferred_username ?? payload.sub).slice(0, 50);
  const role = roleFrom(payload, claim);
  const write = () =>
    prisma.account.upsert({
      where: { externalId },
      create: { id: randomUUID(), externalId, displayName, role, createdAt: now, updatedAt: now },
      // The identity provider is the source of truth for name and role.
      update: { displayName, role },
    });
  try {
    return await write();
  } catch (error) {
    if ((error as { code?: string }).code !== "P2002") throw error;
    return write(); // two first requests of one subject raced: the other created the account
  }
}

export function createAuthenticator(prisma: Prisma, jwt: Config["jwt"]): Authenticate {
  const key = jwt?.secret ? new TextEncoder().encode(jwt.secret) : undefined;
  const jwks = jwt?.jwksUrl ? createRemoteJWKSet(new URL(jwt.jwksUrl)) : undefined;
  return async (header, now) => {
    if (header == null || header.trim() === "") return { kind: "anonymous" };
    const match = /^\s*Bearer\s+(\S+)\s*$/i.exec(header);
    const token = match?.[1];
    if (!token || token.length > 4096) return { kind: "invalid" };
    if (token.startsWith(TOKEN_PREFIX))
      return token.length > 200 ? { kind: "invalid" } : opaqueToken(prisma, token, now);
    if (!jwt || !/^[\w-]+\.[\w-]+\.[\w-]+$/.test(token)) return { kind: "invalid" };
    const options = {
      issuer: jwt.issuer,
      audience: jwt.audience,
      currentDate: now,
      algorithms: key ? ["HS256"] : ["RS256", "ES256", "PS256", "EdDSA"],
    };
    try {
      const { payload } = key ? await jwtVerify(token, key, options) : await jwtVerify(token, jwks!, options);
      if (!payload.sub) return { kind: "invalid" };
      return { kind: "account", account: await accountForSubject(prisma, payload, jwt.roleClaim, now) };
    } catch (error) {
      if ((error as { code?: string }).code?.startsWith?.("ERR_J")) return { kind: "invalid" }; // jose: bad token
      throw error;
    }
  };
}
