// Reading and driving Lede's GraphiQL page in Chromium (test/browser/graphiql.test.ts): which tab is open, what the
// operation editor and the response pane show, and opening the page on a fresh profile once it has settled.
import type { BrowserContext, Page } from "playwright-core";
import type { LaunchedBrowser } from "./browser.js";
import { watchConsole } from "./browser.js";
import { until } from "./ws.js";

/** Monaco draws text as (possibly wrapped) lines of spans: compare without whitespace. */
export const squeeze = (text: string) => text.replace(/\s+/g, "");

export async function responseText(page: Page): Promise<string> {
  return squeeze((await page.locator(".graphiql-response").textContent()) ?? "");
}

export async function editorText(page: Page): Promise<string> {
  return squeeze((await page.locator(".graphiql-query-editor .view-lines").textContent()) ?? "");
}

/** The tabs' titles, the open one marked with a leading `*`. */
export async function tabTitles(page: Page): Promise<string[]> {
  return page
    .locator(".graphiql-tab")
    .evaluateAll((tabs) =>
      tabs.map(
        (tab) =>
          (tab.classList.contains("graphiql-tab-active") ? "*" : "") +
          (tab.querySelector(".graphiql-tab-button")?.textContent ?? "").trim(),
      ),
    );
}

export function tabButton(page: Page, title: string) {
  return page.locator(".graphiql-tab", { hasText: title }).locator(".graphiql-tab-button");
}

/** Waits until the response pane contains `expected`; on failure says what it showed and what the browser logged. */
export async function waitForResponse(page: Page, expected: string, what: string, logs: string[]): Promise<void> {
  try {
    await until(async () => (await responseText(page)).includes(squeeze(expected)), what, 15_000);
  } catch (error) {
    throw new Error(
      `${(error as Error).message}\nresponse pane: ${await responseText(page)}\nbrowser: ${logs.join("\n")}`,
    );
  }
}

/**
 * Waits until GraphiQL is drawn and has stopped moving: its run button is there, the fonts it asked for have
 * loaded and two frames have passed. A reader clicks a page that looks ready; so does a test.
 */
export async function settled(page: Page): Promise<void> {
  await page.locator(".graphiql-execute-button").waitFor({ timeout: 30_000 });
  await page.locator(".graphiql-query-editor .view-lines").waitFor({ timeout: 30_000 });
  await page.evaluate(async () => {
    await document.fonts.ready;
    for (let frame = 0; frame < 2; frame++) await new Promise((resolve) => requestAnimationFrame(resolve));
  });
}

/**
 * Opens an example tab by clicking it, and waits until GraphiQL shows it active with its text in the editor and has
 * had a moment to take the editor's text into its own state (it does so on a short debounce: on a loaded machine a
 * Run pressed at once can still send the previous tab's document).
 */
export async function openTab(page: Page, title: string, firstLine: string): Promise<void> {
  await tabButton(page, title).click();
  await until(async () => (await tabTitles(page)).includes(`*${title}`), `the ${title} tab to be active`, 10_000);
  await until(async () => (await editorText(page)).includes(squeeze(firstLine)), `the ${title} text`, 10_000);
  await page.waitForTimeout(600);
  await settled(page);
}

export interface OpenPage {
  context: BrowserContext;
  page: Page;
  logs: string[];
}

/** GraphiQL at `url` in a fresh context (its own storage), settled; `prepare` may route or watch before it loads. */
export async function openGraphiQL(
  chromium: LaunchedBrowser,
  url: string,
  prepare?: (opening: OpenPage) => Promise<void>,
): Promise<OpenPage> {
  const { context, page } = await chromium.page();
  const logs: string[] = [];
  watchConsole(page, logs);
  await prepare?.({ context, page, logs });
  await page.goto(url);
  await settled(page);
  return { context, page, logs };
}
