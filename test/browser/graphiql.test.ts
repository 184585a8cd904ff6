// GraphiQL in a real browser (Debian's Chromium): its example tabs run against the server that serves them; a tab
// opens at the first click (or Enter) and is open again after a reload; a syntax error reads as GraphQL's message and
// location; the tabs' introductions wrap inside the editor; and everything loads from Lede itself.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ArticleBySlugDocument } from "../generated/graphql.js";
import { REFERENCE_ARTICLE_SLUG } from "../../src/plugins/graphiql-tabs.js";
import { articleId, guest, post } from "../support/fixtures.js";
import { skipDatabase, startLede, type TestLede } from "../support/lede.js";
import {
  browserMissingButRequired,
  CHROMIUM_PATH,
  launchChromium,
  skipBrowser,
  type LaunchedBrowser,
} from "../support/browser.js";
import {
  editorText,
  openGraphiQL,
  openTab,
  responseText,
  settled,
  squeeze,
  tabButton,
  tabTitles,
  waitForResponse,
  type OpenPage,
} from "../support/graphiql-page.js";
import { until } from "../support/ws.js";

const EXAMPLES = ["ReferenceStory", "Timeline", "Search", "SampleLiveBlog", "LiveComments"];

/** The example tabs' titles with `open` marked as the open one. */
const examplesWithOpen = (open: string) => EXAMPLES.map((title) => (title === open ? `*${title}` : title));

describe("GraphiQL in Chromium", () => {
  it.runIf(browserMissingButRequired)("needs Chromium (REQUIRE_SERVICES=1)", () => {
    expect.fail(`Chromium is not installed at ${CHROMIUM_PATH} (apt-get install -y chromium)`);
  });
});

