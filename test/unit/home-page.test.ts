// The home page (GET /): a short HTML page with a strict CSP and no script, the configured site title escaped, the
// same links as JSON for a client that asks for JSON, HEAD and 405, and GraphiQL's place in production.
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { useHomePage } from "../../src/plugins/home-page.js";
import { tinyYoga } from "../support/tiny-yoga.js";

const HOSTILE_TITLE = `<script>alert("x")</script> & "Co"`;
const config: Parameters<typeof useHomePage>[0] = {
  env: "development",
  graphqlPath: "/graphql",
  site: { url: "https://news.example", title: HOSTILE_TITLE },
};
const yoga = tinyYoga([useHomePage(config)]);

const hrefsIn = (html: string) => [...html.matchAll(/<a href="([^"]*)"/g)].map((match) => match[1]);

describe("the home page", () => {
  it("is HTML with a strict CSP that allows only its own style, no script, and the site title as text", async () => {
    const response = await yoga.fetch("/", { headers: { accept: "text/html,application/xhtml+xml,*/*;q=0.8" } });
    const html = await response.text();
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("vary")).toBe("Accept");
    const csp = response.headers.get("content-security-policy")!;
    expect(csp).toMatch(/^default-src 'none'; /);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/unsafe|script-src|https?:/);
    const style = /<style>([^<]*)<\/style>/.exec(html)![1]!;
    expect(csp).toContain(`style-src 'sha256-${createHash("sha256").update(style).digest("base64")}'`);
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('&lt;script&gt;alert("x")&lt;/script&gt; &amp; "Co"');
    expect(html).not.toMatch(/https?:\/\//); // nothing from elsewhere: the page works offline
    expect(hrefsIn(html)).toEqual([
      "/graphql",
      "/graphql",
      "/moderate",
      "/health",
      "/ready",
      "/feeds/rss.xml",
      "/feeds/atom.xml",
      "/sitemap.xml",
      "/sitemaps/news.xml",
      "/embed/comments.js",
      "/embed/liveblog.js",
    ]);
  });

  it("answers a client that asks for JSON with the same links, and anyone else with the page", async () => {
    const html = await (await yoga.fetch("/")).text();
    const response = await yoga.fetch("/", { headers: { accept: "application/json" } });
    expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(response.headers.get("vary")).toBe("Accept");
    const body = (await response.json()) as { name: string; description: string; links: Record<string, string> };
    expect(body.name).toBe("Lede");
    expect(html).toContain(body.description);
    expect(Object.values(body.links)).toEqual(hrefsIn(html));
    expect(body.links).toMatchObject({ graphiql: "/graphql", moderation: "/moderate", health: "/health" });
    // curl's */* and a browser's list both get the page
    for (const accept of ["*/*", "text/html, application/json;q=0.9"]) {
      const page = await yoga.fetch("/", { headers: { accept } });
      expect(page.headers.get("content-type"), accept).toMatch(/^text\/html/);
    }
  });

  it("answers HEAD without a body and refuses other methods with 405", async () => {
    const head = await yoga.fetch("/", { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe("");
    const post = await yoga.fetch("/", { method: "POST", body: "{}" });
    expect(post.status).toBe(405);
    expect(post.headers.get("allow")).toBe("GET, HEAD");
  });

  it("links GraphiQL where production serves it", async () => {
    const production = tinyYoga([useHomePage({ ...config, env: "production" })]);
    const body = (await (await production.fetch("/", { headers: { accept: "application/json" } })).json()) as {
      links: Record<string, string>;
    };
    expect(body.links.graphiql).toBe("/graphiql");
    expect(body.links.graphql).toBe("/graphql");
  });
});
