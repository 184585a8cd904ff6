// The anonymous rate limit's parts on their own: whose address a request comes from, the in-memory limiter's fixed
// one-minute windows, and the plugin on a tiny schema (429 RATE_LIMITED with Retry-After; tokens and probes exempt).
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { clientAddress, createRateLimiter, useAnonymousRateLimit } from "../../src/plugins/rate-limit.js";
import { createLogger } from "../../src/platform/logger.js";
import { tinyYoga } from "../support/tiny-yoga.js";

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

  it("falls back to the peer when every address is a proxy or there is no socket", () => {
    expect(clientAddress(req("10.0.0.1"), "10.0.0.2, ,", ["10.0.0.1", "10.0.0.2"])).toBe("10.0.0.1");
    expect(clientAddress(undefined, "198.51.100.1", [])).toBe("unknown");
    expect(clientAddress(req("10.0.0.1"), null, ["10.0.0.1"])).toBe("10.0.0.1");
  });
});

describe("the in-memory limiter", () => {
  const logger = createLogger("silent");
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date("2026-01-15T12:00:10.000Z"));
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("is off at a limit of 0", () => {
    expect(createRateLimiter({ limit: 0, namespace: "t", logger })).toBeNull();
  });

  it("counts per key in fixed one-minute windows, saying how long to wait", async () => {
    const limiter = createRateLimiter({ limit: 3, namespace: "t", logger })!;
    const hits = [];
    for (let i = 0; i < 5; i++) hits.push(await limiter.hit("a"));
    // 12:00:10: the window ends at 12:01:00, in 50 s
    expect(hits).toEqual([null, null, null, 50, 50]);
    expect(await limiter.hit("b")).toBeNull();
    vi.setSystemTime(new Date("2026-01-15T12:00:59.500Z"));
    expect(await limiter.hit("a")).toBe(1);
    vi.setSystemTime(new Date("2026-01-15T12:01:00.000Z"));
    expect(await limiter.hit("a")).toBeNull();
    await limiter.close();
  });
});

describe("useAnonymousRateLimit", () => {
  const logger = createLogger("silent");
  const yogaWith = (limit: number) =>
    tinyYoga([useAnonymousRateLimit(createRateLimiter({ limit, namespace: "t", logger }), [])]);

  it("answers 429 RATE_LIMITED with Retry-After past the limit, and never for a bearer token", async () => {
    const yoga = yogaWith(2);
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await yoga.post("{ fast }")).status);
    expect(statuses).toEqual([200, 200, 429]);
    const limited = await yoga.post("{ fast }");
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(limited.body).toMatchObject({
      errors: [{ extensions: { code: "RATE_LIMITED", retryAfter: Number(limited.headers.get("retry-after")) } }],
    });
    expect((await yoga.post("{ fast }", {}, { authorization: "Bearer anything" })).status).toBe(200);
  });

  it("never counts the health, readiness and metrics probes", async () => {
    const yoga = tinyYoga([
      useAnonymousRateLimit(createRateLimiter({ limit: 1, namespace: "t", logger }), []),
      {
        onRequest({ url, endResponse }) {
          if (["/health", "/ready", "/metrics"].includes(url.pathname)) endResponse(new Response("ok"));
        },
      },
    ]);
    for (let i = 0; i < 3; i++)
      for (const path of ["/health", "/ready", "/metrics"]) {
        expect((await yoga.fetch(path)).status).toBe(200);
      }
    expect((await yoga.post("{ fast }")).status).toBe(200);
    expect((await yoga.post("{ fast }")).status).toBe(429);
  });

  it("does nothing without a limiter", async () => {
    const yoga = tinyYoga([useAnonymousRateLimit(null, [])]);
    for (let i = 0; i < 5; i++) expect((await yoga.post("{ fast }")).status).toBe(200);
  });
});
