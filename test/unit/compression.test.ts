// Response compression on a tiny schema: brotli or gzip as Accept-Encoding prefers (q-values), answers that decode to
// the very JSON sent uncompressed, small answers and streams (SSE, multipart @defer) left alone, Vary always, and the
// ETag and 304 of the HTTP cache next to it.
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { useDeferStream } from "@graphql-yoga/plugin-defer-stream";
import { describe, expect, it } from "vitest";
import { useHttpCacheHeaders, useHttpCacheParams } from "../../src/caching/http-cache.js";
import { COMPRESSION_THRESHOLD_BYTES, negotiateCoding, useCompression } from "../../src/plugins/compression.js";
import { tinySchema, tinyYoga } from "../support/tiny-yoga.js";

/** A query whose answer is about `aliases` × 14 bytes of JSON. */
const aliased = (aliases: number) => `{ ${Array.from({ length: aliases }, (_, i) => `a${i}: fast`).join(" ")} }`;
const LARGE = aliased(200);
const SMALL = "{ fast }";

const yoga = tinyYoga([
  useHttpCacheHeaders("/graphql", tinySchema),
  useCompression(),
  useHttpCacheParams(),
  useDeferStream(),
]);

const get = (query: string, headers: Record<string, string> = {}, method = "GET") =>
  yoga.fetch(`/graphql?${new URLSearchParams({ query })}`, {
    method,
    headers: { accept: "application/graphql-response+json", ...headers },
  });
const post = (query: string, headers: Record<string, string> = {}) =>
  yoga.fetch("/graphql", {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/graphql-response+json", ...headers },
    body: JSON.stringify({ query }),
  });

/** The body as sent, and decoded by its Content-Encoding; fails with the headers if the coding is not one of ours. */
async function decoded(response: Response): Promise<{ bytes: Buffer; text: string }> {
  const bytes = Buffer.from(await response.arrayBuffer());
  const coding = response.headers.get("content-encoding");
  if (coding === "br") return { bytes, text: brotliDecompressSync(bytes).toString("utf8") };
  if (coding === "gzip") return { bytes, text: gunzipSync(bytes).toString("utf8") };
  if (coding === null) return { bytes, text: bytes.toString("utf8") };
  throw new Error(`unexpected content-encoding ${coding}: ${JSON.stringify([...response.headers])}`);
}

describe("negotiateCoding", () => {
  it("takes the highest q-value, brotli on a tie, and nothing when identity is preferred or none is acceptable", () => {
    expect(negotiateCoding("gzip, deflate, br, zstd")).toBe("br");
    expect(negotiateCoding("gzip")).toBe("gzip");
    expect(negotiateCoding("GZIP")).toBe("gzip");
    expect(negotiateCoding("br;q=0.5, gzip;q=0.8")).toBe("gzip");
    expect(negotiateCoding("br;q=0, *")).toBe("gzip");
    expect(negotiateCoding("*")).toBe("br");
    expect(negotiateCoding("*;q=0")).toBeNull();
    expect(negotiateCoding("deflate, zstd")).toBeNull();
    expect(negotiateCoding("identity")).toBeNull();
    expect(negotiateCoding("identity, gzip;q=0.5")).toBeNull();
    expect(negotiateCoding("")).toBeNull();
  });
});

