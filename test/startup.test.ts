// `npm start` for real: a child process on an empty database migrates, seeds, serves the story, and exits cleanly on
// SIGTERM; a second start on the same database seeds nothing twice; a new SQLite database starts as a copy of the
// install's template database, with neither the Prisma CLI nor the seed.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { PROJECT_ROOT } from "../src/platform/paths.js";
import { templatePath } from "../src/platform/template.js";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { postgresUrl, withAdminClient } from "./support/databases.js";
import { provider, skipDatabase } from "./support/lede.js";
import { graphqlOver, startLedeProcess } from "./support/process.js";

const STORY = `{ article(slug: "ex-wagner-commander-norway-refused-asylum-allowed-to-stay") {
  headline bylines { person { name } } media { credit } } articles { totalCount } people { totalCount } }`;

describe.skipIf(skipDatabase)("npm start", () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  async function emptyDatabaseUrl(): Promise<string> {
    if (provider === "sqlite") {
      const dir = mkdtempSync(join(tmpdir(), "lede-start-"));
      cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
      return `file:${join(dir, "data", "lede.db")}`; // the data folder does not exist yet
    }
    const name = `lede_start_${process.pid}_${Date.now().toString(36)}`;
    await withAdminClient((c) => c.query(`CREATE DATABASE "${name}"`));
    cleanups.push(() =>
      withAdminClient((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => {}),
    );
    return postgresUrl(name);
  }

  it("migrates and seeds an empty database, serves the story, and exits 0 on SIGTERM; restarting seeds nothing twice", async () => {
    const databaseUrl = await emptyDatabaseUrl();
    // The way without a template database (an install that has none, or a template of other migrations).
    const first = await startLedeProcess({ DATABASE_URL: databaseUrl, START_FROM_TEMPLATE: "off" });
    cleanups.push(() => void first.child.kill("SIGKILL"));
    const health = await fetch(`${first.baseUrl}/health`);
    expect(health.status).toBe(200);
    // the comment widget is served with no build step (its bundle is committed)
    const widget = await fetch(`${first.baseUrl}/embed/comments.js`);
    expect(widget.status).toBe(200);
    expect(widget.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    expect(await widget.text()).toContain("data-lede-comments");
    // GraphiQL's page and its files, read by the bundle from render-graphiql (kept outside the bundle)
    const page = await fetch(`${first.baseUrl}/graphql`, { headers: { accept: "text/html" } });
    const bundle = /\/assets\/graphiql\/graphiql\.[0-9a-f]{16}\.js/.exec(await page.text())?.[0];
    const graphiql = await fetch(`${first.baseUrl}${bundle}`);
    expect(graphiql.status).toBe(200);
    expect(graphiql.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    const data = (await graphqlOver(first.baseUrl, STORY)) as {
      data: {
        article: { headline: string; bylines: { person: { name: string } }[]; media: unknown[] };
        articles: { totalCount: number };
        people: { totalCount: number };
      };
    };
    expect(data.data.article.bylines[0]!.person.name).toBe("Rich Booth");
    expect(data.data.article.media).toHaveLength(3);
    expect(first.output()).toMatch(/seeded an empty database/);
    expect(await first.stop()).toBe(0);

    const second = await startLedeProcess({ DATABASE_URL: databaseUrl });
    cleanups.push(() => void second.child.kill("SIGKILL"));
    expect(second.output()).not.toMatch(/seeded an empty database/);
    // everything is migrated already: the second start does not run the Prisma CLI
    expect(first.output()).toMatch(/migrations applied/);
    expect(second.output()).not.toMatch(/migrations applied/);
    const again = (await graphqlOver(second.baseUrl, STORY)) as typeof data;
    expect(again.data.articles.totalCount).toBe(data.data.articles.totalCount);
    expect(again.data.people.totalCount).toBe(data.data.people.totalCount);
    expect(await second.stop()).toBe(0);
  }, 90_000); // two starts of a real process, each migrating or bundling on a loaded machine

  it.skipIf(provider !== "sqlite")(
    "starts a new SQLite database from the install's template: no migration, no seed, the same story",
    async () => {
      // What npm ci ran after installing: it builds the template unless the current one exists.
      const build = spawnSync(process.execPath, ["src/start.mjs", "--build"], { cwd: PROJECT_ROOT, encoding: "utf8" });
      expect(build.status, build.stdout + build.stderr).toBe(0);
      expect(existsSync(templatePath())).toBe(true);
      const lede = await startLedeProcess({ DATABASE_URL: await emptyDatabaseUrl() });
      cleanups.push(() => void lede.child.kill("SIGKILL"));
      const data = (await graphqlOver(lede.baseUrl, STORY)) as {
        data: { article: { bylines: { person: { name: string } }[] }; articles: { totalCount: number } };
      };
      expect(data.data.article.bylines[0]!.person.name).toBe("Rich Booth");
      expect(lede.output()).toMatch(/started from the template database/);
      expect(lede.output()).not.toMatch(/migrations applied/);
      expect(lede.output()).not.toMatch(/seeded an empty database/);
      expect(await lede.stop()).toBe(0);
    },
  );

  it("runs from a bundle of the sources that is at least as new as every one of them", () => {
    // The starts above built it if a source had changed (src/start.mjs); a stale bundle would run old code.
    const bundle = statSync(join(PROJECT_ROOT, ".build", "lede.mjs"));
    const newest = (path: string): number => {
      const stat = statSync(path);
      if (!stat.isDirectory()) return stat.mtimeMs;
      return Math.max(stat.mtimeMs, ...readdirSync(path).map((entry) => newest(join(path, entry))));
    };
    expect(bundle.mtimeMs).toBeGreaterThanOrEqual(newest(join(PROJECT_ROOT, "src")));
    // Built from main.ts: its source map names it (the bundle itself has no comments left to say so).
    const map = JSON.parse(readFileSync(join(PROJECT_ROOT, ".build", "lede.mjs.map"), "utf8")) as { sources: string[] };
    expect(map.sources.some((source) => source.endsWith("src/main.ts"))).toBe(true);
    // V8 keeps the bundle's text for the life of the process: ASCII only, so it is stored a byte a character.
    expect(readFileSync(join(PROJECT_ROOT, ".build", "lede.mjs"), "latin1")).not.toMatch(/[^\x00-\x7f]/);
  });
});
