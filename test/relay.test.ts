// Relay compatibility: relay-compiler (the npm package, with its bundled binary) compiles the fragments in
// test/relay/ against schema/schema.graphql. @refetchable and @connection only compile against a schema with the
// Node interface, node(id:) and Relay connections, so this is Lede's conformance test for Relay clients.
import { execFile } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { buildSchema, parse, validate } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REFERENCE_SLUG } from "./support/fixtures.js";
import { skipDatabase, startLede, type TestLede } from "./support/lede.js";

const run = promisify(execFile);
const root = resolve(import.meta.dirname, "..");
const compiler = join(root, "node_modules/relay-compiler/cli.js");
const workspaces: string[] = [];

async function compile(dir: string): Promise<{ ok: boolean; output: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [compiler], { cwd: dir, timeout: 120_000 });
    return { ok: true, output: stdout + stderr };
  } catch (error) {
    const failure = error as { stdout?: string; stderr?: string };
    return { ok: false, output: `${failure.stdout ?? ""}${failure.stderr ?? ""}` };
  }
}

const relaySources = () =>
  Object.fromEntries(
    readdirSync(join(root, "test/relay")).map((name) => [name, readFileSync(join(root, "test/relay", name), "utf8")]),
  );

/** A scratch Relay project: the sources of test/relay/ plus `extra`, the committed schema, and a config. */
function withSrc(extra: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "lede-relay-"));
  rmSync(dir, { recursive: true });
  cpSync(join(root, "test/relay"), join(dir, "src"), { recursive: true });
  workspaces.push(dir);
  cpSync(join(root, "schema/schema.graphql"), join(dir, "schema.graphql"));
  for (const [name, text] of Object.entries(extra)) writeFileSync(join(dir, "src", name), text);
  writeFileSync(
    join(dir, "relay.config.json"),
    JSON.stringify({ src: "./src", schema: "./schema.graphql", language: "typescript", eagerEsModules: true }),
  );
  return dir;
}

/** The operation text Relay will send, from a compiled artifact. */
function operationText(generated: string, name: string): string {
  const artifact = readFileSync(join(generated, `${name}.graphql.ts`), "utf8");
  const text = /"text": ("(?:[^"\\]|\\.)*")/.exec(artifact)?.[1];
  if (!text) throw new Error(`no operation text in ${name}`);
  return JSON.parse(text) as string;
}

describe("Relay", () => {
  let generated: string;
  afterAll(() => {
    for (const dir of workspaces) rmSync(dir, { recursive: true, force: true });
  });

  it("compiles refetchable fragments and connections against the schema", async () => {
    expect(Object.keys(relaySources()).length).toBeGreaterThanOrEqual(3);
    const dir = withSrc({});
    const result = await compile(dir);
    expect(result.ok, result.output).toBe(true);
    generated = join(dir, "src/__generated__");
    // @refetchable on a Node type refetches through node(id:)
    expect(operationText(generated, "ArticleCardRefetchQuery")).toMatch(/node\(id: \$id\)/);
    // @connection paginates with first/after and reads edges, cursors and pageInfo
    const pagination = operationText(generated, "ArticleCommentsPaginationQuery");
    expect(pagination).toMatch(/comments\(first: \$count, after: \$cursor, orderBy: NEWEST\)/);
    expect(pagination).toMatch(/cursor\s+\}\s+pageInfo \{\s+endCursor\s+hasNextPage/);
    // and every operation Relay would send is valid against the schema
    const schema = buildSchema(readFileSync(join(root, "schema/schema.graphql"), "utf8"));
    for (const name of [
      "FrontPageQuery",
      "FrontPagePaginationQuery",
      "FrontPagePersonMentionsQuery",
      "FrontPageArticleQuery",
    ]) {
      expect(validate(schema, parse(operationText(generated, name))).map(String), name).toEqual([]);
    }
  });

  it("fails on a fragment that does not match the schema, naming the field", async () => {
    const dir = withSrc({
      "Broken.ts":
        "const graphql = String.raw;\nexport const broken = graphql`\n  fragment Broken_article on Article {\n    id\n    kicker\n  }\n`;\n",
    });
    const result = await compile(dir);
    expect(result.ok).toBe(false);
    expect(result.output).toMatch(/kicker/);
  });

  describe.skipIf(skipDatabase)("the compiled operations against a running Lede", () => {
    let lede: TestLede;
    beforeAll(async () => {
      lede = await startLede();
    });
    afterAll(async () => {
      await lede?.close();
    });

    it("pages the front page and refetches an article's comments through node(id:)", async () => {
      const page = operationText(generated, "FrontPagePaginationQuery");
      type Page = {
        articles: { edges: { node: { id: string } }[]; pageInfo: { endCursor: string; hasNextPage: boolean } };
      };
      const first = (await lede.query(page, { count: 2 })) as Page;
      expect(first.articles.edges).toHaveLength(2);
      expect(first.articles.pageInfo.hasNextPage).toBe(true);
      const second = (await lede.query(page, { count: 2, cursor: first.articles.pageInfo.endCursor })) as Page;
      expect(second.articles.edges[0]!.node.id).not.toBe(first.articles.edges[0]!.node.id);
      const article = (await lede.query(operationText(generated, "FrontPageArticleQuery"), {
        slug: REFERENCE_SLUG,
      })) as {
        article: { id: string; headline: string; comments: { edges: unknown[] } };
      };
      expect(article.article.headline).toMatch(/Wagner/);
      const refetched = (await lede.query(operationText(generated, "ArticleCommentsPaginationQuery"), {
        id: article.article.id,
        count: 10,
      })) as { node: { id: string; comments: { edges: unknown[] } } };
      expect(refetched.node.id).toBe(article.article.id);
      expect(refetched.node.comments.edges).toEqual(article.article.comments.edges);
    });
  });
});
