// A news site of its own for the widget tests: a local HTTP server on another origin than Lede, serving an article
// page with the README's embed snippet (so the snippet readers copy is the one that is tested).
import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

const README_HOST = "https://lede.example.com";

/** The first ```html block after the widget-snippet marker in README.md. */
export function readmeSnippet(): string {
  const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
  const marker = readme.indexOf("<!-- widget-snippet:");
  const match = /```html\n([\s\S]*?)```/.exec(readme.slice(marker));
  if (marker < 0 || !match) throw new Error("README.md has no widget snippet");
  return match[1]!;
}

export interface PageOptions {
  /** Extra attributes on the widget element, e.g. `data-token="…"`. */
  attributes?: string;
}

export interface NewsSite {
  url(options?: PageOptions): string;
  close(): Promise<void>;
}

/** Serves /article?attrs=… : a page with the snippet pointing at `ledeUrl`. */
export async function startNewsSite(ledeUrl: string): Promise<NewsSite> {
  const snippet = readmeSnippet().replaceAll(README_HOST, ledeUrl);
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://news.test");
    if (url.pathname !== "/article") {
      res.writeHead(url.pathname === "/favicon.ico" ? 204 : 404).end();
      return;
    }
    const attributes = url.searchParams.get("attrs") ?? "";
    const page = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>An article</title></head>
<body><main><h1>An article</h1><p>The story.</p>
${snippet.replace("<div data-lede-comments", `<div data-lede-comments ${attributes}`)}
</main></body></html>`;
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(page);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: (options = {}) => `${base}/article?attrs=${encodeURIComponent(options.attributes ?? "")}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
