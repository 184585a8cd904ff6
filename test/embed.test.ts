// The widget's script as Lede serves it (type, caching, CORS, revalidation), what it may never do (parse comment
// text as HTML), and the stream cursor it starts from.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WidgetArticleDocument, WidgetCommentEventsDocument } from "./generated/graphql.js";
import { REFERENCE_SLUG, guest, post } from "./support/fixtures.js";
import { serveForBlock, skipDatabase, startLede, type TestLede } from "./support/lede.js";
import { subscribe, until, wsClient } from "./support/ws.js";

const WIDGET_SOURCES = "src/widget";

describe.skipIf(skipDatabase)("the embeddable comment widget script", () => {
  let lede: TestLede;
  beforeAll(async () => {
    lede = await startLede();
  });
  afterAll(async () => {
    await lede?.close();
  });

  it("is JavaScript, cacheable, loadable from any site, and names this server's GraphQL path", async () => {
    const response = await lede.fetch("/embed/comments.js", { headers: { origin: "https://news.example" } });
    const body = await response.text();
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("public, max-age=300, stale-while-revalidate=86400");
    expect(response.headers.get("etag")).toMatch(/^"[A-Za-z0-9_-]{27}"$/);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(response.headers.get("cross-origin-resource-policy")).toBe("cross-origin");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(body).toContain("data-lede-comments");
    expect(body).not.toContain("__LEDE_GRAPHQL_PATH__");
    expect(body).toContain('"/graphql"');
  });

  it("answers a revalidation with 304 and no body, HEAD without a body, and refuses POST", async () => {
    const first = await lede.fetch("/embed/comments.js");
    const etag = first.headers.get("etag")!;
    const revalidated = await lede.fetch("/embed/comments.js", { headers: { "if-none-match": `W/${etag}` } });
    expect(revalidated.status).toBe(304);
    expect(await revalidated.text()).toBe("");
    expect(revalidated.headers.get("etag")).toBe(etag);
    expect(revalidated.headers.get("cache-control")).toContain("max-age=300");
    const stale = await lede.fetch("/embed/comments.js", { headers: { "if-none-match": '"something-else"' } });
    expect(stale.status).toBe(200);
    const head = await lede.fetch("/embed/comments.js", { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe("");
    const posted = await lede.fetch("/embed/comments.js", { method: "POST", body: "{}" });
    expect(posted.status).toBe(405);
    expect(posted.headers.get("allow")).toBe("GET, HEAD");
  });

  it("lets pages on other sites call the API with a bearer token (CORS preflight)", async () => {
    const response = await lede.fetch("/graphql", {
      method: "OPTIONS",
      headers: {
        origin: "https://news.example",
        "access-control-request-method": "POST",
        "access-control-request-headers": "authorization, content-type",
      },
    });
    expect(response.status).toBeLessThan(300);
    expect(response.headers.get("access-control-allow-origin")).toBe("https://news.example");
    expect(response.headers.get("access-control-allow-headers")).toContain("authorization");
  });

  it("never hands text to an HTML parser (sources and bundle)", () => {
    const files = readdirSync(WIDGET_SOURCES, { recursive: true, encoding: "utf8" })
      .filter((f) => f.endsWith(".ts") || f.endsWith(".js"))
      .map((f) => join(WIDGET_SOURCES, f));
    expect(files).toContain(join(WIDGET_SOURCES, "dist", "comments.js"));
    for (const file of files) {
      const text = readFileSync(file, "utf8");
      for (const sink of ["innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "DOMParser", "eval("]) {
        expect(text.includes(sink), `${file} uses ${sink}`).toBe(false);
      }
    }
  });
});

describe.skipIf(skipDatabase)("Article.commentStreamCursor", () => {
  const served = serveForBlock();

  it("read before the thread, it resumes the stream so that nothing posted after the read is missed", async () => {
    const { lede, baseUrl } = served;
    const { article } = await lede.query(WidgetArticleDocument, { slug: REFERENCE_SLUG });
    const reader = await guest(lede, "Early Bird");
    // Posted after the widget read the cursor but before it subscribed.
    const early = await post(lede, reader.token, { articleId: article!.id, body: "before the subscription" });
    const client = wsClient(baseUrl);
    try {
      const feed = await subscribe(lede, client, WidgetCommentEventsDocument, {
        articleId: article!.id,
        after: article!.commentStreamCursor,
      });
      const late = await post(lede, reader.token, { articleId: article!.id, body: "after it" });
      await until(() => feed.results.length >= 2, "both comments");
      expect(feed.errors).toEqual([]);
      expect(feed.results.map((r) => r.commentEvents.comment.id)).toEqual([early.id, late.id]);
      feed.dispose();
    } finally {
      await client.dispose();
    }
    const again = await lede.query(WidgetArticleDocument, { slug: REFERENCE_SLUG });
    expect(again.article!.commentStreamCursor).not.toBe(article!.commentStreamCursor);
  });
});
