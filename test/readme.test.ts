// The README's examples for web and mobile integrators, run as written against a real Lede on a real port: the
// shell blocks with bash and curl, the Apollo Client setup with tsx. Only the address changes.
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { skipDatabase, startLede, type TestLede } from "./support/lede.js";

const run = promisify(execFile);
const root = resolve(import.meta.dirname, "..");

/** The code blocks marked `<!-- readme-test: name -->` in README.md, by name. */
function readmeExamples(markdown: string): Map<string, { language: string; code: string }> {
  const examples = new Map<string, { language: string; code: string }>();
  for (const match of markdown.matchAll(/<!-- readme-test: ([\w-]+) -->\s*```(\w+)\n([\s\S]*?)```/g)) {
    examples.set(match[1]!, { language: match[2]!, code: match[3]! });
  }
  return examples;
}

describe.skipIf(skipDatabase)("README examples for web and mobile clients", () => {
  let lede: TestLede;
  let base: string;
  // Inside the project, so that the Apollo example resolves @apollo/client from node_modules (which git ignores).
  const scratch = join(root, "node_modules/.cache");
  let dir: string;
  const examples = readmeExamples(readFileSync(join(root, "README.md"), "utf8"));
  const example = (name: string) => {
    const found = examples.get(name);
    if (!found) throw new Error(`README.md has no example marked readme-test: ${name}`);
    return found.code.replaceAll("http://localhost:4000", base);
  };
  const bash = async (script: string) => {
    const { stdout } = await run("bash", ["-euo", "pipefail", "-c", script], { cwd: dir, timeout: 30_000 });
    return stdout;
  };

  beforeAll(async () => {
    lede = await startLede();
    base = await lede.listen();
    mkdirSync(scratch, { recursive: true });
    dir = mkdtempSync(join(scratch, "lede-readme-"));
  });
  afterAll(async () => {
    await lede?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("has the six examples", () => {
    expect([...examples.keys()].sort()).toEqual(["apollo", "apq", "defer", "etag", "feeds", "liveblog"]);
  });

  it("reads the front page's Atom feed and revalidates the sitemap index: 304", async () => {
    const [entries, status] = (await bash(example("feeds"))).trim().split("\n");
    expect(Number(entries)).toBeGreaterThan(0);
    expect(status).toBe("304");
  });

  it("revalidates a GET query with its ETag: 304", async () => {
    const output = await bash(example("etag"));
    expect(output).toMatch(/^ETag: "[\w-]{32}"\n304\n$/);
  });

  it("walks the persisted-query flow: not found, registered, then by hash alone", async () => {
    const [unknown, registered, byHash] = (await bash(example("apq")))
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(unknown.errors[0].extensions.code).toBe("PERSISTED_QUERY_NOT_FOUND");
    expect(registered.data.article.headline).toMatch(/Wagner/);
    expect(byHash).toEqual(registered);
  });

  it("reads the sample live blog", async () => {
    const { data } = JSON.parse(await bash(example("liveblog")));
    expect(data.article.liveBlog).toMatchObject({
      isLive: false,
      pinnedUpdate: { title: "No asylum, but no return to Russia either" },
      summary: { title: "Where things stand tonight" },
      liveUpdates: { totalCount: 6 },
    });
    expect(data.article.liveBlog.liveUpdates.edges.map((e: { node: { sequence: number } }) => e.node.sequence)).toEqual(
      [6, 5],
    );
  });

  it("streams a deferred field in a multipart response", async () => {
    const output = await bash(example("defer"));
    expect(output).toContain('"hasNext":true');
    expect(output).toMatch(/"incremental":\[\{"data":\{"mentions":\{"totalCount":\d+\}\}/);
  });

  it("runs the Apollo Client setup as written", async () => {
    // .mts: an ES module, as in a project with "type": "module" (the example awaits at the top level)
    const file = join(dir, "apollo-setup.mts");
    writeFileSync(file, example("apollo"));
    const { stdout } = await run(process.execPath, [join(root, "node_modules/tsx/dist/cli.mjs"), file], {
      cwd: dir,
      timeout: 60_000,
    });
    expect(stdout.trim()).toMatch(/^Ex-Wagner commander/);
  });
});
