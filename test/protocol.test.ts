// GraphQL over HTTP conformance: graphql-http's server audits against a real Lede on a real port.
import { serverAudits } from "graphql-http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { skipDatabase, startLede, type TestLede } from "./support/lede.js";

describe.skipIf(skipDatabase)("GraphQL over HTTP audits", () => {
  let lede: TestLede;
  let url: string;
  beforeAll(async () => {
    lede = await startLede();
    url = `${await lede.listen()}/graphql`;
  });
  afterAll(async () => {
    await lede?.close();
  });

  for (const audit of serverAudits({ url: () => url, fetchFn: fetch })) {
    it(audit.name, async () => {
      const result = await audit.fn();
      // MUST failures are "error", SHOULD failures "warn"; only MAY may fail ("notice").
      if (result.status !== "ok" && result.status !== "notice") {
        throw new Error(
          `${result.status}: ${result.reason}\n${JSON.stringify((result as { response?: unknown }).response ?? "", null, 2)}`,
        );
      }
      expect(["ok", "notice"]).toContain(result.status);
    });
  }
});
