// The suite runs once per database: make sure each project really talks to its own kind.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { provider, skipDatabase, startLede, type TestLede } from "./support/lede.js";

describe.skipIf(skipDatabase)("test harness", () => {
  let lede: TestLede;
  beforeAll(async () => {
    lede = await startLede();
  });
  afterAll(async () => {
    await lede?.close();
  });

  it(`runs the ${provider} project on ${provider}`, async () => {
    expect(lede.db.provider).toBe(provider);
    expect(lede.config.databaseUrl.startsWith(provider === "sqlite" ? "file:" : "postgresql:")).toBe(true);
    expect(await lede.db.ping()).toBe(true);
  });
});
