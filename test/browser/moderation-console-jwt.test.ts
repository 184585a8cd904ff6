// The moderation console in Chromium signed in with the newsroom identity provider's JWT instead of a Lede token: a
// moderator's JWT opens the queues and the live stream, a reader's is told it needs a moderator, and an expired or
// badly signed one is refused plainly.
import { SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { launchChromium, skipBrowserSuite, watchConsole, type LaunchedBrowser } from "../support/browser.js";
import { articleId, guest, post } from "../support/fixtures.js";
import { startLede, type TestLede } from "../support/lede.js";

const SECRET = "a-shared-secret-of-at-least-32-characters";
const ISSUER = "https://id.newsroom.example";
const key = new TextEncoder().encode(SECRET);

describe.skipIf(skipBrowserSuite)("console sign-in with a JWT", () => {
  let lede: TestLede;
  let chromium: LaunchedBrowser;
  let base: string;
  const logs: string[] = [];
  beforeAll(async () => {
    lede = await startLede({
      env: {
        SUSPECT_WORDS: "holdme",
        JWT_SECRET: SECRET,
        JWT_ISSUER: ISSUER,
        JWT_AUDIENCE: "lede",
        JWT_ROLE_CLAIM: "lede_role",
      },
    });
    base = await lede.listen();
    chromium = await launchChromium();
  });
  afterAll(async () => {
    if (logs.length) console.warn(`browser console:\n${logs.join("\n")}`);
    await chromium?.close();
    await lede?.close();
  });

  async function open(): Promise<Page> {
    const { page } = await chromium.page();
    watchConsole(page, logs);
    await page.goto(`${base}/moderate`);
    return page;
  }
  async function signIn(page: Page, token: string): Promise<void> {
    await page.getByLabel("Token").fill(token);
    await page.getByRole("button", { name: "Sign in" }).click();
  }
  /** A JWT as the identity provider would issue it (see test/jwt.test.ts), expiring `expiresInS` after Lede's clock. */
  const jwt = (claims: Record<string, unknown>, expiresInS = 3600, signingKey = key) => {
    const now = Math.floor(lede.clock.now().getTime() / 1000);
    return new SignJWT(claims)
      .setProtectedHeader({ alg: "HS256" })
      .setIssuer(ISSUER)
      .setAudience("lede")
      .setIssuedAt(Math.min(now, now + expiresInS) - 60)
      .setExpirationTime(now + expiresInS)
      .sign(signingKey);
  };
  const signInError = (page: Page) => page.locator("#sign-in-error").textContent();

  it("signs a moderator in with their JWT, live stream included", async () => {
    const page = await open();
    await signIn(page, await jwt({ sub: "desk-7", name: "Ingrid Desk", lede_role: "moderator" }));
    await expect.poll(() => page.locator("#whoami").textContent()).toBe("Signed in as Ingrid Desk (moderator)");
    await page.locator("body[data-live=live]").waitFor({ timeout: 10_000 });
    const author = await guest(lede, "JWT queue author");
    const held = await post(lede, author.token, { articleId: await articleId(lede), body: "holdme via jwt" });
    await expect.poll(() => page.locator(`#items > li[data-id="${held.id}"]`).count(), { timeout: 10_000 }).toBe(1);
    expect(await page.context().cookies()).toEqual([]);
  });

  it("tells a reader's JWT that the console needs a moderator", async () => {
    const page = await open();
    await signIn(page, await jwt({ sub: "reader-9", name: "Ola Reader" }));
    await expect.poll(() => signInError(page)).toMatch(/Ola Reader, a reader: the console needs a moderator/);
    await expect.poll(() => page.locator("#whoami").isHidden()).toBe(true);
  });

  it("refuses an expired JWT and one signed with another key, plainly", async () => {
    const page = await open();
    await signIn(page, await jwt({ sub: "desk-7", lede_role: "moderator" }, -60));
    await expect.poll(() => signInError(page)).toMatch(/not valid.*revoked or expired/);
    const otherKey = new TextEncoder().encode("another-secret-of-at-least-32-characters");
    await signIn(page, await jwt({ sub: "desk-7", lede_role: "moderator" }, 3600, otherKey));
    await expect.poll(() => signInError(page)).toMatch(/not valid.*revoked or expired/);
    expect(await page.evaluate(() => sessionStorage.getItem("lede-moderation-token"))).toBeNull();
  });
});
