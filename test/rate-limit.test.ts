// Anonymous traffic is limited per client address, across instances when Redis carries the count.
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clientAddress } from "../src/plugins/rate-limit.js";
import { guest } from "./support/fixtures.js";
import { skipDatabase, startLede, type TestLede } from "./support/lede.js";

const REDIS_URL = process.env.LEDE_TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

async function ask(baseUrl: string, forwardedFor?: string, token?: string) {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      ...(forwardedFor ? { "x-forwarded-for": forwardedFor } : {}),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query: "{ __typename }" }),
  });
  return { status: response.status, retryAfter: response.headers.get("retry-after"), body: await response.json() };
}

describe("client addresses", () => {
  const req = (remoteAddress: string) => ({ socket: { remoteAddress } }) as never;
  it("believes X-Forwarded-For only from a trusted proxy", () => {
    expect(clientAddress(req("203.0.113.9"), "198.51.100.1", ["10.0.0.1"])).toBe("203.0.113.9");
    expect(clientAddress(req("10.0.0.1"), "198.51.100.1", ["10.0.0.1"])).toBe("198.51.100.1");
    expect(clientAddress(req("10.0.0.1"), "6.6.6.6, 198.51.100.1, 10.0.0.2", ["10.0.0.1", "10.0.0.2"])).toBe(
      "198.51.100.1",
    );
    expect(clientAddress(req("::ffff:10.0.0.1"), "198.51.100.1", ["10.0.0.1"])).toBe("198.51.100.1");
  });
});

describe.skipIf(skipDatabase)("anonymous rate limit", () => {
  let lede: TestLede;
  let baseUrl: string;
  beforeAll(async () => {
    lede = await startLede({ env: { ANON_RATE_LIMIT: "5", TRUSTED_PROXIES: "127.0.0.1" } });
    baseUrl = await lede.listen();
  });
  afterAll(async () => {
    await lede?.close();
  });

  it("answers 429 RATE_LIMITED with Retry-After past the limit, per client address, and never for tokens", async () => {
    const results = [];
    for (let i = 0; i < 7; i++) results.push(await ask(baseUrl, "198.51.100.7"));
    expect(results.slice(0, 5).map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    expect(results[5]).toMatchObject({ status: 429, body: { errors: [{ extensions: { code: "RATE_LIMITED" } }] } });
    expect(Number(results[5]!.retryAfter)).toBeGreaterThan(0);
    expect((await ask(baseUrl, "198.51.100.8")).status).toBe(200); // another client
    const { token } = await guest(lede, "Signed in");
    expect((await ask(baseUrl, "198.51.100.7", token)).status).toBe(200);
    expect((await lede.fetch("/health")).status).toBe(200);
  });
});

const redisUp = await (async () => {
  const probe = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  probe.on("error", () => {});
  try {
    await probe.connect();
    return (await probe.ping()) === "PONG";
  } catch {
    return false;
  } finally {
    probe.disconnect();
  }
})();

describe.skipIf(skipDatabase || !redisUp)("anonymous rate limit over Redis", () => {
  it("shares the count between instances", async () => {
    const env = { ANON_RATE_LIMIT: "4", TRUSTED_PROXIES: "127.0.0.1", REDIS_URL };
    const a = await startLede({ env });
    const b = await startLede({ env, sameDatabaseAs: a });
    try {
      const [urlA, urlB] = await Promise.all([a.listen(), b.listen()]);
      const statuses = [];
      for (let i = 0; i < 6; i++) statuses.push((await ask(i % 2 ? urlA : urlB, "198.51.100.99")).status);
      expect(statuses).toEqual([200, 200, 200, 200, 429, 429]);
    } finally {
      await b.close();
      await a.close();
    }
  });
});
