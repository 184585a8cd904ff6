// The moderation console in Chromium, served by Lede at /moderate: sign-in (a wrong token and a reader's token said
// plainly), clearing a queue by keyboard alone, bulk rejection, new items arriving live, an item decided by another
// moderator leaving the queue, and a new flag arriving live in the REPORTED queue with its reason.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { ApproveCommentDocument, FlagCommentWithReasonDocument } from "../generated/graphql.js";
import { launchChromium, skipBrowserSuite, watchConsole, type LaunchedBrowser } from "../support/browser.js";
import { articleId, guest, post, staff } from "../support/fixtures.js";
import { startLede, type TestLede } from "../support/lede.js";

const rawId = (globalId: string) => Buffer.from(globalId, "base64url").toString().split(":")[1]!;

describe.skipIf(skipBrowserSuite)("the moderation console in Chromium", () => {
  let lede: TestLede;
  let chromium: LaunchedBrowser;
  let base: string;
  let article: string;
  let author: { token: string; accountId: string };
  let moderator: { token: string };
  const logs: string[] = [];
  beforeAll(async () => {
    lede = await startLede({ env: { SUSPECT_WORDS: "holdme" } });
    base = await lede.listen();
    chromium = await launchChromium();
    article = await articleId(lede);
    author = await guest(lede, "Queue author");
    moderator = await staff(lede, "MODERATOR", "Night desk");
  });
  afterAll(async () => {
    if (logs.length) console.warn(`browser console:\n${logs.join("\n")}`);
    await chromium?.close();
    await lede?.close();
  });

  async function signIn(page: Page, token: string): Promise<void> {
    await page.getByLabel("Token").fill(token);
    await page.getByRole("button", { name: "Sign in" }).click();
  }
  const status = async (id: string) =>
    (await lede.db.prisma.comment.findUniqueOrThrow({ where: { id: rawId(id) } })).status;
  const items = (page: Page) => page.locator("#items > li");

  it("signs in with a moderator's token only, and says plainly what is wrong with another", async () => {
    const { page } = await chromium.page();
    watchConsole(page, logs);
    await page.goto(`${base}/moderate`);
    await signIn(page, "lede_not-a-real-token");
    await expect.poll(() => page.locator("#sign-in-error").textContent()).toMatch(/not valid.*revoked or expired/);
    await signIn(page, author.token);
    await expect.poll(() => page.locator("#sign-in-error").textContent()).toMatch(/needs a moderator/);
    await signIn(page, moderator.token);
    await expect.poll(() => page.locator("#whoami").textContent()).toBe("Signed in as Night desk (moderator)");
    // the token lives in the tab's session, not in a cookie
    expect(await page.context().cookies()).toEqual([]);
    expect(await page.evaluate(() => sessionStorage.getItem("lede-moderation-token"))).toBe(moderator.token);
  });

  it("clears a queue by keyboard, bulk-rejects, and takes new items live", async () => {
    const held = [];
    for (const text of ["holdme first", "holdme second", "holdme third"])
      held.push(await post(lede, author.token, { articleId: article, body: text }));
    const { page } = await chromium.page();
    watchConsole(page, logs);
    await page.goto(`${base}/moderate`);
    await signIn(page, moderator.token);
    await page.locator("body[data-live=live]").waitFor({ timeout: 10_000 });
    await expect.poll(() => items(page).count()).toBe(3);
    // the first item has the focus ring; a approves, j/k move, r asks for a reason
    await page.locator("#queue").focus();
    await page.keyboard.press("j");
    await page.keyboard.press("k");
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute("data-id"))).toBe(held[0]!.id);
    await page.keyboard.press("a");
    await expect.poll(() => items(page).count()).toBe(2);
    await page.keyboard.press("r");
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("reject-reason");
    await page.keyboard.type("Off topic");
    await page.keyboard.press("Enter");
    await expect.poll(() => items(page).count()).toBe(1);
    await page.keyboard.press("a");
    await expect.poll(() => items(page).count()).toBe(0);
    expect([await status(held[0]!.id), await status(held[1]!.id), await status(held[2]!.id)]).toEqual([
      "VISIBLE",
      "REJECTED",
      "VISIBLE",
    ]);
    await expect.poll(() => page.locator("#empty").isVisible()).toBe(true);

    // new held comments arrive live; select both with x and reject them together
    const spam = [];
    for (const text of ["holdme spam one", "holdme spam two"])
      spam.push(await post(lede, author.token, { articleId: article, body: text }));
    await expect.poll(() => items(page).count(), { timeout: 10_000 }).toBe(2);
    await items(page).first().focus();
    await page.keyboard.press("x");
    await page.keyboard.press("j");
    await page.keyboard.press("x");
    await expect.poll(() => page.locator("#selected-count").textContent()).toBe("2 selected");
    await page.getByLabel("Reason", { exact: true }).fill("Spam run");
    await page.getByRole("button", { name: "Reject selected" }).click();
    await expect.poll(() => items(page).count()).toBe(0);
    expect([await status(spam[0]!.id), await status(spam[1]!.id)]).toEqual(["REJECTED", "REJECTED"]);

    // an item another moderator decides leaves the queue
    const other = await post(lede, author.token, { articleId: article, body: "holdme decided elsewhere" });
    await expect.poll(() => items(page).count(), { timeout: 10_000 }).toBe(1);
    await lede.query(ApproveCommentDocument, { id: other.id }, { token: moderator.token });
    await expect.poll(() => items(page).count(), { timeout: 10_000 }).toBe(0);
  });

  it("shows a new flag arriving live in the REPORTED queue, with its reason and note", async () => {
    const { page } = await chromium.page();
    watchConsole(page, logs);
    await page.goto(`${base}/moderate`);
    await signIn(page, moderator.token);
    await page.locator("body[data-live=live]").waitFor({ timeout: 10_000 });
    await page.locator('#queues button[data-queue="REPORTED"]').click();
    await expect.poll(() => page.locator("#queue-title").textContent()).toMatch(/^Reported/);
    const comment = await post(lede, author.token, { articleId: article, body: "You are all idiots" });
    const reader = await guest(lede, "Reporter");
    await lede.query(
      FlagCommentWithReasonDocument,
      { id: comment.id, reason: "ABUSE", text: "insults readers" },
      reader,
    );
    const item = page.locator(`#items > li[data-id="${comment.id}"]`);
    await expect.poll(() => item.count(), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => item.textContent()).toContain("flagged: ABUSE");
    await item.click();
    await expect.poll(() => page.locator("#detail").textContent()).toContain("ABUSE: insults readers — Reporter");
    await expect.poll(() => page.locator("#detail").textContent()).toContain("Queue author");
  });
});
