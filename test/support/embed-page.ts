// A news site of its own for the widget tests: a local HTTP server on another origin than Lede, serving an article
// page with the README's embed snippet (so the snippet readers copy is the one that is tested); and the harness the
// widget's browser suites share.
import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, expect } from "vitest";
import { launchChromium, watchConsole, type LaunchedBrowser } from "./browser.js";
import { REFERENCE_SLUG, articleId, staff } from "./fixtures.js";
import { startLede, type TestLede } from "./lede.js";

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

/** Comment bodies in the page that read exactly `text`. */
export function bodies(page: Page, text: string) {
  const escaped = text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return page.locator(".lede-c-body").filter({ hasText: new RegExp(`^${escaped}$`) });
}

export const WIDGET = "[data-lede-comments]";

export interface WidgetHarness {
  lede: TestLede;
  /** The reference article's id. */
  reference: string;
  moderator: { token: string };
  /** Page errors and console errors seen so far. */
  logs: string[];
  /** A reader's browser (its own storage and network) on the article page, once the widget is loaded and live. */
  openArticle(
    options?: PageOptions,
    prepare?: (page: Page) => Promise<void>,
  ): Promise<{ context: BrowserContext; page: Page }>;
  /** Posts through the page's main form, as a guest giving `name` (null: already signed in or named). */
  postThroughForm(page: Page, name: string | null, text: string): Promise<void>;
}

/** Registers the hooks of a widget browser suite: Lede, the news site, Chromium; everything closed afterwards. */
export function useWidgetHarness(env: Record<string, string> = {}): WidgetHarness {
  let site: NewsSite;
  let chromium: LaunchedBrowser;
  const contexts: BrowserContext[] = [];
  const harness = { logs: [] as string[] } as WidgetHarness;
  beforeAll(async () => {
    harness.lede = await startLede({ env });
    site = await startNewsSite(await harness.lede.listen());
    chromium = await launchChromium();
    harness.reference = await articleId(harness.lede, REFERENCE_SLUG);
    harness.moderator = await staff(harness.lede, "MODERATOR");
  });
  afterAll(async () => {
    if (harness.logs.length) console.warn(`browser console:\n${harness.logs.join("\n")}`);
    for (const context of contexts) await context.close().catch(() => {});
    await chromium?.close();
    await site?.close();
    await harness.lede?.close();
  });
  harness.openArticle = async (options = {}, prepare) => {
    const { context, page } = await chromium.page();
    contexts.push(context);
    watchConsole(page, harness.logs);
    await prepare?.(page);
    await page.goto(site.url(options));
    await page.locator(`${WIDGET}[data-lede-state=ready][data-live-state=live]`).waitFor({ timeout: 15_000 });
    return { context, page };
  };
  harness.postThroughForm = async (page, name, text) => {
    const form = page.locator(".lede-c-form").first();
    if (name !== null) await form.getByLabel("Your name").fill(name);
    await form.getByLabel("Your comment").fill(text);
    await form.getByRole("button", { name: "Post comment" }).click();
    await expect
      .poll(() => form.getByRole("status").textContent(), { timeout: 10_000 })
      .toMatch(/posted|moderation|not published/);
  };
  return harness;
}
