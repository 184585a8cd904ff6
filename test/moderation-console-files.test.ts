// How Lede serves the moderation console: the page with this server's GraphQL path and a CSP that allows only its own
// origin, its scripts and styles from a fixed list (no path from the URL reaches the file system), no cookies.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { skipDatabase, startLede, type TestLede } from "./support/lede.js";

describe.skipIf(skipDatabase)("the moderation console's files", () => {
  let lede: TestLede;
  beforeAll(async () => {
    lede = await startLede({ seeded: false, env: { GRAPHQL_PATH: "/api/graphql" } });
  });
  afterAll(async () => {
    await lede?.close();
  });

  it("serves the page with the GraphQL path filled in, a strict CSP and no cookie", async () => {
    const response = await lede.fetch("/moderate");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(response.headers.get("content-security-policy")).toMatch(/default-src 'none'; script-src 'self'/);
    expect(response.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    expect(response.headers.get("set-cookie")).toBeNull();
    const html = await response.text();
    expect(html).toContain('<meta name="lede-graphql-path" content="/api/graphql" />');
    expect(html).not.toMatch(/https?:\/\//); // nothing from the internet
  });

  it("serves its scripts and styles, and nothing else", async () => {
    const script = await lede.fetch("/moderate/main.js");
    expect(script.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    expect(await script.text()).toContain("followModeration");
    expect((await lede.fetch("/moderate/console.css")).headers.get("content-type")).toBe("text/css; charset=utf-8");
    for (const path of [
      "/moderate/../package.json",
      "/moderate/%2e%2e/package.json",
      "/moderate/index.ts",
      "/moderate/x",
    ])
      expect((await lede.fetch(path)).status, path).toBe(404);
    expect((await lede.fetch("/moderate", { method: "POST" })).status).toBe(405);
  });

  it("never puts text into the page as HTML", async () => {
    for (const file of ["main.js", "queue.js", "detail.js", "dom.js", "api.js", "live.js"]) {
      const source = await (await lede.fetch(`/moderate/${file}`)).text();
      expect(source, file).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write/);
    }
  });
});
