// GraphiQL in a real browser (Debian's Chromium): its example tabs run against the server that serves them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { ArticleBySlugDocument } from "../generated/graphql.js";
import { REFERENCE_ARTICLE_SLUG } from "../../src/plugins/graphiql-tabs.js";
import { articleId, guest, post } from "../support/fixtures.js";
import { skipDatabase, startLede, type TestLede } from "../support/lede.js";
import {
  browserMissingButRequired,
  CHROMIUM_PATH,
  launchChromium,
  skipBrowser,
  watchConsole,
  type LaunchedBrowser,
} from "../support/browser.js";
import { until } from "../support/ws.js";

/** Monaco draws the response as wrapped lines: compare without whitespace. */
const squeeze = (text: string) => text.replace(/\s+/g, "");

async function responseText(page: Page): Promise<string> {
  return squeeze((await page.locator(".graphiql-response").textContent()) ?? "");
}

async function waitForResponse(page: Page, expected: string, what: string, logs: string[]): Promise<void> {
  try {
    await until(async () => (await responseText(page)).includes(squeeze(expected)), what, 15_000);
  } catch (error) {
    throw new Error(
      `${(error as Error).message}\nresponse pane: ${await responseText(page)}\nbrowser: ${logs.join("\n")}`,
    );
  }
}

describe("GraphiQL in Chromium", () => {
  it.runIf(browserMissingButRequired)("needs Chromium (REQUIRE_SERVICES=1)", () => {
    expect.fail(`Chromium is not installed at ${CHROMIUM_PATH} (apt-get install -y chromium)`);
  });
});

describe.skipIf(skipDatabase || skipBrowser || browserMissingButRequired)("GraphiQL in Chromium", () => {
  let lede: TestLede;
  let baseUrl: string;
  let chromium: LaunchedBrowser;
  let page: Page;
  const logs: string[] = [];

  beforeAll(async () => {
    lede = await startLede();
    baseUrl = await lede.listen();
    chromium = await launchChromium();
    ({ page } = await chromium.page());
    watchConsole(page, logs);
    await page.goto(`${baseUrl}/graphql`);
    await page.locator(".graphiql-execute-button").waitFor({ timeout: 20_000 });
  });
  afterAll(async () => {
    await chromium?.close();
    await lede?.close();
  });

  it("opens on the reference story and runs it: the headline appears", async () => {
    const { article } = await lede.query(ArticleBySlugDocument, { slug: REFERENCE_ARTICLE_SLUG });
    const tabs = page.locator(".graphiql-tab");
    await expect
      .poll(() => tabs.allTextContents())
      .toEqual([
        expect.stringContaining("ReferenceStory"),
        expect.stringContaining("Timeline"),
        expect.stringContaining("Search"),
        expect.stringContaining("SampleLiveBlog"),
        expect.stringContaining("LiveComments"),
      ]);
    await page.locator(".graphiql-execute-button").click();
    await waitForResponse(page, `"headline": ${JSON.stringify(article!.headline)}`, "the headline", logs);
  });

  it("runs the live comment tab: a comment posted meanwhile arrives", async () => {
    await page.locator(".graphiql-tab", { hasText: "LiveComments" }).locator(".graphiql-tab-button").click();
    // On a loaded machine the editor can still show the previous tab when the button is pressed: wait for it.
    await expect
      .poll(async () => squeeze((await page.locator(".graphiql-query-editor").textContent()) ?? ""), {
        timeout: 15_000,
      })
      .toContain("subscriptionLiveComments");
    const before = lede.app.server.activeSocketOperations();
    // GraphiQL may still run the previous tab's operation name right after a switch ("Cannot infer operation
    // ReferenceStory"); pressing the button again once it has caught up starts the subscription.
    for (let attempt = 1; ; attempt++) {
      await page.locator(".graphiql-execute-button").click();
      const started = await until(() => lede.app.server.activeSocketOperations() > before, "the subscription", 5000)
        .then(() => true)
        .catch(() => false);
      if (started) break;
      if (attempt === 3)
        throw new Error(
          `GraphiQL did not subscribe\nresponse pane: ${await responseText(page)}\nbrowser: ${logs.join("\n")}`,
        );
    }
    const reader = await guest(lede, "GraphiQL Watcher");
    const comment = await post(lede, reader.token, {
      articleId: await articleId(lede, REFERENCE_ARTICLE_SLUG),
      body: "Seen live in GraphiQL",
    });
    await waitForResponse(page, `"body": "Seen live in GraphiQL"`, "the live comment", logs);
    expect(await responseText(page)).toContain(squeeze(`"id": "${comment.id}"`));
    expect(await responseText(page)).toContain(squeeze(`"kind": "ADDED"`));
  });

  it("runs the live-blog tab: the sample live blog's pinned update appears", async () => {
    // A click on a tab does not always switch the editor at once on a loaded machine: click until it has.
    const editorShows = async (text: string) =>
      squeeze((await page.locator(".graphiql-query-editor").textContent()) ?? "").includes(text);
    for (let attempt = 1; !(await editorShows("querySampleLiveBlog")); attempt++) {
      if (attempt > 5) throw new Error("the live-blog tab did not open in the editor");
      await page.locator(".graphiql-tab", { hasText: "SampleLiveBlog" }).locator(".graphiql-tab-button").click();
      await until(() => editorShows("querySampleLiveBlog"), "the live-blog tab in the editor", 3000).catch(() => {});
    }
    // Two operations in the tab: GraphiQL asks which to run.
    for (let attempt = 1; attempt <= 3; attempt++) {
      await page.locator(".graphiql-execute-button").click();
      const choice = page.getByRole("menuitem", { name: "SampleLiveBlog" });
      if (await choice.isVisible().catch(() => false)) await choice.click();
      const ok = await waitForResponse(
        page,
        `"title": "No asylum, but no return to Russia either"`,
        "the pinned update",
        logs,
      )
        .then(() => true)
        .catch(() => false);
      if (ok) return;
    }
    throw new Error(`the live-blog tab did not run\nresponse pane: ${await responseText(page)}`);
  });
});
