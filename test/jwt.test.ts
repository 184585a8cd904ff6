// JWTs from an external identity provider: HS256 with a shared secret, or keys from a JWKS URL. The subject becomes
// an Account, the role claim its role.
import { createServer, type Server } from "node:http";
import { exportJWK, generateKeyPair, SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ViewerDocument } from "./generated/graphql.js";
import { skipDatabase, startLede, type TestLede } from "./support/lede.js";

const SECRET = "a-shared-secret-of-at-least-32-characters";
const ISSUER = "https://id.newsroom.example";

const sign = (claims: Record<string, unknown>, key: Uint8Array | CryptoKey, alg = "HS256", expires = "1h") =>
  new SignJWT(claims)
    .setProtectedHeader({ alg, kid: "k1" })
    .setIssuer(ISSUER)
    .setAudience("lede")
    .setIssuedAt()
    .setExpirationTime(expires)
    .sign(key);

describe.skipIf(skipDatabase)("JWT sign-in (HS256)", () => {
  let lede: TestLede;
  const key = new TextEncoder().encode(SECRET);
  beforeAll(async () => {
    lede = await startLede({
      env: { JWT_SECRET: SECRET, JWT_ISSUER: ISSUER, JWT_AUDIENCE: "lede", JWT_ROLE_CLAIM: "lede_role" },
    });
  });
  afterAll(async () => {
    await lede?.close();
  });

  it("maps the subject to one account, its name and its role, and follows role changes", async () => {
    const token = await sign({ sub: "u-42", name: "Kari Nordmann", lede_role: "editor" }, key);
    const first = (await lede.query(ViewerDocument, {}, { token })).viewer;
    expect(first).toMatchObject({ displayName: "Kari Nordmann", role: "EDITOR" });
    const again = (await lede.query(ViewerDocument, {}, { token })).viewer;
    expect(again!.id).toBe(first!.id);
    const demoted = await sign({ sub: "u-42", name: "Kari Nordmann", lede_role: ["reader"] }, key);
    expect((await lede.query(ViewerDocument, {}, { token: demoted })).viewer).toMatchObject({
      id: first!.id,
      role: "READER",
    });
    const unknownRole = await sign({ sub: "u-43", lede_role: "emperor" }, key);
    expect((await lede.query(ViewerDocument, {}, { token: unknownRole })).viewer?.role).toBe("READER");
  });

  it("refuses bad signatures, other issuers or audiences, expired tokens and tokens without a subject with 401", async () => {
    const wrongKey = new TextEncoder().encode("another-secret-that-is-also-32-chars-long");
    const expired = new SignJWT({ sub: "u-1" })
      .setProtectedHeader({ alg: "HS256" })
      .setIssuer(ISSUER)
      .setAudience("lede")
      .setIssuedAt(Math.floor(lede.clock.now().getTime() / 1000) - 7200)
      .setExpirationTime(Math.floor(lede.clock.now().getTime() / 1000) - 3600)
      .sign(key);
    const tokens = [
      await sign({ sub: "u-1" }, wrongKey),
      await new SignJWT({ sub: "u-1" })
        .setProtectedHeader({ alg: "HS256" })
        .setIssuer("https://evil.example")
        .setAudience("lede")
        .setExpirationTime("1h")
        .sign(key),
      await new SignJWT({ sub: "u-1" })
        .setProtectedHeader({ alg: "HS256" })
        .setIssuer(ISSUER)
        .setAudience("someone-else")
        .setExpirationTime("1h")
        .sign(key),
      await expired,
      await sign({ name: "no subject" }, key),
      "not.a.jwt",
    ];
    for (const token of tokens) {
      const response = await lede.fetch("/graphql", {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: "{ viewer { id } }" }),
      });
      expect(response.status, token).toBe(401);
    }
  });
});

describe.skipIf(skipDatabase)("JWT sign-in (JWKS)", () => {
  let lede: TestLede;
  let jwksServer: Server;
  let privateKey: CryptoKey;
  beforeAll(async () => {
    const pair = await generateKeyPair("RS256");
    privateKey = pair.privateKey as CryptoKey;
    const jwk = { ...(await exportJWK(pair.publicKey)), kid: "k1", alg: "RS256", use: "sig" };
    jwksServer = createServer((_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((resolve) => jwksServer.listen(0, "127.0.0.1", resolve));
    const { port } = jwksServer.address() as { port: number };
    lede = await startLede({
      env: { JWT_JWKS_URL: `http://127.0.0.1:${port}/.well-known/jwks.json`, JWT_ISSUER: ISSUER },
    });
  });
  afterAll(async () => {
    await lede?.close();
    await new Promise((resolve) => jwksServer?.close(resolve));
  });

  it("verifies tokens against the provider's keys", async () => {
    const token = await sign({ sub: "rsa-user", role: "moderator", preferred_username: "desk" }, privateKey, "RS256");
    expect((await lede.query(ViewerDocument, {}, { token })).viewer).toMatchObject({
      displayName: "desk",
      role: "MODERATOR",
    });
    const hsToken = await sign({ sub: "rsa-user" }, new TextEncoder().encode(SECRET));
    expect((await lede.execute(ViewerDocument, {}, { token: hsToken })).errors?.[0]?.extensions?.code).toBe(
      "UNAUTHENTICATED",
    );
  });
});
