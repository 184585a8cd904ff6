// The embeddable comment widget in Chromium, on a news site of its own (another origin) built from the README's
// snippet: the thread and its pages, keyboard-only posting, comment text that stays text, moderation states for the
// author, a signed-in reader, closed comments. Live delivery and recovery are in widget-live.test.ts.
import { describe, expect, it } from "vitest";
import { browserMissingButRequired, CHROMIUM_PATH, skipBrowser } from "../support/browser.js";
import { bodies, useWidgetHarness, WIDGET } from "../support/embed-page.js";
import { skipDatabase } from "../support/lede.js";
import {
  ApproveCommentDocument,
  DeleteCommentDocument,
  EditCommentDocument,
  RejectCommentDocument,
  WidgetThreadDocument,
} from "../generated/graphql.js";
import { CLOSED_SLUG, REFERENCE_SLUG, guest, post } from "../support/fixtures.js";

describe("the comment widget in Chromium", () => {
  it.runIf(browserMissingButRequired)("needs Chromium (REQUIRE_SERVICES=1)", () => {
    expect.fail(`Chromium is not installed at ${CHROMIUM_PATH} (apt-get install -y chromium)`);
  });
});

describe.skipIf(skipDatabase || skipBrowser || browserMissingButRequired)("the comment widget in Chromium", () => {
  // "crypto" holds a comment for review, so the moderation test has a rule to trip
  const h = useWidgetHarness({ SUSPECT_WORDS: "crypto" });

  it("lists the thread from the README snippet: a page of comments with their replies, and more on demand", async () => {
    const newest = await h.lede.query(WidgetThreadDocument, { slug: REFERENCE_SLUG, first: 1, replies: 0 });
    const busy = newest.article!.comments.edges[0]!.node;
    const replier = await guest(h.lede, "Replier");
    for (let i = 1; i <= 5; i++) {
      await post(h.lede, replier.token, { articleId: h.reference, parentId: busy.id, body: `Reply number ${i}` });
    }
    const { article } = await h.lede.query(WidgetThreadDocument, { slug: REFERENCE_SLUG, first: 10, replies: 3 });
    const page1 = article!.comments;
    const { page } = await h.openArticle();
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

  it("can be used with the keyboard alone: post, reply, and Escape to leave a reply", async () => {
    const { page } = await h.openArticle();
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
    const author = await guest(h.lede, "Mallory");
    const typed = `<script>window.__pwned = 1</script>Hi <b>there</b> & 1 < 2`;
    const stored = await post(h.lede, author.token, { articleId: h.reference, body: typed });
    const forged = `<img src=x onerror="window.__pwned = 2"><script>window.__pwned = 3</script>`;
    const { page } = await h.openArticle({}, async (p) => {
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
    const author = await h.openArticle();
    const other = await h.openArticle();
    await h.postThroughForm(author.page, "Hopeful", "Is this about crypto?");
    const held = author.page.locator(".lede-c-comment", { hasText: "Is this about crypto?" });
    await expect.poll(() => held.locator(".lede-c-badge").textContent()).toBe("Awaiting moderation");
    expect(await held.locator(".lede-c-reasons").textContent()).toContain("needs a second look");
    expect(await author.page.locator(".lede-c-form").getByRole("status").textContent()).toContain(
      "awaiting moderation",
    );
    const id = await held.getAttribute("data-comment-id");
    expect(await bodies(other.page, "Is this about crypto?").count()).toBe(0);

    await h.lede.query(ApproveCommentDocument, { id: id! }, { token: h.moderator.token });
    await expect.poll(() => bodies(other.page, "Is this about crypto?").count(), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => held.locator(".lede-c-badge").count(), { timeout: 10_000 }).toBe(0);

    await h.lede.query(RejectCommentDocument, { id: id!, reason: "Off topic" }, { token: h.moderator.token });
    await expect.poll(() => held.locator(".lede-c-badge").textContent(), { timeout: 10_000 }).toBe("Not published");
    await expect.poll(() => bodies(other.page, "Is this about crypto?").count(), { timeout: 10_000 }).toBe(0);
  });

  it("posts as a signed-in reader with data-token (no name asked); other pages follow its edit and deletion", async () => {
    const reader = await guest(h.lede, "Signed-in Siri");
    const { page } = await h.openArticle({ attributes: `data-token="${reader.token}"` });
    expect(await page.locator(".lede-c-form").first().getByLabel("Your name").isVisible()).toBe(false);
    await h.postThroughForm(page, null, "Posted with my own account");
    const mine = page.locator(".lede-c-comment", { hasText: "Posted with my own account" });
    await expect.poll(() => mine.locator(".lede-c-author").textContent()).toBe("Signed-in Siri");

    // Another reader's page follows the edit and the deletion in place.
    const other = await h.openArticle();
    const id = (await mine.getAttribute("data-comment-id"))!;
    const there = other.page.locator(`[data-comment-id="${id}"]`);
    await there.waitFor();
    await h.lede.query(
      EditCommentDocument,
      { input: { id, body: "Edited with my own account" } },
      { token: reader.token },
    );
    await expect
      .poll(() => there.locator(".lede-c-body").textContent(), { timeout: 10_000 })
      .toBe("Edited with my own account");
    expect(await there.locator(".lede-c-meta").textContent()).toContain("(edited)");
    await h.lede.query(DeleteCommentDocument, { id }, { token: reader.token });
    await expect
      .poll(() => there.locator(".lede-c-body").textContent(), { timeout: 10_000 })
      .toBe("This comment was removed.");
    expect(await there.getByRole("button", { name: /^Reply to/ }).count()).toBe(0);
  });

  it("says so when comments are closed, and when there is no such article", async () => {
    const { page } = await h.openArticle();
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

  it("posts once when the answer to a post is lost on the way back (the retry reuses its clientMutationId)", async () => {
    let posts = 0;
    const { page } = await h.openArticle({}, async (p) => {
      await p.route("**/graphql", async (route) => {
        if (!(route.request().postData() ?? "").includes("WidgetPostComment")) return route.continue();
        if (++posts > 1) return route.continue();
        await route.fetch(); // the server posts it…
        await route.abort("connectionreset"); // …and the answer never arrives
      });
    });
    await h.postThroughForm(page, "Unlucky", "Sent into a flaky network");
    expect(posts).toBe(2);
    await expect.poll(() => bodies(page, "Sent into a flaky network").count()).toBe(1);
    const { article } = await h.lede.query(WidgetThreadDocument, { slug: REFERENCE_SLUG, first: 100, replies: 0 });
    const stored = article!.comments.edges.filter((e) => e.node.body === "Sent into a flaky network");
    expect(stored).toHaveLength(1);
  });

  it("threw no uncaught error in any page along the way", () => {
    expect(h.logs.filter((line) => line.startsWith("pageerror"))).toEqual([]);
  });
});
