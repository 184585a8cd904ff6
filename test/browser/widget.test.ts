// The embeddable comment widget in Chromium, on a news site of its own (another origin) built from the README's
// snippet: the thread, live comments between two pages, a network cut and its recovery, keyboard-only posting,
// comment text that stays text, moderation states for the author, a signed-in reader, and the SSE fallback.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BrowserContext, Page, WebSocketRoute } from "playwright-core";
import {
  ApproveCommentDocument,
  DeleteCommentDocument,
  EditCommentDocument,
  RejectCommentDocument,
  WidgetThreadDocument,
} from "../generated/graphql.js";
import { CLOSED_SLUG, REFERENCE_SLUG, articleId, guest, post, staff } from "../support/fixtures.js";
import { skipDatabase, startLede, type TestLede } from "../support/lede.js";
import {
  browserMissingButRequired,
  CHROMIUM_PATH,
  launchChromium,
  skipBrowser,
  watchConsole,
  type LaunchedBrowser,
} from "../support/browser.js";
import { startNewsSite, type NewsSite, type PageOptions } from "../support/embed-page.js";

const WIDGET = "[data-lede-comments]";
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** Comment bodies in the page that read exactly `text`. */
const bodies = (page: Page, text: string) =>
  page.locator(".lede-c-body").filter({ hasText: new RegExp(`^${escapeRegExp(text)}$`) });

describe("the comment widget in Chromium", () => {
  it.runIf(browserMissingButRequired)("needs Chromium (REQUIRE_SERVICES=1)", () => {
    expect.fail(`Chromium is not installed at ${CHROMIUM_PATH} (apt-get install -y chromium)`);
  });
});