describe.skipIf(skipDatabase || skipBrowser || browserMissingButRequired)("GraphiQL in Chromium", () => {
  let lede: TestLede;
  let baseUrl: string;
  let chromium: LaunchedBrowser;
  const opened: OpenPage[] = [];
  const open = async (prepare?: (opening: OpenPage) => Promise<void>) => {
    const page = await openGraphiQL(chromium, `${baseUrl}/graphql`, prepare);
    opened.push(page);
    return page;
  };

  beforeAll(async () => {
    lede = await startLede();
    baseUrl = await lede.listen();
    chromium = await launchChromium();
  });
  afterAll(async () => {
    for (const { context } of opened) await context.close().catch(() => {});
    await chromium?.close();
    await lede?.close();
  });

  it("opens on the reference story and runs it: the headline appears", async () => {
    const { article } = await lede.query(ArticleBySlugDocument, { slug: REFERENCE_ARTICLE_SLUG });
    const { page, logs } = await open();
    expect(await tabTitles(page)).toEqual(examplesWithOpen("ReferenceStory"));
    await page.locator(".graphiql-execute-button").click();
    await waitForResponse(page, `"headline": ${JSON.stringify(article!.headline)}`, "the headline", logs);
  });

  it("loads from Lede alone: a short-lived page, then its files under hashed URLs cached for a year", async () => {
    const elsewhere: string[] = [];
    const assets = new Map<string, string | undefined>();
    const { page, logs } = await open(async ({ context, page }) => {
      await context.route("**/*", (route) => {
        const url = route.request().url();
        if (url.startsWith(baseUrl)) return route.continue();
        elsewhere.push(url);
        return route.abort("internetdisconnected");
      });
      page.on("response", (response) => {
        const { pathname } = new URL(response.url());
        if (pathname.startsWith("/assets/")) assets.set(pathname, response.headers()["cache-control"]);
      });
    });
    await page.locator(".graphiql-execute-button").click();
    await waitForResponse(page, `"headline"`, "the reference story", logs);
    expect(elsewhere).toEqual([]);
    const files = [...assets.keys()].map((path) => path.replace(/\.[0-9a-f]{16}\./, ".<hash>."));
    expect(files).toEqual(
      expect.arrayContaining([
        "/assets/graphiql/graphiql.<hash>.css",
        "/assets/graphiql/graphiql.<hash>.js",
        "/assets/graphiql/lede-graphiql.<hash>.js",
      ]),
    );
    expect(files.filter((path) => path.includes(".worker.")).length, "Monaco's workers").toBeGreaterThan(0);
    expect(new Set(assets.values())).toEqual(new Set(["public, max-age=31536000, immutable"]));
    expect(logs.filter((line) => /Content Security Policy|Refused to/i.test(line))).toEqual([]);
  });

  it("opens each example tab at the first click", async () => {
    const { page } = await open();
    for (const title of ["Search", "Timeline", "LiveComments", "SampleLiveBlog", "ReferenceStory"]) {
      await tabButton(page, title).click();
      await expect
        .poll(() => tabTitles(page), { timeout: 5000, message: `one click on the ${title} tab` })
        .toEqual(examplesWithOpen(title));
      await expect.poll(() => editorText(page), { message: `the ${title} tab in the editor` }).toContain(title);
    }
  });

  it("reopens the examples after a reload, on the tab the reader had open", async () => {
    const { page } = await open();
    await page.reload();
    await settled(page);
    expect(await tabTitles(page)).toEqual(examplesWithOpen("ReferenceStory"));
    expect(await editorText(page)).toContain("queryReferenceStory");
    // by keyboard: the tab's button takes the focus and Enter opens it
    await tabButton(page, "Timeline").focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => editorText(page)).toContain("queryTimeline");
    await page.waitForTimeout(500); // a reader does not reload within GraphiQL's 100 ms of saving
    await page.reload();
    await settled(page);
    expect(await tabTitles(page)).toEqual(examplesWithOpen("Timeline"));
    expect(await editorText(page)).toContain("queryTimeline");
  });

  it("answers a syntax error with GraphQL's message and location, not a JavaScript stack", async () => {
    const { page, logs } = await open();
    await page.locator(".graphiql-query-editor .view-lines").click();
    await page.keyboard.press("ControlOrMeta+A");
    // no bracket: Monaco would close it
    await page.keyboard.insertText("query Broken article");
    await page.keyboard.press("Escape"); // the field suggestions
    await page.locator(".graphiql-execute-button").click();
    await waitForResponse(page, `"message": "Syntax Error: Expected`, "the syntax error", logs);
    const shown = await responseText(page);
    expect(shown).toContain(squeeze(`found Name \\"article\\".", "locations": [{ "line": 1, "column": 14 }]`));
    expect(shown).not.toMatch(/stack|\.js:\d|GraphQLError:/);
  });

  it("wraps the tabs' introductions inside the editor, so none is cut at its edge", async () => {
    const { page } = await open();
    const cut = await page.locator(".graphiql-query-editor .monaco-editor").evaluate((editor) => {
      const edge = editor.getBoundingClientRect().right;
      return [...editor.querySelectorAll(".view-line")]
        .filter((line) => (line.firstElementChild?.getBoundingClientRect().right ?? 0) > edge)
        .map((line) => line.textContent);
    });
    expect(cut).toEqual([]);
    expect(await editorText(page)).toContain(
      squeeze("Welcome to Lede. Press the run button (or Ctrl-Enter) to fetch the reference story"),
    );
  });

  it("runs the live comment tab: a comment posted meanwhile arrives", async () => {
    const { page, logs } = await open();
    await openTab(page, "LiveComments", "subscription LiveComments");
    const before = lede.app.server.activeSocketOperations();
    // Pressed again while no subscription started (GraphiQL may still have sent the tab it showed before).
    await until(
      async () => {
        if (lede.app.server.activeSocketOperations() > before) return true;
        await page.locator(".graphiql-execute-button").click();
        await new Promise((resolve) => setTimeout(resolve, 1000));
        return lede.app.server.activeSocketOperations() > before;
      },
      "the subscription",
      20_000,
    ).catch(async (error: Error) => {
      throw new Error(`${error.message}\nresponse pane: ${await responseText(page)}\nbrowser: ${logs.join("\n")}`);
    });
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
    const { page, logs } = await open();
    await openTab(page, "SampleLiveBlog", "query SampleLiveBlog");
    // Two operations in the tab: GraphiQL asks which to run (pressed again if it ran what it showed before instead).
    const choice = page.getByRole("menuitem", { name: "SampleLiveBlog" });
    await until(
      async () => {
        await page.locator(".graphiql-execute-button").click();
        return choice.isVisible({ timeout: 2000 }).catch(() => false);
      },
      "GraphiQL to ask which operation to run",
      20_000,
    );
    await choice.click();
    await waitForResponse(page, `"title": "No asylum, but no return to Russia either"`, "the pinned update", logs);
  });

  it("opens a ?query= link in a tab of its own, and runs it with @defer: the deferred part arrives", async () => {
    const query = "query Deferred { articles(first: 1) { edges { node { id ... @defer { headline } } } } }";
    const { page, logs } = await openGraphiQL(chromium, `${baseUrl}/graphql?query=${encodeURIComponent(query)}`);
    opened.push({ page, logs, context: page.context() });
    expect(await tabTitles(page)).toEqual(["*Deferred", ...EXAMPLES]);
    await page.locator(".graphiql-execute-button").click();
    await waitForResponse(page, `"headline":`, "the deferred headline", logs);
    expect(await responseText(page)).toContain(squeeze(`"id": "`));
  });

  it("runs an example from the keyboard: Enter opens its tab, Ctrl-Enter runs it", async () => {
    const { page, logs } = await open();
    await tabButton(page, "Search").focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => editorText(page)).toContain("querySearch");
    await page.waitForTimeout(600);
    await page.locator(".graphiql-query-editor .view-lines").click();
    await page.keyboard.press("Control+Enter");
    await waitForResponse(page, `"search": {`, "the search results", logs);
  });
});
