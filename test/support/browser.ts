// Debian's Chromium driven by playwright-core (no browser download). Browser tests skip when Chromium is not
// installed, unless REQUIRE_SERVICES=1 (CI), where a missing Chromium fails them. Each launch gets a fresh profile.
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { skipDatabase } from "./lede.js";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const chromiumInstalled = existsSync(CHROMIUM_PATH);
const required = process.env.REQUIRE_SERVICES === "1";
/** `describe.skipIf(skipBrowser)`: Chromium is absent and not required. */
export const skipBrowser = !chromiumInstalled && !required;
/** Chromium is absent but required: the suite has one failing test that says so. */
export const browserMissingButRequired = !chromiumInstalled && required;
/** `describe.skipIf(skipBrowserSuite)`: a suite that drives Chromium against a Lede on the test database. */
export const skipBrowserSuite = skipDatabase || skipBrowser || browserMissingButRequired;

const ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export interface LaunchedBrowser {
  browser: Browser;
  /** A new, isolated context (its own storage and network switch) with one page. */
  page(): Promise<{ context: BrowserContext; page: Page }>;
  close(): Promise<void>;
}

/** Chromium with a fresh --user-data-dir of its own, removed on close. */
export async function launchChromium(): Promise<LaunchedBrowser> {
  const profile = mkdtempSync(join(tmpdir(), "lede-chromium-"));
  // launch() refuses --user-data-dir; a persistent context on a fresh directory is the same thing, and further
  // contexts of its browser are isolated incognito-like ones.
  const persistent = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ARGS,
  });
  const browser = persistent.browser()!;
  return {
    browser,
    async page() {
      const context = await browser.newContext();
      return { context, page: await context.newPage() };
    },
    async close() {
      await persistent.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Collects uncaught page errors and console errors, so a test can show them when it fails. */
export function watchConsole(page: Page, into: string[]): void {
  page.on("pageerror", (error) => into.push(`pageerror: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error") into.push(`console: ${message.text()}`);
  });
}
