// The widget's community tools in Chromium: a banned reader's widget says so and refuses to post with the server's
// message; a report sent from the widget reaches the console's REPORTED queue with its reason; a moderator's warning
// shown until acknowledged; reactions of every kind, edit and delete of one's own comment, the sort order, staff
// picks first, and a guest changing their name.
import { describe, expect, it } from "vitest";
import {
  BanAccountDocument,
  FeatureCommentDocument,
  ModerationItemsDocument,
  WarnAccountDocument,
} from "../generated/graphql.js";
import { browserMissingButRequired, skipBrowser } from "../support/browser.js";
import { bodies, useWidgetHarness, WIDGET } from "../support/embed-page.js";
import { guest, post, REFERENCE_SLUG } from "../support/fixtures.js";
import { rowId } from "../support/ids.js";
import { skipDatabase } from "../support/lede.js";

describe.skipIf(skipDatabase || skipBrowser || browserMissingButRequired)("the widget's community tools", () => {
  const h = useWidgetHarness();

  it("tells a banned reader so, and refuses to post with the server's message", async () => {
    const reader = await guest(h.lede, "Banned reader");
    await h.lede.query(BanAccountDocument, { id: reader.accountId, reason: "abuse" }, h.moderator);
    const { page } = await h.openArticle({ attributes: `data-token="${reader.token}"` });
    await expect.poll(() => page.locator(`${WIDGET} .lede-c-standing`).textContent()).toMatch(/banned/);
    const form = page.locator(".lede-c-form").first();
    await form.getByLabel("Your comment").fill("Let me back in");
    await form.getByRole("button", { name: "Post comment" }).click();
    await expect.poll(() => form.getByRole("status").textContent()).toMatch(/Your account is banned/);
    expect(await bodies(page, "Let me back in").count()).toBe(0);
  });

  it("sends a report with its reason that lands in the REPORTED queue", async () => {
    const writer = await guest(h.lede, "Rude writer");
    const rude = await post(h.lede, writer.token, { articleId: h.reference, body: "Everyone here is a fool" });
    const { page } = await h.openArticle();
    const item = page.locator(`[data-comment-id="${rude.id}"]`);
    await item.getByRole("button", { name: "Report the comment by Rude writer" }).click();
    await item.getByLabel("Why are you reporting this comment?").selectOption("ABUSE");
    await item.getByLabel(/Anything to add/).fill("insults other readers");
    await item.getByLabel("Your name").fill("Careful reader");
    await item.getByRole("button", { name: "Send report" }).click();
    await expect.poll(() => item.getByRole("status").textContent()).toMatch(/Thank you/);
    const queue = await h.lede.query(ModerationItemsDocument, { queue: "REPORTED", first: 50 }, h.moderator);
    const reported = queue.moderationItems.edges.find((e) => e.node.id === rude.id)?.node;
    expect(reported?.flags).toEqual([
      { reason: "ABUSE", note: "insults other readers", reporter: { displayName: "Careful reader" } },
    ]);
  });

  it("shows a moderator's warning until the reader acknowledges it", async () => {
    const reader = await guest(h.lede, "Warned reader");
    const message = "Please stay on topic.";
    await h.lede.query(WarnAccountDocument, { id: reader.accountId, message, reason: "off topic" }, h.moderator);
    const { page } = await h.openArticle({ attributes: `data-token="${reader.token}"` });
    const notice = page.locator(`${WIDGET} .lede-c-standing`);
    await expect.poll(() => notice.textContent()).toContain(`A moderator warned you: ${message}`);
    await notice.getByRole("button", { name: "I understand" }).click();
    await expect.poll(() => notice.count()).toBe(0);
  });

  it("likes, edits and deletes the reader's own comment; sorts; puts staff picks first; renames a guest", async () => {
    const other = await guest(h.lede, "Picked writer");
    const picked = await post(h.lede, other.token, { articleId: h.reference, body: "A staff pick, posted early" });
    await h.lede.query(FeatureCommentDocument, { id: picked.id }, h.moderator);
    // the page's clock reads a day past the edit window: the widget counts down from the seconds Lede says are left
    const dayLater = new Date(h.lede.clock.now().getTime() + 86_400_000);
    const { page } = await h.openArticle({}, (p) => p.clock.setFixedTime(dayLater));
    const top = page.locator(`${WIDGET} .lede-c-list > .lede-c-comment`).first();
    await expect.poll(() => top.getAttribute("data-comment-id")).toBe(picked.id);
    await expect.poll(() => top.locator("[data-featured]").textContent()).toBe("Staff pick");

    await h.postThroughForm(page, "Guest writer", "My own first words");
    const mine = page.locator(".lede-c-comment", { has: bodies(page, "My own first words") }).first();
    await mine.getByRole("button", { name: "Edit" }).click();
    await mine.getByLabel("Your comment", { exact: true }).fill("My own edited words");
    await mine.getByRole("button", { name: "Save" }).click();
    await expect.poll(() => bodies(page, "My own edited words").count()).toBe(1);

    const pickedItem = page.locator(`[data-comment-id="${picked.id}"]`);
    const like = pickedItem.getByRole("button", { name: /^Like the comment/ });
    await like.click();
    await expect.poll(() => like.getAttribute("aria-pressed")).toBe("true");
    await expect.poll(() => like.textContent()).toMatch(/Like \(1\)/);
    // the other kinds of reaction the API has, each counted on its own
    const insightful = pickedItem.getByRole("button", { name: /^React “Insightful” to the comment/ });
    await insightful.click();
    await expect.poll(() => insightful.getAttribute("aria-pressed")).toBe("true");
    await expect.poll(() => insightful.textContent()).toBe("Insightful (1)");
    await expect.poll(() => like.textContent()).toBe("Like (1)");
    const kinds = await h.lede.db.prisma.reaction.findMany({ where: { commentId: rowId(picked.id) } });
    expect(kinds.map((r) => r.kind).sort()).toEqual(["INSIGHTFUL", "LIKE"]);
    await insightful.click();
    await expect.poll(() => insightful.textContent()).toBe("Insightful (0)");

    const edited = page.locator(".lede-c-comment", { has: bodies(page, "My own edited words") }).first();
    await edited.getByRole("button", { name: "Delete" }).click();
    await edited.getByRole("button", { name: "Delete", exact: true }).last().click();
    await expect.poll(() => bodies(page, "My own edited words").count()).toBe(0);

    const oldest = await h.lede.query<{ article: { comments: { edges: { node: { id: string } }[] } } }, object>(
      `{ article(slug: "${REFERENCE_SLUG}") { comments(first: 1, orderBy: OLDEST) { edges { node { id } } } } }`,
    );
    await page.getByLabel("Order comments by").selectOption("OLDEST");
    await expect.poll(() => top.getAttribute("data-comment-id")).toBe(picked.id);
    const second = page.locator(`${WIDGET} .lede-c-list > .lede-c-comment`).nth(1);
    await expect.poll(() => second.getAttribute("data-comment-id")).toBe(oldest.article.comments.edges[0]!.node.id);

    await page.getByRole("button", { name: "Change name" }).click();
    await page.locator(`${WIDGET} .lede-c-as`).getByLabel("Your name", { exact: true }).fill("Renamed guest");
    await page.getByRole("button", { name: "Save name" }).click();
    await expect.poll(() => page.locator(`${WIDGET} .lede-c-as`).textContent()).toMatch(/Commenting as Renamed guest/);
  });
});
