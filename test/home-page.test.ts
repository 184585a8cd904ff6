// The home page on a real Lede: every link it shows answers (GraphiQL as a browser asks for it), and `/` still
// answers under the production rules, where GraphiQL lives at /graphiql.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { skipDatabase, startLede, type TestLede } from "./support/lede.js";

async function linksOf(lede: TestLede): Promise<Record<string, string>> {
  const response = await lede.fetch("/", { headers: { accept: "application/json" } });
  expect(response.status).toBe(200);
  return ((await response.json()) as { links: Record<string, string> }).links;
}

/** Fails with the link and the start of the answer unless GET answers 200. */
async function expectAnswers(lede: TestLede, key: string, href: string): Promise<void> {
  const response = await lede.fetch(href, { headers: { accept: "text/html,*/*;q=0.8" } });
  const text = await response.text();
  expect(response.status, `${key} (${href}) answered: ${text.slice(0, 300)}`).toBe(200);
}

describe.skipIf(skipDatabase)("the home page's links", () => {
  let lede: TestLede;
  beforeAll(async () => {
    lede = await startLede();
  });
  afterAll(async () => {
    await lede?.close();
  });

  it("each answer 200", async () => {
    const links = await linksOf(lede);
    expect(Object.keys(links).length).toBeGreaterThan(5);
    for (const [key, href] of Object.entries(links)) await expectAnswers(lede, key, href);
  });
});

describe.skipIf(skipDatabase)("the home page in production", () => {
  let lede: TestLede;
  beforeAll(async () => {
    lede = await startLede({ env: { NODE_ENV: "production" } });
  });
  afterAll(async () => {
    await lede?.close();
  });

  it("links GraphiQL at /graphiql, which answers", async () => {
    const links = await linksOf(lede);
    expect(links.graphiql).toBe("/graphiql");
    await expectAnswers(lede, "graphiql", links.graphiql!);
  });
});
