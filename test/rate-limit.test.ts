// Anonymous traffic is limited per client address, across instances when Redis carries the count (the address
// rules and the limiter alone: test/unit/rate-limit.test.ts).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { guest } from "./support/fixtures.js";
import { skipDatabase, startLede, type TestLede } from "./support/lede.js";
import { sharedRedisAvailable, TEST_REDIS_URL as REDIS_URL } from "./support/redis.js";

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

const redisUp = await sharedRedisAvailable();

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
