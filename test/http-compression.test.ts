// Compression across Lede's routes: GraphQL answers (POST, GET, persisted-query GETs, answers from the response
// cache), the widget's and the live blog's scripts, GraphiQL, the moderation console, feeds and the home page come
// back in brotli or gzip as Accept-Encoding asks and decode to what is sent uncompressed; small answers, Server-Sent
// Events and multipart @defer are not compressed; Vary, HEAD and 304 hold; and the bytes on a real socket decode.
import { createHash } from "node:crypto";
import { request as httpRequest } from "node:http";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COMPRESSION_THRESHOLD_BYTES } from "../src/plugins/compression.js";
import { articleId, REFERENCE_SLUG } from "./support/fixtures.js";
import { skipDatabase, startLede, type TestLede } from "./support/lede.js";

const FRONT_PAGE = `{ articles(first: 10) { edges { node { id headline bodyText } } } }`;
const GRAPHQL_JSON = { "content-type": "application/json", accept: "application/graphql-response+json" };

function decode(bytes: Buffer, coding: string | null | undefined): string {
  if (coding === "br") return brotliDecompressSync(bytes).toString("utf8");
  if (coding === "gzip") return gunzipSync(bytes).toString("utf8");
  if (!coding) return bytes.toString("utf8");
  throw new Error(`unexpected content-encoding ${coding}`);
}

/** Status, headers and the body decoded by its Content-Encoding. */
async function read(response: Response) {
  const bytes = Buffer.from(await response.arrayBuffer());
  const coding = response.headers.get("content-encoding");
  return {
    status: response.status,
    headers: response.headers,
    coding,
    sent: bytes.length,
    text: decode(bytes, coding),
  };
}

