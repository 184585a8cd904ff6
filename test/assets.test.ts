// Lede's pages and their files over HTTP: GraphiQL's page is a few kilobytes revalidated on every load, and its
// files, the console's and the widget's are served under hashed URLs (/assets/…) cached for a year; the stable
// script URLs newsrooms paste stay as they were (a short cache), and nothing is fetched from elsewhere.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashedName } from "../src/http/assets.js";
import { skipDatabase, startLede, type TestLede } from "./support/lede.js";

const IMMUTABLE = "public, max-age=31536000, immutable";
const HTML = { accept: "text/html" };

/** The hashed /assets/ paths a page or a script names. */
const assetPaths = (text: string) => [...new Set(text.match(/\/assets\/[\w/.-]+\.[0-9a-f]{16}(?:\.\w+)?/g) ?? [])];

describe.skipIf(skipDatabase)("static files and the pages that load them", () => {
  let lede: TestLede;
  beforeAll(async () => {
    lede = await startLede({ seeded: false });
  });
  afterAll(async () => {
    await lede?.close();
  });

  async function expectImmutable(path: string, type: RegExp): Promise<Response> {
    const response = await lede.fetch(path);
    expect(response.status, path).toBe(200);
    expect(response.headers.get("content-type"), path).toMatch(type);
    expect(response.headers.get("cache-control"), path).toBe(IMMUTABLE);
    expect(response.headers.get("etag"), path).toBe(`"${path.split("/").at(-1)}"`);
    expect(response.headers.get("access-control-allow-origin"), path).toBe("*");
    return response;
  }

  it("serves GraphiQL as a small page, revalidated, that names its files by hash", async () => {
    const response = await lede.fetch("/graphql", { headers: HTML });
    const html = await response.text();
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-cache");
    expect(response.headers.get("vary")).toBe("Accept, Accept-Encoding");
    expect(response.headers.get("content-security-policy")).toContain("script-src 'self';");
    expect(html.length).toBeLessThan(32 * 1024);
    const files = assetPaths(html);
    expect(files.map((path) => path.replace(/\.[0-9a-f]{16}/, "")).sort()).toEqual([
      "/assets/graphiql/editor.worker.js",
      "/assets/graphiql/favicon.ico",
      "/assets/graphiql/graphiql.css",
      "/assets/graphiql/graphiql.js",
      "/assets/graphiql/graphql.worker.js",
      "/assets/graphiql/json.worker.js",
      "/assets/graphiql/lede-graphiql.js",
    ]);
    for (const path of files) await expectImmutable(path, /^(text\/(javascript|css)|image\/x-icon)/);
    const revalidated = await lede.fetch("/graphql", {
      headers: { ...HTML, "if-none-match": response.headers.get("etag")! },
    });
    expect(revalidated.status).toBe(304);
  });

  it("serves GraphiQL's bundle as render-graphiql ships it, with nothing from the internet", async () => {
    const built = await import("@graphql-yoga/render-graphiql/graphiql");
    const html = await (await lede.fetch("/graphql", { headers: HTML })).text();
    const bundle = assetPaths(html).find((path) => /\/graphiql\.[0-9a-f]{16}\.js$/.test(path))!;
    expect(await (await lede.fetch(bundle)).text()).toBe(built.js);
    expect(bundle).toBe(`/assets/graphiql/${hashedName("graphiql.js", built.js)}`);
    expect(html).not.toMatch(/(?:src|href)=["']https?:/);
  });

  it("answers a revalidation with 304, HEAD without a body, other methods with 405 and unknown files with 404", async () => {
    const html = await (await lede.fetch("/graphql", { headers: HTML })).text();
    const css = assetPaths(html).find((path) => path.endsWith(".css"))!;
    const revalidated = await lede.fetch(css, { headers: { "if-none-match": `"${css.split("/").at(-1)}"` } });
    expect(revalidated.status).toBe(304);
    expect(await revalidated.text()).toBe("");
    const head = await lede.fetch(css, { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe("");
    const posted = await lede.fetch(css, { method: "POST", body: "x" });
    expect(posted.status).toBe(405);
    expect(posted.headers.get("allow")).toBe("GET, HEAD");
    for (const path of [
      "/assets/graphiql/graphiql.0000000000000000.css",
      "/assets/nothing/x.0000000000000000.js",
      "/assets/",
    ]) {
      const missing = await lede.fetch(path);
      expect(missing.status, path).toBe(404);
      expect(missing.headers.get("cache-control"), path).toBe("no-store");
    }
  });

  it("keeps the widget's and the live blog's stable URLs, and serves the same scripts under hashed ones", async () => {
    for (const file of ["comments.js", "liveblog.js"]) {
      const stable = await lede.fetch(`/embed/${file}`);
      expect(stable.headers.get("cache-control")).toBe("public, max-age=300, stale-while-revalidate=86400");
      const body = await stable.text();
      const hashed = await expectImmutable(`/assets/widget/${hashedName(file, body)}`, /^text\/javascript/);
      expect(await hashed.text()).toBe(body);
    }
  });

  it("loads the moderation console's styles and modules by hash, each module importing the others by hash", async () => {
    const page = await lede.fetch("/moderate");
    expect(page.headers.get("cache-control")).toBe("no-cache");
    const linked = assetPaths(await page.text());
    expect(linked.map((path) => path.replace(/\.[0-9a-f]{16}/, ""))).toEqual([
      "/assets/console/console.css",
      "/assets/console/main.js",
    ]);
    const seen = new Set<string>();
    const visit = async (path: string): Promise<void> => {
      if (seen.has(path)) return;
      seen.add(path);
      const text = await (await expectImmutable(path, /^text\/(css|javascript)/)).text();
      expect(text, path).not.toMatch(/from\s*["']\.\/\w+\.js["']/);
      for (const [, imported] of text.matchAll(/from\s*["']\.\/([\w.]+)["']/g))
        await visit(`/assets/console/${imported}`);
    };
    for (const path of linked) await visit(path);
    expect(seen.size).toBe(8); // the stylesheet and the seven modules
  });
});

describe.skipIf(skipDatabase)("static files in production", () => {
  it("serves GraphiQL's page at /graphiql with the same hashed files", async () => {
    const lede = await startLede({ seeded: false, env: { NODE_ENV: "production" } });
    try {
      const page = await lede.fetch("/graphiql");
      expect(page.status).toBe(200);
      expect(page.headers.get("cache-control")).toBe("no-cache");
      const files = assetPaths(await page.text());
      expect(files).toHaveLength(7);
      for (const path of files) expect((await lede.fetch(path)).headers.get("cache-control")).toBe(IMMUTABLE);
    } finally {
      await lede.close();
    }
  });
});
