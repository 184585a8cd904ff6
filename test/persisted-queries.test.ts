// Automatic persisted queries (the Apollo protocol) for mobile clients: a hash alone is PERSISTED_QUERY_NOT_FOUND
// until the client sends the query once with its hash; then the hash alone works, over GET too (and cacheably), and
// every limit still applies to the query behind the hash.
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REFERENCE_SLUG } from "./support/fixtures.js";
import { skipDatabase, startLede, type TestLede } from "./support/lede.js";

const QUERY = `query MobileArticle($slug: String!) { article(slug: $slug) { id headline } }`;
const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");
const persisted = (query: string) => ({ persistedQuery: { version: 1, sha256Hash: sha256(query) } });

describe.skipIf(skipDatabase)("automatic persisted queries", () => {
  let lede: TestLede;
  beforeAll(async () => {
    lede = await startLede({ env: { MAX_COST: "50" } });
  });
  afterAll(async () => {
    await lede?.close();
  });

  const postJson = async (body: object) => {
    const response = await lede.fetch("/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/graphql-response+json" },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Record<string, any> };
  };
  const getHashOnly = (query: string, variables: object, headers: Record<string, string> = {}) =>
    lede.fetch(
      `/graphql?${new URLSearchParams({
        extensions: JSON.stringify(persisted(query)),
        variables: JSON.stringify(variables),
      })}`,
      { headers: { accept: "application/graphql-response+json", ...headers } },
    );

  it("answers an unknown hash with PERSISTED_QUERY_NOT_FOUND, then runs it by hash once registered", async () => {
    const variables = { slug: REFERENCE_SLUG };
    const unknown = await postJson({ variables, extensions: persisted(QUERY) });
    expect(unknown.status).toBe(404);
    expect(unknown.body.errors.map((e: any) => e.extensions.code)).toEqual(["PERSISTED_QUERY_NOT_FOUND"]);
    expect(unknown.body.data).toBeUndefined();
    const registered = await postJson({ query: QUERY, variables, extensions: persisted(QUERY) });
    expect(registered.status).toBe(200);
    expect(registered.body.data.article.headline).toMatch(/Wagner/);
    const byHash = await postJson({ variables, extensions: persisted(QUERY) });
    expect(byHash).toMatchObject({ status: 200, body: { data: registered.body.data } });
  });

  it("runs a registered hash over GET, cacheably, and revalidates it with 304", async () => {
    const variables = { slug: REFERENCE_SLUG };
    await postJson({ query: QUERY, variables, extensions: persisted(QUERY) });
    const first = await getHashOnly(QUERY, variables);
    expect(first.status).toBe(200);
    expect(((await first.json()) as any).data.article.headline).toMatch(/Wagner/);
    expect(first.headers.get("cache-control")).toBe("public, max-age=60");
    const etag = first.headers.get("etag")!;
    expect(etag).toBeTruthy();
    expect((await getHashOnly(QUERY, variables, { "if-none-match": etag })).status).toBe(304);
    // the hash of a query nobody registered is not found over GET either, and is not cacheable
    const stranger = await getHashOnly(`{ sections { totalCount } }`, {});
    expect(stranger.status).toBe(404);
    expect(stranger.headers.get("cache-control")).toBe("private, no-store");
  });

  it("refuses a query sent with another query's hash", async () => {
    const other = `{ sections { totalCount } }`;
    const mismatch = await postJson({ query: other, extensions: persisted(QUERY) });
    expect(mismatch.status).toBe(400);
    expect(mismatch.body.errors.map((e: any) => e.extensions.code)).toEqual(["PERSISTED_QUERY_MISMATCH"]);
  });

  it("applies the limits to the query behind a hash", async () => {
    const costly = `{ articles(first: 100) { edges { node { headline } } } }`;
    const register = await postJson({ query: costly, extensions: persisted(costly) });
    expect(register.status).toBe(400);
    expect(register.body.errors[0].extensions).toMatchObject({ code: "LIMIT_EXCEEDED", limit: "MAX_COST" });
    // it was registered all the same: the hash alone is refused the same way
    const byHash = await postJson({ extensions: persisted(costly) });
    expect(byHash.body.errors[0].extensions).toMatchObject({ code: "LIMIT_EXCEEDED", limit: "MAX_COST" });
  });

  it("runs a query too long to register, but does not keep it", async () => {
    const long = `{ sections { totalCount } }${" ".repeat(17 * 1024)}`;
    expect(
      (await postJson({ query: long, extensions: persisted(long) })).body.data.sections.totalCount,
    ).toBeGreaterThan(0);
    const byHash = await postJson({ extensions: persisted(long) });
    expect(byHash.body.errors.map((e: any) => e.extensions.code)).toEqual(["PERSISTED_QUERY_NOT_FOUND"]);
  });

  it("never runs a mutation by hash over GET", async () => {
    const mutation = `mutation { startGuestSession(displayName: "By hash") { token } }`;
    await postJson({ query: mutation, extensions: persisted(mutation) });
    const overGet = await lede.fetch(
      `/graphql?${new URLSearchParams({ extensions: JSON.stringify(persisted(mutation)) })}`,
      { headers: { accept: "application/graphql-response+json" } },
    );
    expect(overGet.status).toBe(405);
  });
});