describe.skipIf(skipDatabase)("compression", () => {
  let lede: TestLede;
  beforeAll(async () => {
    lede = await startLede();
  });
  afterAll(async () => {
    await lede?.close();
  });

  const postJson = (body: object, headers: Record<string, string> = {}) =>
    lede.fetch("/graphql", { method: "POST", headers: { ...GRAPHQL_JSON, ...headers }, body: JSON.stringify(body) });

  it("compresses a large POST answer per Accept-Encoding, to the same JSON, and leaves a small one alone", async () => {
    const plain = await read(await postJson({ query: FRONT_PAGE }));
    expect(plain.status, plain.text.slice(0, 500)).toBe(200);
    expect(JSON.parse(plain.text).data.articles.edges.length).toBeGreaterThan(1);
    expect(plain.sent).toBeGreaterThan(COMPRESSION_THRESHOLD_BYTES);
    expect(plain.headers.get("vary")).toBe("Accept-Encoding");
    for (const [acceptEncoding, coding] of [
      ["gzip, deflate, br, zstd", "br"],
      ["gzip;q=1, br;q=0.5", "gzip"],
    ] as const) {
      const compressed = await read(await postJson({ query: FRONT_PAGE }, { "accept-encoding": acceptEncoding }));
      expect(compressed.coding, acceptEncoding).toBe(coding);
      expect(compressed.text).toBe(plain.text);
      expect(compressed.sent).toBeLessThan(plain.sent / 2);
    }
    const small = await read(await postJson({ query: "{ __typename }" }, { "accept-encoding": "br" }));
    expect(small.coding).toBeNull();
    expect(small.headers.get("vary")).toBe("Accept-Encoding");
    expect(JSON.parse(small.text).data).toEqual({ __typename: "Query" });
  });

  it("compresses an answer the response cache serves", async () => {
    const query = `{ article(slug: "${REFERENCE_SLUG}") { id headline bodyText } }`;
    const first = await read(await postJson({ query }, { "accept-encoding": "br" }));
    const { result: cached, statements } = await lede.countStatements(async () =>
      read(await postJson({ query }, { "accept-encoding": "br" })),
    );
    expect(statements, "the second answer should come from the response cache").toBe(0);
    expect(cached.coding).toBe("br");
    expect(cached.text).toBe(first.text);
    expect(JSON.parse(cached.text).data.article.bodyText.length).toBeGreaterThan(COMPRESSION_THRESHOLD_BYTES);
  });

  it("compresses a GET answer and a persisted-query GET, weakens their ETag and revalidates it with 304", async () => {
    const url = `/graphql?${new URLSearchParams({ query: FRONT_PAGE })}`;
    const plain = await read(await lede.fetch(url, { headers: { accept: GRAPHQL_JSON.accept } }));
    const etag = plain.headers.get("etag")!;
    expect(etag, JSON.stringify([...plain.headers])).toMatch(/^"/);
    const gzipped = await read(
      await lede.fetch(url, { headers: { accept: GRAPHQL_JSON.accept, "accept-encoding": "gzip" } }),
    );
    expect(gzipped.coding).toBe("gzip");
    expect(gzipped.text).toBe(plain.text);
    expect(gzipped.headers.get("etag")).toBe(`W/${etag}`);
    expect(gzipped.headers.get("vary")).toBe("Accept, Authorization, Accept-Encoding");
    const revalidated = await lede.fetch(url, {
      headers: { accept: GRAPHQL_JSON.accept, "accept-encoding": "gzip", "if-none-match": `W/${etag}` },
    });
    expect(revalidated.status).toBe(304);
    expect(revalidated.headers.get("vary")).toBe("Accept, Authorization, Accept-Encoding");
    expect(revalidated.headers.get("etag")).toBe(`W/${etag}`);
    expect(await revalidated.text()).toBe("");

    const hash = createHash("sha256").update(FRONT_PAGE).digest("hex");
    const extensions = JSON.stringify({ persistedQuery: { version: 1, sha256Hash: hash } });
    await postJson({ query: FRONT_PAGE, extensions: JSON.parse(extensions) });
    const persisted = await read(
      await lede.fetch(`/graphql?${new URLSearchParams({ extensions })}`, {
        headers: { accept: GRAPHQL_JSON.accept, "accept-encoding": "br" },
      }),
    );
    expect(persisted.status, persisted.text.slice(0, 500)).toBe(200);
    expect(persisted.coding).toBe("br");
    expect(persisted.text).toBe(plain.text);
  });

  it("compresses the scripts, GraphiQL, the moderation console, the feeds and the home page", async () => {
    for (const [path, accept] of [
      ["/embed/comments.js", "*/*"],
      ["/embed/liveblog.js", "*/*"],
      ["/graphql", "text/html"],
      ["/moderate", "text/html"],
      ["/moderate/main.js", "*/*"],
      ["/feeds/rss.xml", "*/*"],
      ["/", "text/html"],
    ] as const) {
      const plain = await read(await lede.fetch(path, { headers: { accept } }));
      expect(plain.status, path).toBe(200);
      expect(plain.coding, path).toBeNull();
      expect(plain.headers.get("vary"), path).toContain("Accept-Encoding");
      const compressed = await read(await lede.fetch(path, { headers: { accept, "accept-encoding": "gzip, br" } }));
      expect(compressed.coding, path).toBe("br");
      expect(compressed.text, path).toBe(plain.text);
      expect(compressed.sent, path).toBeLessThan(plain.sent / 2);
    }
  });

  it("answers HEAD and 304 for the widget's script without a body or a coding, with Vary", async () => {
    const headers = { "accept-encoding": "br" };
    const head = await lede.fetch("/embed/comments.js", { method: "HEAD", headers });
    expect(head.status).toBe(200);
    expect(head.headers.get("content-encoding")).toBeNull();
    expect(head.headers.get("vary")).toBe("Accept-Encoding");
    expect(await head.text()).toBe("");
    const full = await lede.fetch("/embed/comments.js", { headers });
    const etag = full.headers.get("etag")!;
    expect(etag).toMatch(/^W\/"/);
    const revalidated = await lede.fetch("/embed/comments.js", { headers: { ...headers, "if-none-match": etag } });
    expect(revalidated.status).toBe(304);
    expect(revalidated.headers.get("etag")).toBe(etag);
    expect(revalidated.headers.get("vary")).toBe("Accept-Encoding");
  });

  it("does not compress a subscription over Server-Sent Events or a multipart @defer answer", async () => {
    const sse = await postJson(
      {
        query: "subscription($a: ID!) { commentEvents(articleId: $a) { kind } }",
        variables: { a: await articleId(lede) },
      },
      { accept: "text/event-stream", "accept-encoding": "gzip, br" },
    );
    expect(sse.headers.get("content-type")).toMatch(/^text\/event-stream/);
    // yoga marks its event streams `Content-Encoding: none`, for proxies
    expect(sse.headers.get("content-encoding") ?? "none").toBe("none");
    // the stream stays open: read what it sent first (yoga's keep-alive comment), then hang up
    const reader = sse.body!.getReader();
    expect(new TextDecoder().decode((await reader.read()).value)).toMatch(/^:/);
    await reader.cancel();

    const deferred = await postJson(
      { query: `{ articles(first: 10) { edges { node { id ... @defer { bodyText } } } } }` },
      { accept: "multipart/mixed", "accept-encoding": "gzip, br" },
    );
    expect(deferred.headers.get("content-type")).toMatch(/^multipart\/mixed/);
    expect(deferred.headers.get("content-encoding") ?? "none").toBe("none");
    const text = await deferred.text();
    expect(text.length).toBeGreaterThan(COMPRESSION_THRESHOLD_BYTES);
    expect(text).toContain('"bodyText"');
  });

  it("sends bytes on a real socket that decode to the answer", async () => {
    const baseUrl = await lede.listen();
    const body = JSON.stringify({ query: FRONT_PAGE });
    const raw = await new Promise<{ headers: Record<string, unknown>; bytes: Buffer }>((resolve, reject) => {
      const req = httpRequest(`${baseUrl}/graphql`, {
        method: "POST",
        headers: { ...GRAPHQL_JSON, "accept-encoding": "br", "content-length": Buffer.byteLength(body) },
      });
      req.on("response", (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => resolve({ headers: res.headers, bytes: Buffer.concat(chunks) }));
        res.on("error", reject);
      });
      req.on("error", reject);
      req.end(body);
    });
    expect(raw.headers["content-encoding"]).toBe("br");
    expect(Number(raw.headers["content-length"])).toBe(raw.bytes.length);
    const answer = await read(await postJson({ query: FRONT_PAGE }));
    expect(decode(raw.bytes, "br")).toBe(answer.text);
  });
});
