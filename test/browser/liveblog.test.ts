// The embeddable live-blog script in Chromium: two readers' pages of one live blog; updates posted, edited and
// withdrawn appear, change and go in both; one page's network is cut and restored, and both then show the same
// updates, once each. A reader who has scrolled into the updates gets an "N new updates" bar instead of a moving
// page; an editor's text is shown as text, never as HTML.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EditLiveUpdateDocument, WithdrawLiveUpdateDocument } from "../generated/graphql.js";
import { launchChromium, skipBrowserSuite, watchConsole, type LaunchedBrowser } from "../support/browser.js";
import { startLede, type TestLede } from "../support/lede.js";
import { newLiveBlog, postUpdate, type TestLiveBlog } from "../support/live-blogs.js";

const BLOG = "[data-lede-liveblog]";

describe.skipIf(skipBrowserSuite)("the live-blog script in Chromium", () => {
  let lede: TestLede;
  let site: Server;
  let siteUrl: string;
  let chromium: LaunchedBrowser;
  const contexts: BrowserContext[] = [];
  const logs: string[] = [];
  beforeAll(async () => {
    lede = await startLede();
    const ledeUrl = await lede.listen();
    site = createServer((req, res) => {
      const slug = new URL(req.url ?? "/", "http://news.test").searchParams.get("slug");
      if (!slug) return void res.writeHead(404).end();
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Live</title></head><body><main><h1>Live</h1>
<div data-lede-liveblog data-article="${slug}"></div>
<script src="${ledeUrl}/embed/liveblog.js" async></script>
<div style="height:3000px"></div></main></body></html>`);
    });
    await new Promise<void>((resolve) => site.listen(0, "127.0.0.1", resolve));
    siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
    chromium = await launchChromium();
  });
  afterAll(async () => {
    if (logs.length) console.warn(`browser console:\n${logs.join("\n")}`);
    for (const context of contexts) await context.close().catch(() => {});
    await chromium?.close();
    await new Promise<void>((resolve) => {
      site?.closeAllConnections();
      site ? site.close(() => resolve()) : resolve();
    });
    await lede?.close();
  });

  async function open(blog: TestLiveBlog): Promise<{ context: BrowserContext; page: Page }> {
    const opened = await chromium.page();
    contexts.push(opened.context);
    watchConsole(opened.page, logs);
    await opened.page.goto(`${siteUrl}/?slug=${blog.slug}`);
    await opened.page.locator(`${BLOG}[data-lede-state=ready][data-live-state=live]`).waitFor({ timeout: 15_000 });
    return opened;
  }
  const ids = (page: Page) =>
    page
      .locator(".lede-lb-list [data-update-id]")
      .evaluateAll((els) => els.map((e) => e.getAttribute("data-update-id")));
  const texts = (page: Page) =>
    page.locator(".lede-lb-list .lede-lb-body").evaluateAll((els) => els.map((e) => e.textContent));

  it("shows the same updates in two pages, live, through edits, withdrawals and a network cut", async () => {
    const blog = await newLiveBlog(lede);
    const key = await postUpdate(lede, blog, "The verdict is due today.", { keyEvent: true, pinned: true });
    const a = await open(blog);
    const b = await open(blog);
    for (const { page } of [a, b]) {
      expect(await texts(page)).toEqual(["The verdict is due today."]);
      await expect.poll(() => page.locator(".lede-lb-pinned [data-pinned-copy], [data-pinned-copy]").count()).toBe(1);
      expect(await page.locator(`.lede-lb-list [data-update-id="${key.id}"][data-key-event=true]`).count()).toBe(1);
    }
    const second = await postUpdate(lede, blog, "The court has sat down.");
    const hostile = await postUpdate(lede, blog, `<img src=x onerror="window.__pwned=1"> is what someone typed`);
    for (const { page } of [a, b])
      await expect
        .poll(() => texts(page), { timeout: 10_000 })
        .toEqual([
          `<img src=x onerror="window.__pwned=1"> is what someone typed`,
          "The court has sat down.",
          "The verdict is due today.",
        ]);
    expect(await a.page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await a.page.locator(".lede-lb-list img").count()).toBe(0);

    await lede.query(
      EditLiveUpdateDocument,
      {
        input: { id: second.id, version: second.version, body: [{ kind: "PARAGRAPH", text: "The court has risen." }] },
      },
      { token: blog.editorToken },
    );
    await lede.query(
      WithdrawLiveUpdateDocument,
      { input: { id: hostile.id, reason: "Test" } },
      { token: blog.editorToken },
    );
    for (const { page } of [a, b]) {
      await expect
        .poll(() => texts(page), { timeout: 10_000 })
        .toEqual(["The court has risen.", "The verdict is due today."]);
      await expect.poll(() => page.locator(`[data-update-id="${second.id}"] .lede-lb-edited`).count()).toBe(1);
    }

    await b.context.setOffline(true);
    await b.page.locator(`${BLOG}[data-live-state=offline]`).waitFor({ timeout: 10_000 });
    const meanwhile = [];
    for (const text of ["While away 1", "While away 2"]) meanwhile.push(await postUpdate(lede, blog, text));
    await lede.query(
      WithdrawLiveUpdateDocument,
      { input: { id: key.id, reason: "Test" } },
      { token: blog.editorToken },
    );
    await expect
      .poll(() => texts(a.page), { timeout: 10_000 })
      .toEqual(["While away 2", "While away 1", "The court has risen."]);
    expect(await texts(b.page)).toEqual(["The court has risen.", "The verdict is due today."]);
    await b.context.setOffline(false);
    await b.page.locator(`${BLOG}[data-live-state=live]`).waitFor({ timeout: 20_000 });
    await expect
      .poll(() => texts(b.page), { timeout: 10_000 })
      .toEqual(["While away 2", "While away 1", "The court has risen."]);
    await postUpdate(lede, blog, "Back again");
    for (const { page } of [a, b]) {
      await expect
        .poll(() => texts(page), { timeout: 10_000 })
        .toEqual(["Back again", "While away 2", "While away 1", "The court has risen."]);
      const seen = await ids(page);
      expect(new Set(seen).size).toBe(seen.length);
      expect(await page.locator("[data-pinned-copy]").count()).toBe(0);
    }
    expect(await ids(a.page)).toEqual(await ids(b.page));
  });

  it("keeps a reader's place: new updates wait behind an 'N new updates' bar until asked for", async () => {
    const blog = await newLiveBlog(lede);
    for (let i = 1; i <= 6; i++) await postUpdate(lede, blog, `Earlier ${i}`);
    const { page } = await open(blog);
    // The reader scrolls into the updates, reading "Earlier 4".
    const reading = page.locator(".lede-lb-body", { hasText: "Earlier 4" });
    await reading.evaluate((e) => window.scrollTo(0, e.getBoundingClientRect().top + window.scrollY - 10));
    const before = await reading.evaluate((e) => e.getBoundingClientRect().top);
    await postUpdate(lede, blog, "Fresh 1");
    await postUpdate(lede, blog, "Fresh 2");
    await page.locator(".lede-lb-bar", { hasText: "2 new updates" }).waitFor({ timeout: 10_000 });
    // A screen reader hears of them too: the bar sits in a polite live region.
    expect(await page.locator(".lede-lb-barslot").getAttribute("aria-live")).toBe("polite");
    expect(await reading.evaluate((e) => e.getBoundingClientRect().top)).toBe(before);
    expect((await texts(page))[0]).toBe("Earlier 6");
    await page.locator(".lede-lb-bar").click();
    expect((await texts(page)).slice(0, 3)).toEqual(["Fresh 2", "Fresh 1", "Earlier 6"]);
    expect(await page.locator(".lede-lb-bar").isHidden()).toBe(true);
  });
});
