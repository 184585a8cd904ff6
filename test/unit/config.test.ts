// Configuration is validated once, and a bad value names itself.
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/platform/config.js";

describe("config", () => {
  it("has working defaults for the embedded setup", () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      host: "0.0.0.0",
      port: 4000,
      databaseUrl: "file:./data/lede.db",
      graphqlPath: "/graphql",
    });
    expect(config.redisUrl).toBeUndefined();
  });

  it("reads PostgreSQL URLs and numbers from the environment", () => {
    const config = loadConfig({
      DATABASE_URL: "postgresql://db.internal:5432/lede",
      PORT: "8080",
      GUEST_SESSIONS: "off",
    });
    expect(config).toMatchObject({
      databaseUrl: "postgresql://db.internal:5432/lede",
      port: 8080,
      guestSessions: false,
    });
  });

  it.each([
    ["PORT", "eighty"],
    ["PORT", "70000"],
    ["DATABASE_URL", "mysql://localhost/lede"],
    ["NODE_ENV", "staging"],
    ["GUEST_SESSIONS", "maybe"],
    ["REDIS_URL", "not a url"],
    ["RESPONSE_CACHE", "sometimes"],
    ["RESPONSE_CACHE_MAX_MB", "0"],
    ["RESPONSE_CACHE_GRACE_MS", "-1"],
  ])("rejects %s=%s with a message naming the variable", (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(`^invalid ${name}=`));
  });

  it("keeps the response cache on unless RESPONSE_CACHE turns it off", () => {
    expect(loadConfig({}).responseCache).toEqual({ enabled: true, maxBytes: 64 * 1024 * 1024, graceMs: 1000 });
    expect(loadConfig({ RESPONSE_CACHE: "off" }).responseCache.enabled).toBe(false);
    expect(
      loadConfig({ RESPONSE_CACHE: "0", RESPONSE_CACHE_MAX_MB: "0.5", RESPONSE_CACHE_GRACE_MS: "0" }).responseCache,
    ).toEqual({ enabled: false, maxBytes: 512 * 1024, graceMs: 0 });
  });
});
