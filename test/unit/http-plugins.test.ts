// HTTP caching and persisted queries on a tiny schema: If-None-Match as RFC 9110 compares it; public answers with a
// strong ETag and a max-age from the cache policy, 304 on a match, `private, no-store` for everything else; and
// Apollo's automatic persisted queries (unknown hash, registration, the size bound).
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { etagMatches, useHttpCacheHeaders, useHttpCacheParams } from "../../src/caching/http-cache.js";
import { usePersistedQueries } from "../../src/plugins/persisted-queries.js";
import { tinySchema, tinyYoga } from "../support/tiny-yoga.js";

describe("etagMatches", () => {
  it("compares weakly, in a list, and takes * as any", () => {
    expect(etagMatches('"abc"', '"abc"')).toBe(true);
    expect(etagMatches('W/"abc"', '"abc"')).toBe(true);
    expect(etagMatches('"x", W/"abc" , "y"', '"abc"')).toBe(true);
    expect(etagMatches(" * ", '"abc"')).toBe(true);
    expect(etagMatches('"abcd"', '"abc"')).toBe(false);
    expect(etagMatches("abc", '"abc"')).toBe(false);
    expect(etagMatches("", '"abc"')).toBe(false);
    expect(etagMatches(null, '"abc"')).toBe(false);
  });
});

describe("useHttpCacheHeaders and useHttpCacheParams", () => {
  const yoga = tinyYoga([useHttpCacheHeaders("/graphql", tinySchema), useHttpCacheParams()]);
  const get = (query: string, headers: Record<string, string> = {}) =>
    yoga.fetch(`/graphql?${new URLSearchParams({ query })}`, {
      headers: { accept: "application/graphql-response+json", ...headers },
    });

  it("makes an anonymous GET public, for as long as its shortest-lived type, with an ETag of its content", async () => {
    const tags = await get("{ tags { name } }");
    expect(tags.status).toBe(200);
    expect(tags.headers.get("cache-control")).toBe("public, max-age=300");
    expect(tags.headers.get("vary")).toBe("Accept, Authorization");
    const body = await tags.text();
    const etag = `"${createHash("sha256").update(body).digest("base64url").slice(0, 32)}"`;
    expect(tags.headers.get("etag")).toBe(etag);
    // Article (60 s) is shorter-lived than Tag (300 s)
    expect(
      (await get("{ articles(first: 1) { edges { node { tags { name } } } } }")).headers.get("cache-control"),
    ).toBe("public, max-age=60");
    // no type with a TTL of its own: the default 30 s
    expect((await get("{ fast }")).headers.get("cache-control")).toBe("public, max-age=30");
  });

  it("answers 304 with no body when If-None-Match names the current ETag", async () => {
    const etag = (await get("{ tags { name } }")).headers.get("etag")!;
    const revalidated = await get("{ tags { name } }", { "if-none-match": `W/${etag}` });
    expect(revalidated.status).toBe(304);
    expect(await revalidated.text()).toBe("");
    expect(revalidated.headers.get("etag")).toBe(etag);
    expect(revalidated.headers.get("content-type")).toBeNull();
    expect((await get("{ tags { name } }", { "if-none-match": '"stale"' })).status).toBe(200);
  });

  it("keeps POST, tokens, mutations and answers with errors private", async () => {
    const post = await yoga.post("{ tags { name } }");
    expect(post.headers.get("cache-control")).toBe("private, no-store");
    expect(post.headers.get("etag")).toBeNull();
    const withToken = await get("{ tags { name } }", { authorization: "Bearer x" });
    expect(withToken.headers.get("cache-control")).toBe("private, no-store");
    const withError = await get("{ boom }");
    expect(withError.headers.get("cache-control")).toBe("private, no-store");
    expect(withError.headers.get("etag")).toBeNull();
    expect(JSON.parse(await withError.text())).toMatchObject({
      errors: [{ extensions: { code: "INTERNAL_SERVER_ERROR" } }],
    });
    const mutation = await yoga.post("mutation { slowWrite(ms: 0) }");
    expect(mutation.headers.get("cache-control")).toBe("private, no-store");
  });
});

describe("usePersistedQueries", () => {
  const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");
  const persisted = (query: string) => ({ persistedQuery: { version: 1, sha256Hash: sha256(query) } });
  const yoga = tinyYoga([usePersistedQueries()]);
  const send = async (body: object) => {
    const response = await yoga.fetch("/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/graphql-response+json" },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  it("answers an unknown hash with PERSISTED_QUERY_NOT_FOUND, then runs it by hash once registered", async () => {
    const query = "{ fast tags { name } }";
    expect(await send({ extensions: persisted(query) })).toMatchObject({
      status: 404,
      body: { errors: [{ extensions: { code: "PERSISTED_QUERY_NOT_FOUND" } }] },
    });
    expect(await send({ query, extensions: persisted(query) })).toMatchObject({
      status: 200,
      body: { data: { fast: "fast" } },
    });
    expect(await send({ extensions: persisted(query) })).toEqual({
      status: 200,
      body: { data: { fast: "fast", tags: [{ name: "news" }] } },
    });
  });

  it("refuses a hash that is not the query's", async () => {
    const result = await send({ query: "{ fast }", extensions: persisted("{ tags { name } }") });
    expect(result).toMatchObject({
      status: 400,
      body: { errors: [{ extensions: { code: "PERSISTED_QUERY_MISMATCH" } }] },
    });
  });

  it("runs a query longer than 16 KB but does not keep it", async () => {
    const query = `{ fast ${" ".repeat(16 * 1024)}}`;
    expect(await send({ query, extensions: persisted(query) })).toMatchObject({
      status: 200,
      body: { data: { fast: "fast" } },
    });
    expect((await send({ extensions: persisted(query) })).status).toBe(404);
  });
});
