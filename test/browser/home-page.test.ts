// The home page in Chromium: it loads nothing but itself and breaks no CSP rule (so it works offline), its links are
// reached by keyboard alone, in order, and Enter follows one.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, skipBrowserSuite, watchConsole, type LaunchedBrowser } from "../support/browser.js";
import { startLede, type TestLede } from "../support/lede.js";

describe.skipIf(skipBrowserSuite)("the home page in Chromium", () => {
  let lede: TestLede;
  let chromium: LaunchedBrowser;
  let base: string;
  const logs: string[] = [];
  beforeAll(async () => {
    lede = await startLede();
    base = await lede.listen();
    chromium = await launchChromium();
  });
  afterAll(async () => {
    if (logs.length) console.warn(`browser console:\n${logs.join("\n")}`);
    await chromium?.close();
    await lede?.close();
  });

  it("loads only itself, with no CSP violation, and its links are reached by Tab in order and followed by Enter", async () => {
    const { page, context } = await chromium.page();
    const errors: string[] = [];
    watchConsole(page, errors);
    const requested: string[] = [];
    page.on("request", (request) => requested.push(request.url()));
    await page.goto(`${base}/`);
    await expect.poll(() => page.locator("h1").textContent()).toBe("Lede");
    expect(requested).toEqual([`${base}/`]);
    expect(errors).toEqual([]);

    const hrefs = await page.locator("a").evaluateAll((links) => links.map((a) => a.getAttribute("href")));
    expect(hrefs.length).toBeGreaterThan(5);
    const focused: (string | null)[] = [];
    for (let i = 0; i < hrefs.length; i++) {
      await page.keyboard.press("Tab");
      focused.push(await page.evaluate(() => document.activeElement?.getAttribute("href") ?? null));
    }
    expect(focused).toEqual(hrefs);

    // back to the health link by keyboard (focus is on the last link), then follow it
    for (let i = hrefs.length - 1; i > hrefs.indexOf("/health"); i--) await page.keyboard.press("Shift+Tab");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("href"))).toBe("/health");
    const answered = page.waitForResponse(`${base}/health`);
    await page.keyboard.press("Enter");
    expect((await answered).status()).toBe(200);
    await page.waitForURL(`${base}/health`);
    logs.push(...errors);
    await context.close();
  });
});
