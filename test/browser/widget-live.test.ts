// The comment widget live, in Chromium: a comment posted in one page appears in another; after a network cut (the
// browser offline) or a socket dropped without warning, the comments posted meanwhile appear once; Server-Sent
// Events when WebSockets are blocked; widgets mounted later.
import { describe, expect, it } from "vitest";
import { browserMissingButRequired, CHROMIUM_PATH, skipBrowser } from "../support/browser.js";
import { bodies, useWidgetHarness, WIDGET } from "../support/embed-page.js";
import { skipDatabase } from "../support/lede.js";
import type { WebSocketRoute } from "playwright-core";
import { REFERENCE_SLUG, guest, post } from "../support/fixtures.js";

describe("the comment widget live in Chromium", () => {
  it.runIf(browserMissingButRequired)("needs Chromium (REQUIRE_SERVICES=1)", () => {
    expect.fail(`Chromium is not installed at ${CHROMIUM_PATH} (apt-get install -y chromium)`);
  });
});

describe.skipIf(skipDatabase || skipBrowser || browserMissingButRequired)("the comment widget live in Chromium", () => {
  const h = useWidgetHarness();

  it("shows a comment posted in one page in the other, and after a network cut the ones posted meanwhile, once", async () => {
    const alice = await h.openArticle();
    const bob = await h.openArticle();
    await h.postThroughForm(alice.page, "Alice", "Hello from Alice's page");
    await expect.poll(() => bodies(bob.page, "Hello from Alice's page").count(), { timeout: 10_000 }).toBe(1);
    expect(await bodies(alice.page, "Hello from Alice's page").count()).toBe(1);
    await expect.poll(() => bob.page.locator(".lede-c-sr[aria-live]").textContent()).toContain("Alice");

    await bob.context.setOffline(true);
    await bob.page.locator(`${WIDGET}[data-live-state=offline]`).waitFor();
    const writer = await guest(h.lede, "Carol");
    const meanwhile = ["While Bob was away 1", "While Bob was away 2", "While Bob was away 3"];
    await post(h.lede, writer.token, { articleId: h.reference, body: meanwhile[0]! });
    await h.postThroughForm(alice.page, null, meanwhile[1]!);
    await post(h.lede, writer.token, { articleId: h.reference, body: meanwhile[2]! });
    // Nothing reaches an offline page.
    expect(await bodies(bob.page, meanwhile[0]!).count()).toBe(0);

    await bob.context.setOffline(false);
    await bob.page.locator(`${WIDGET}[data-live-state=live]`).waitFor({ timeout: 15_000 });
    for (const text of meanwhile) {
      await expect.poll(() => bodies(bob.page, text).count(), { timeout: 10_000 }).toBe(1);
    }
    // And live again after the return; nothing appears twice.
    await post(h.lede, writer.token, { articleId: h.reference, body: "After Bob came back" });
    await expect.poll(() => bodies(bob.page, "After Bob came back").count(), { timeout: 10_000 }).toBe(1);
    const ids = await bob.page
      .locator("[data-comment-id]")
      .evaluateAll((els) => els.map((e) => e.getAttribute("data-comment-id")));
    expect(new Set(ids).size).toBe(ids.length);
    expect(await bodies(bob.page, "Hello from Alice's page").count()).toBe(1);
  });

  it("resumes when its socket is cut without warning (no offline event): backoff, then the missed comments, once", async () => {
    let cut = false;
    const open: { page: WebSocketRoute; server: WebSocketRoute }[] = [];
    const { page } = await h.openArticle({}, async (p) => {
      // The page's WebSockets go through this relay, which can drop them (and refuse new ones) like a dead network.
      await p.routeWebSocket(/\/graphql$/, (socket) => {
        if (cut) return void socket.close({ code: 1001, reason: "cut" });
        open.push({ page: socket, server: socket.connectToServer() });
      });
    });
    expect(await page.locator(WIDGET).getAttribute("data-live-transport")).toBe("ws");
    cut = true;
    for (const { page: pageSide, server } of open.splice(0)) {
      await server.close({ code: 1001, reason: "cut" });
      await pageSide.close({ code: 1001, reason: "cut" });
    }
    await page.locator(`${WIDGET}[data-live-state=reconnecting]`).waitFor();
    const writer = await guest(h.lede, "Dora");
    const missed = ["Posted while the socket was down 1", "Posted while the socket was down 2"];
    for (const body of missed) await post(h.lede, writer.token, { articleId: h.reference, body });
    await new Promise((resolve) => setTimeout(resolve, 1500)); // a few refused reconnection attempts
    expect(await bodies(page, missed[0]!).count()).toBe(0);
    cut = false;
    await page.locator(`${WIDGET}[data-live-state=live]`).waitFor({ timeout: 20_000 });
    for (const body of missed) await expect.poll(() => bodies(page, body).count(), { timeout: 10_000 }).toBe(1);
    expect(await page.locator(WIDGET).getAttribute("data-live-transport")).toBe("ws");
  });

  it("falls back to Server-Sent Events when WebSockets are blocked", async () => {
    const { page } = await h.openArticle({}, async (p) => {
      await p.routeWebSocket(/\/graphql$/, (socket) => socket.close({ code: 1006, reason: "blocked" }));
    });
    expect(await page.locator(WIDGET).getAttribute("data-live-transport")).toBe("sse");
    const writer = await guest(h.lede, "Over SSE");
    await post(h.lede, writer.token, { articleId: h.reference, body: "Delivered over SSE" });
    await expect.poll(() => bodies(page, "Delivered over SSE").count(), { timeout: 10_000 }).toBe(1);
  });

  it("mounts on an element added later with LedeComments.mount (own page size and transport), once even if the script comes twice", async () => {
    const { page } = await h.openArticle();
    await page.evaluate((slug) => {
      const element = document.createElement("div");
      element.id = "later";
      Object.assign(element.dataset, { article: slug, pageSize: "2", transport: "sse" });
      document.body.append(element);
      (window as unknown as { LedeComments: { mount(e: Element): unknown } }).LedeComments.mount(element);
    }, REFERENCE_SLUG);
    // A page that includes the script a second time (two copies of the snippet) still has one widget per element:
    // the first widget is left alone (a second mount would have replaced its markup).
    await page
      .locator(".lede-c")
      .first()
      .evaluate((root) => root.setAttribute("data-test-first", ""));
    await page.addScriptTag({ url: (await page.locator("script[src$='/embed/comments.js']").getAttribute("src"))! });
    const later = page.locator("#later[data-lede-state=ready][data-live-state=live]");
    await later.waitFor({ timeout: 15_000 });
    expect(await later.getAttribute("data-live-transport")).toBe("sse");
    expect(await later.locator(".lede-c-list > .lede-c-comment").count()).toBe(2);
    const writer = await guest(h.lede, "Late Comer");
    await post(h.lede, writer.token, { articleId: h.reference, body: "Seen by both widgets" });
    await expect.poll(() => bodies(page, "Seen by both widgets").count(), { timeout: 10_000 }).toBe(2);
    expect(await page.locator(".lede-c").count()).toBe(2);
    expect(await page.locator(".lede-c[data-test-first]").count()).toBe(1);
  });

  it("threw no uncaught error in any page along the way", () => {
    expect(h.logs.filter((line) => line.startsWith("pageerror"))).toEqual([]);
  });
});