describe("useCompression", () => {
  it("compresses a POST answer over the threshold as Accept-Encoding asks, to the same JSON", async () => {
    const plain = await post(LARGE);
    const text = await plain.text();
    expect(Buffer.byteLength(text)).toBeGreaterThan(COMPRESSION_THRESHOLD_BYTES);
    expect(plain.headers.get("content-encoding")).toBeNull();
    expect(plain.headers.get("vary")).toContain("Accept-Encoding");
    expect(JSON.parse(text).data.a199, text).toBe("fast");
    for (const [acceptEncoding, coding] of [
      ["gzip, deflate, br", "br"],
      ["gzip", "gzip"],
      ["br;q=0.2, gzip", "gzip"],
    ]) {
      const response = await post(LARGE, { "accept-encoding": acceptEncoding! });
      expect(response.headers.get("content-encoding"), acceptEncoding).toBe(coding);
      expect(response.headers.get("vary")).toContain("Accept-Encoding");
      const { bytes, text: body } = await decoded(response);
      expect(body).toBe(text);
      expect(Number(response.headers.get("content-length"))).toBe(bytes.length);
      expect(bytes.length).toBeLessThan(Buffer.byteLength(text) / 4);
    }
    // nothing acceptable: sent as it is
    const identity = await post(LARGE, { "accept-encoding": "identity, gzip;q=0" });
    expect(identity.headers.get("content-encoding")).toBeNull();
    expect(await identity.text()).toBe(text);
  });

  it("leaves an answer under the threshold uncompressed, with Vary", async () => {
    const response = await post(SMALL, { "accept-encoding": "gzip, br" });
    expect(response.headers.get("content-encoding")).toBeNull();
    expect(response.headers.get("vary")).toBe("Accept-Encoding");
    expect(await response.json()).toEqual({ data: { fast: "fast" } });
  });

  it("compresses a public GET answer, weakens its ETag, and answers a revalidation of it with 304 and Vary", async () => {
    const plain = await get(LARGE);
    const etag = plain.headers.get("etag")!;
    expect(etag).toMatch(/^"[^"]+"$/);
    expect(plain.headers.get("vary")).toBe("Accept, Authorization, Accept-Encoding");
    const text = await plain.text();
    const compressed = await get(LARGE, { "accept-encoding": "gzip" });
    expect(compressed.headers.get("content-encoding")).toBe("gzip");
    expect(compressed.headers.get("etag")).toBe(`W/${etag}`);
    expect(compressed.headers.get("cache-control")).toBe(plain.headers.get("cache-control"));
    const first = await decoded(compressed);
    expect(first.text).toBe(text);
    // the same body again comes from the kept copy: the same bytes
    const again = await get(LARGE, { "accept-encoding": "gzip" });
    expect((await decoded(again)).bytes).toEqual(first.bytes);
    const revalidated = await get(LARGE, { "accept-encoding": "gzip", "if-none-match": `W/${etag}` });
    expect(revalidated.status).toBe(304);
    expect(revalidated.headers.get("etag")).toBe(`W/${etag}`);
    expect(revalidated.headers.get("vary")).toBe("Accept, Authorization, Accept-Encoding");
    expect(revalidated.headers.get("content-encoding")).toBeNull();
    expect(await revalidated.text()).toBe("");
    // a client that accepts no coding was sent the uncompressed body, whose tag is the strong one
    const unencoded = await get(LARGE, { "if-none-match": `W/${etag}` });
    expect(unencoded.status).toBe(304);
    expect(unencoded.headers.get("etag")).toBe(etag);
  });

  it("does not compress Server-Sent Events or a multipart @defer answer", async () => {
    const sse = await post(LARGE, { accept: "text/event-stream", "accept-encoding": "gzip, br" });
    expect(sse.headers.get("content-type")).toMatch(/^text\/event-stream/);
    // yoga marks its event streams `Content-Encoding: none`, for proxies
    expect(sse.headers.get("content-encoding") ?? "none").toBe("none");
    expect(await sse.text()).toContain('"a199":"fast"');
    const deferred = await post(`{ fast ... @defer { ${aliased(200).slice(2, -2)} } }`, {
      accept: "multipart/mixed",
      "accept-encoding": "gzip, br",
    });
    expect(deferred.headers.get("content-type")).toMatch(/^multipart\/mixed/);
    expect(deferred.headers.get("content-encoding") ?? "none").toBe("none");
    expect(await deferred.text()).toContain('"a199":"fast"');
  });
});
