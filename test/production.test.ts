// NODE_ENV=production: GraphiQL moves to /graphiql, introspection needs an analyst, editor or admin token, field
// suggestions are hidden, and errors carry a message and a code only.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { guest, staff } from "./support/fixtures.js";
import { skipDatabase, startLede, type TestLede } from "./support/lede.js";

const INTROSPECTION = "{ __schema { queryType { name } } }";

describe.skipIf(skipDatabase)("production mode", () => {
  let lede: TestLede;
  beforeAll(async () => {
    lede = await startLede({ env: { NODE_ENV: "production" } });
  });
  afterAll(async () => {
    await lede?.close();
  });

  it("serves GraphiQL at /graphiql and not at /graphql", async () => {
    const page = await lede.fetch("/graphiql", { headers: { accept: "text/html" } });
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/GraphiQL/i);
    const api = await lede.fetch("/graphql", { headers: { accept: "text/html" } });
    expect(await api.text()).not.toMatch(/<html/i);
  });

  it("answers introspection only for analyst, editor and admin tokens", async () => {
    const reader = await guest(lede, "Curious");
    for (const token of [undefined, reader.token, (await staff(lede, "MODERATOR")).token]) {
      const result = await lede.execute(INTROSPECTION, {}, token ? { token } : {});
      expect(result.errors?.map((e) => e.extensions?.code)).toEqual(["FORBIDDEN"]);
    }
    for (const role of ["ANALYST", "EDITOR", "ADMIN"] as const) {
      const { token } = await staff(lede, role);
      expect(await lede.query(INTROSPECTION, {}, { token })).toEqual({ __schema: { queryType: { name: "Query" } } });
    }
    // __typename is not introspection of the schema
    expect(await lede.query("{ __typename }")).toEqual({ __typename: "Query" });
  });

  it("hides field suggestions", async () => {
    const result = await lede.execute("{ articls { totalCount } }");
    expect(JSON.stringify(result.errors)).not.toMatch(/Did you mean/);
    const development = await startLede();
    try {
      const dev = await development.execute("{ articls { totalCount } }");
      expect(JSON.stringify(dev.errors)).toMatch(/Did you mean/);
    } finally {
      await development.close();
    }
  });

  it("lets INTROSPECTION=on open introspection to everyone", async () => {
    const open = await startLede({ env: { NODE_ENV: "production", INTROSPECTION: "on" } });
    try {
      expect(await open.query(INTROSPECTION)).toEqual({ __schema: { queryType: { name: "Query" } } });
    } finally {
      await open.close();
    }
  });
});