describe.skipIf(skipDatabase || skipBrowser || browserMissingButRequired)("the comment widget in Chromium", () => {
  let lede: TestLede;
  let site: NewsSite;
  let chromium: LaunchedBrowser;
  let reference: string;
  let moderator: { token: string };
  const contexts: BrowserContext[] = [];
  const logs: string[] = [];

  beforeAll(async () => {
    lede = await startLede({ env: { SUSPECT_WORDS: "crypto" } });
    site = await startNewsSite(await lede.listen());
    chromium = await launchChromium();
    reference = await articleId(lede, REFERENCE_SLUG);
    moderator = await staff(lede, "MODERATOR");
  });
  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => {});
    await chromium?.close();
    await site?.close();
    await lede?.close();
  });

  /** A reader's browser (its own storage and network) on the article page, once the widget is loaded and live. */
  async function openArticle(options: PageOptions = {}, prepare?: (page: Page) => Promise<void>) {
    const { context, page } = await chromium.page();
    contexts.push(context);
    watchConsole(page, logs);
    await prepare?.(page);
    await page.goto(site.url(options));
    await page.locator(`${WIDGET}[data-lede-state=ready][data-live-state=live]`).waitFor({ timeout: 15_000 });
    return { context, page };
  }

  async function postAsGuest(page: Page, name: string | null, text: string): Promise<void> {
    const form = page.locator(".lede-c-form").first();
    if (name !== null) await form.getByLabel("Your name").fill(name);
    await form.getByLabel("Your comment").fill(text);
    await form.getByRole("button", { name: "Post comment" }).click();
    await expect.poll(() => form.getByRole("status").textContent()).toMatch(/posted|moderation|not published/);
  }

  it("lists the thread from the README snippet: a page of comments with their replies, and more on demand", async () => {
    const newest = await lede.query(WidgetThreadDocument, { slug: REFERENCE_SLUG, first: 1, replies: 0 });
    const busy = newest.article!.comments.edges[0]!.node;
    const replier = await guest(lede, "Replier");
    for (let i = 1; i <= 5; i++) {
      await post(lede, replier.token, { articleId: reference, parentId: busy.id, body: `Reply number ${i}` });
    }
    const { article } = await lede.query(WidgetThreadDocument, { slug: REFERENCE_SLUG, first: 10, replies: 3 });
    const page1 = article!.comments;
    const { page } = await openArticle();
    const topLevel = page.locator(`${WIDGET} .lede-c-list > .lede-c-comment`);
    await expect.poll(() => topLevel.count()).toBe(page1.edges.length);
    const first = page1.edges[0]!.node;
    await expect.poll(() => topLevel.first().locator(":scope > article > .lede-c-body").textContent()).toBe(first.body);
    const withReplies = page1.edges.find((e) => e.node.replies.edges.length > 0)?.node;
    if (withReplies) {
      const item = page.locator(`[data-comment-id="${withReplies.id}"]`);
      await expect
        .poll(() => item.locator(".lede-c-replies > .lede-c-comment").count())
        .toBe(withReplies.replies.edges.length);
    }
    // Replies come three at a time; the rest on demand.
    const busyItem = page.locator(`[data-comment-id="${busy.id}"]`);
    const busyReplies = busyItem.locator(".lede-c-replies > .lede-c-comment");
    await expect.poll(() => busyReplies.count()).toBe(3);
    await busyItem.getByRole("button", { name: /Show \d+ more repl/ }).click();
    await expect.poll(() => busyReplies.count()).toBe(busy.replyCount + 5);
    await expect.poll(() => busyItem.locator(".lede-c-body", { hasText: "Reply number 5" }).count()).toBe(1);
    await expect
      .poll(() => page.getByRole("heading", { level: 2 }).textContent())
      .toBe(`${article!.commentCount} comments`);
    if (page1.pageInfo.hasNextPage) {
      await page.getByRole("button", { name: "Show more comments" }).click();
      await expect.poll(() => topLevel.count()).toBeGreaterThan(page1.edges.length);
    }
  });

  it("shows a comment posted in one page in the other, and after a network cut the ones posted meanwhile, once", async () => {
    const alice = await openArticle();
    const bob = await openArticle();
    await postAsGuest(alice.page, "Alice", "Hello from Alice's page");
    await expect.poll(() => bodies(bob.page, "Hello from Alice's page").count(), { timeout: 10_000 }).toBe(1);
    expect(await bodies(alice.page, "Hello from Alice's page").count()).toBe(1);
    await expect.poll(() => bob.page.locator(".lede-c-sr[aria-live]").textContent()).toContain("Alice");

    await bob.context.setOffline(true);
    await bob.page.locator(`${WIDGET}[data-live-state=offline]`).waitFor();
    const writer = await guest(lede, "Carol");
    const meanwhile = ["While Bob was away 1", "While Bob was away 2", "While Bob was away 3"];
    await post(lede, writer.token, { articleId: reference, body: meanwhile[0]! });
    await postAsGuest(alice.page, null, meanwhile[1]!);
    await post(lede, writer.token, { articleId: reference, body: meanwhile[2]! });
    // Nothing reaches an offline page.
    expect(await bodies(bob.page, meanwhile[0]!).count()).toBe(0);

    await bob.context.setOffline(false);
    await bob.page.locator(`${WIDGET}[data-live-state=live]`).waitFor({ timeout: 15_000 });
    for (const text of meanwhile) {
      await expect.poll(() => bodies(bob.page, text).count(), { timeout: 10_000 }).toBe(1);
    }
    // And live again after the return; nothing appears twice.
    await post(lede, writer.token, { articleId: reference, body: "After Bob came back" });
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
    const { page } = await openArticle({}, async (p) => {
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
    const writer = await guest(lede, "Dora");
    const missed = ["Posted while the socket was down 1", "Posted while the socket was down 2"];
    for (const body of missed) await post(lede, writer.token, { articleId: reference, body });
    await new Promise((resolve) => setTimeout(resolve, 1500)); // a few refused reconnection attempts
    expect(await bodies(page, missed[0]!).count()).toBe(0);
    cut = false;
    await page.locator(`${WIDGET}[data-live-state=live]`).waitFor({ timeout: 20_000 });
    for (const body of missed) await expect.poll(() => bodies(page, body).count(), { timeout: 10_000 }).toBe(1);
    expect(await page.locator(WIDGET).getAttribute("data-live-transport")).toBe("ws");
  });

  it("can be used with the keyboard alone: post, reply, and Escape to leave a reply", async () => {
    const { page } = await openArticle();
    const focusedLabel = () =>
      page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el) return "";
        const label = el.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent : null;
        return label ?? el.getAttribute("aria-label") ?? el.textContent ?? "";
      });
    async function tabTo(label: string): Promise<void> {
      for (let i = 0; i < 60; i++) {
        if ((await focusedLabel()) === label) return;
        await page.keyboard.press("Tab");
      }
      throw new Error(`Tab never reached "${label}"`);
    }
    await tabTo("Your name");
    await page.keyboard.type("Keyboard Kari");
    await page.keyboard.press("Tab");
    expect(await focusedLabel()).toBe("Your comment");
    await page.keyboard.type("Typed without a mouse");
    await page.keyboard.press("Tab");
    expect(await focusedLabel()).toBe("Post comment");
    await page.keyboard.press("Enter");
    await expect.poll(() => bodies(page, "Typed without a mouse").count()).toBe(1);

    await tabTo("Reply to Keyboard Kari");
    await page.keyboard.press("Enter");
    expect(await focusedLabel()).toBe("Your reply to Keyboard Kari");
    await page.keyboard.press("Escape");
    expect(await focusedLabel()).toBe("Reply to Keyboard Kari");
    await page.keyboard.press("Enter");
    await page.keyboard.type("A reply, also by keyboard");
    await page.keyboard.press("Control+Enter");
    const reply = page.locator(".lede-c-replies .lede-c-body", { hasText: "A reply, also by keyboard" });
    await expect.poll(() => reply.count()).toBe(1);
    expect(await focusedLabel()).toBe("Reply to Keyboard Kari");
  });

  it("shows markup in a comment as text and never runs it, even if the server sent it", async () => {
    const author = await guest(lede, "Mallory");
    const typed = `<script>window.__pwned = 1</script>Hi <b>there</b> & 1 < 2`;
    const stored = await post(lede, author.token, { articleId: reference, body: typed });
    const forged = `<img src=x onerror="window.__pwned = 2"><script>window.__pwned = 3</script>`;
    const { page } = await openArticle({}, async (p) => {
      // A compromised or buggy server: a comment of the thread (the oldest on the page, not Mallory's, which is the
      // newest) comes back with HTML in its body.
      await p.route("**/graphql", async (route) => {
        const body = route.request().postData() ?? "";
        if (!body.includes("WidgetThread")) return route.continue();
        const response = await route.fetch();
        const json = (await response.json()) as {
          data: { article: { comments: { edges: { node: { body: string } }[] } } };
        };
        json.data.article.comments.edges.at(-1)!.node.body = forged;
        await route.fulfill({ response, json });
      });
    });
    await expect.poll(() => bodies(page, forged).count()).toBe(1);
    await expect.poll(() => bodies(page, stored.body!).count()).toBe(1);
    expect(stored.body).not.toContain("<script");
    const widget = page.locator(WIDGET);
    expect(await widget.locator("img, script, b").count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  });

  it("tells the author their comment awaits moderation, shows it to others once approved, and marks a rejection", async () => {
    const author = await openArticle();
    const other = await openArticle();
    await postAsGuest(author.page, "Hopeful", "Is this about crypto?");
    const held = author.page.locator(".lede-c-comment", { hasText: "Is this about crypto?" });
    await expect.poll(() => held.locator(".lede-c-badge").textContent()).toBe("Awaiting moderation");
    expect(await held.locator(".lede-c-reasons").textContent()).toContain("needs a second look");
    expect(await author.page.locator(".lede-c-form").getByRole("status").textContent()).toContain(
      "awaiting moderation",
    );
    const id = await held.getAttribute("data-comment-id");
    expect(await bodies(other.page, "Is this about crypto?").count()).toBe(0);

    await lede.query(ApproveCommentDocument, { id: id! }, { token: moderator.token });
    await expect.poll(() => bodies(other.page, "Is this about crypto?").count(), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => held.locator(".lede-c-badge").count(), { timeout: 10_000 }).toBe(0);

    await lede.query(RejectCommentDocument, { id: id!, reason: "Off topic" }, { token: moderator.token });
    await expect.poll(() => held.locator(".lede-c-badge").textContent(), { timeout: 10_000 }).toBe("Not published");
    await expect.poll(() => bodies(other.page, "Is this about crypto?").count(), { timeout: 10_000 }).toBe(0);
  });

  it("posts as a signed-in reader with data-token (no name asked); other pages follow its edit and deletion", async () => {
    const reader = await guest(lede, "Signed-in Siri");
    const { page } = await openArticle({ attributes: `data-token="${reader.token}"` });
    expect(await page.locator(".lede-c-form").first().getByLabel("Your name").isVisible()).toBe(false);
    await postAsGuest(page, null, "Posted with my own account");
    const mine = page.locator(".lede-c-comment", { hasText: "Posted with my own account" });
    await expect.poll(() => mine.locator(".lede-c-author").textContent()).toBe("Signed-in Siri");

    // Another reader's page follows the edit and the deletion in place.
    const other = await openArticle();
    const id = (await mine.getAttribute("data-comment-id"))!;
    const there = other.page.locator(`[data-comment-id="${id}"]`);
    await there.waitFor();
    await lede.query(
      EditCommentDocument,
      { input: { id, body: "Edited with my own account" } },
      { token: reader.token },
    );
    await expect
      .poll(() => there.locator(".lede-c-body").textContent(), { timeout: 10_000 })
      .toBe("Edited with my own account");
    expect(await there.locator(".lede-c-meta").textContent()).toContain("(edited)");
    await lede.query(DeleteCommentDocument, { id }, { token: reader.token });
    await expect
      .poll(() => there.locator(".lede-c-body").textContent(), { timeout: 10_000 })
      .toBe("This comment was removed.");
    expect(await there.getByRole("button", { name: /^Reply to/ }).count()).toBe(0);
  });

  it("falls back to Server-Sent Events when WebSockets are blocked", async () => {
    const { page } = await openArticle({}, async (p) => {
      await p.routeWebSocket(/\/graphql$/, (socket) => socket.close({ code: 1006, reason: "blocked" }));
    });
    expect(await page.locator(WIDGET).getAttribute("data-live-transport")).toBe("sse");
    const writer = await guest(lede, "Over SSE");
    await post(lede, writer.token, { articleId: reference, body: "Delivered over SSE" });
    await expect.poll(() => bodies(page, "Delivered over SSE").count(), { timeout: 10_000 }).toBe(1);
  });

  it("mounts on an element added later with LedeComments.mount, with its own page size and transport", async () => {
    const { page } = await openArticle();
    await page.evaluate((slug) => {
      const element = document.createElement("div");
      element.id = "later";
      Object.assign(element.dataset, { article: slug, pageSize: "2", transport: "sse" });
      document.body.append(element);
      (window as unknown as { LedeComments: { mount(e: Element): unknown } }).LedeComments.mount(element);
    }, REFERENCE_SLUG);
    const later = page.locator("#later[data-lede-state=ready][data-live-state=live]");
    await later.waitFor({ timeout: 15_000 });
    expect(await later.getAttribute("data-live-transport")).toBe("sse");
    expect(await later.locator(".lede-c-list > .lede-c-comment").count()).toBe(2);
    const writer = await guest(lede, "Late Comer");
    await post(lede, writer.token, { articleId: reference, body: "Seen by both widgets" });
    await expect.poll(() => bodies(page, "Seen by both widgets").count(), { timeout: 10_000 }).toBe(2);
  });

  it("says so when comments are closed, and when there is no such article", async () => {
    const { page } = await openArticle();
    await page.evaluate(
      ([closed]) => {
        const mount = (window as unknown as { LedeComments: { mount(e: Element): unknown } }).LedeComments.mount;
        for (const [id, slug] of [
          ["closed", closed!],
          ["missing", "no-such-article"],
        ]) {
          const element = document.createElement("div");
          element.id = id!;
          element.dataset.article = slug;
          document.body.append(element);
          mount(element);
        }
      },
      [CLOSED_SLUG],
    );
    const closed = page.locator("#closed[data-lede-state=ready]");
    await closed.waitFor({ timeout: 15_000 });
    expect(await closed.getByText("Comments on this article are closed.").count()).toBe(1);
    expect(await closed.locator("form").count()).toBe(0);
    expect(await closed.locator(".lede-c-comment").count()).toBeGreaterThan(0);
    expect(await closed.getByRole("button", { name: /^Reply to/ }).count()).toBe(0);
    const missing = page.locator("#missing[data-lede-state=error]");
    await missing.waitFor({ timeout: 15_000 });
    expect(await missing.getByText("Comments are not available for this article.").count()).toBe(1);
  });

  it("threw no uncaught error in any page along the way", () => {
    expect(logs.filter((line) => line.startsWith("pageerror"))).toEqual([]);
  });

  afterAll(() => {
    if (logs.length) console.warn(`browser console:\n${logs.join("\n")}`);
  });
});
