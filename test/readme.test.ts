// README.md as a contract, run against a real seeded Lede on a real port: every GraphQL example (with its variables
// block) answers data and no error, and what the text beside it promises; the shell examples run as written with bash
// and curl, the Apollo Client setup with tsx; and the limits table's HTTP statuses hold for both media types.
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { getOperationAST, parse, type DocumentNode } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { guest, post, staff } from "./support/fixtures.js";
import { describeFailure, skipDatabase, startLede, type TestLede } from "./support/lede.js";
import { limitRows, overLimitDocument, readmeBlocks, readReadme, type ReadmeBlock } from "./support/readme.js";
import { subscribe, until, wsClientPool } from "./support/ws.js";

const run = promisify(execFile);
const root = resolve(import.meta.dirname, "..");
const markdown = readReadme();
const blocks = readmeBlocks(markdown);
const named = new Map(blocks.filter((block) => block.name).map((block) => [block.name!, block]));

/** The blocks the shell and Apollo tests below run by name. */
const SCRIPT_EXAMPLES = ["apollo", "apq", "defer", "etag", "feeds", "liveblog"];

/** An answer in the example's own shape: read loosely, checked with expect. */
type Answer = any;

interface GraphQLPromise {
  /** The role whose token the README says the example needs. */
  as?: "ADMIN";
  /** A subscription's: what makes its first event happen; check() gets that event. */
  trigger?: () => Promise<void>;
  /** What the text beside the block says the answer holds. */
  check(data: Answer): void;
}

function variablesOf(name: string): Record<string, unknown> | undefined {
  const block = blocks.find((b) => b.variablesFor === name);
  return block ? (JSON.parse(block.code) as Record<string, unknown>) : undefined;
}

function example(name: string): ReadmeBlock {
  const found = named.get(name);
  if (!found) throw new Error(`README.md has no example marked readme-test: ${name}`);
  return found;
}

describe.skipIf(skipDatabase)("README examples", () => {
  let lede: TestLede;
  let base: string;
  // Inside the project, so that the Apollo example resolves @apollo/client from node_modules (which git ignores).
  const scratch = join(root, "node_modules/.cache");
  let dir: string;
  const sockets = wsClientPool(() => base);
  const script = (name: string) => example(name).code.replaceAll("http://localhost:4000", base);
  const bash = async (text: string) => {
    const { stdout } = await run("bash", ["-euo", "pipefail", "-c", text], { cwd: dir, timeout: 30_000 });
    return stdout;
  };

  beforeAll(async () => {
    lede = await startLede();
    base = await lede.listen();
    mkdirSync(scratch, { recursive: true });
    dir = mkdtempSync(join(scratch, "lede-readme-"));
  });
  afterAll(async () => {
    await sockets.disposeClients();
    await lede?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  describe("GraphQL examples", () => {
    const REFERENCE_HEADLINE = /^Ex-Wagner commander who escaped to Norway/;
    const EXPLAINER_HEADLINE = /^Why Norway said no to asylum for a Wagner deserter/;
    const postedBody = "Following the story from Tromsø";
    const promises: Record<string, GraphQLPromise> = {
      "reference-story": {
        check: ({ article }) => {
          expect(article.headline).toMatch(REFERENCE_HEADLINE);
          expect(article.bylines.map((b: Answer) => b.person.name)).toEqual(["Rich Booth"]);
          expect(article.corrections).toHaveLength(1);
          expect(article.mentions.totalCount).toBeGreaterThan(0);
          // the id the live example's variables say comes from this query
          expect(variablesOf("comment-events")).toEqual({ articleId: article.id });
        },
      },
      "person-graph": {
        check: ({ person }) => {
          expect(person.name).toBe("Andrei Medvedev");
          expect(person.affiliations.edges.map((e: Answer) => e.node.organisation.name)).toContain("Wagner Group");
          expect(person.mentionedIn.totalCount).toBeGreaterThan(0);
        },
      },
      "people-ids": {
        // The ids the later examples use are the ones this list shows.
        check: ({ people }) => {
          const idOf = (name: string) => people.edges.find((e: Answer) => e.node.name === name)?.node.id;
          expect(variablesOf("timeline")).toEqual({ person: idOf("Andrei Medvedev") });
          expect(example("article-filter").code).toContain(`byline: "${idOf("Sam Okafor")}"`);
        },
      },
      timeline: {
        check: ({ timeline }) => {
          const nodes = timeline.edges.map((e: Answer) => e.node);
          expect(timeline.totalCount).toBe(9);
          expect(nodes.filter((n: Answer) => n.kind === "EVENT")).toHaveLength(6);
          expect(nodes.filter((n: Answer) => n.kind === "ARTICLE")).toHaveLength(3);
          expect(nodes[0].date.text).toBe("January 2023");
          expect(nodes.at(-1).item.headline).toMatch(EXPLAINER_HEADLINE);
        },
      },
      "article-filter": {
        check: ({ articles }) => {
          expect(articles.totalCount).toBe(2);
          const nodes = articles.edges.map((e: Answer) => e.node);
          expect(nodes.map((n: Answer) => n.commentCount)).toEqual([12, 3]);
          expect(nodes[0].headline).toMatch(REFERENCE_HEADLINE);
          expect(nodes[1].headline).toMatch(EXPLAINER_HEADLINE);
        },
      },
      search: {
        check: ({ search }) => {
          expect(search.totalCount).toBe(2);
          const found = search.edges.map((e: Answer) => e.node.name ?? e.node.headline);
          expect(found).toHaveLength(2);
          expect(found).toContain("Andrei Medvedev");
          expect(found.find((text: string) => text !== "Andrei Medvedev")).toMatch(EXPLAINER_HEADLINE);
          for (const edge of search.edges) expect(edge.highlights.length).toBeGreaterThan(0);
          const types = [...search.facets.types].sort((a: Answer, b: Answer) => a.type.localeCompare(b.type));
          expect(types).toEqual([
            { type: "ARTICLE", count: 1 },
            { type: "PERSON", count: 1 },
          ]);
        },
      },
      "comment-events": {
        trigger: async () => {
          const reader = await guest(lede, "Ingrid");
          const articleId = variablesOf("comment-events")!.articleId as string;
          await post(lede, reader.token, { articleId, body: postedBody });
        },
        check: ({ commentEvents }) => {
          expect(commentEvents).toMatchObject({
            kind: "ADDED",
            comment: { body: postedBody, status: "VISIBLE", author: { displayName: "Ingrid" } },
          });
        },
      },
      "webhook-endpoint": {
        as: "ADMIN",
        check: ({ createWebhookEndpoint }) => {
          expect(createWebhookEndpoint.secret).toMatch(/^whsec_/);
          expect(createWebhookEndpoint.endpoint.id).toEqual(expect.any(String));
        },
      },
    };
    const graphqlBlocks = blocks.filter((block) => block.language === "graphql" && block.name);

    it("has a promise to check for every GraphQL example, and none for an example that is gone", () => {
      expect(graphqlBlocks.map((block) => block.name).sort()).toEqual(Object.keys(promises).sort());
    });

    /** Runs a subscription over graphql-ws, makes its first event happen, and returns that event. */
    async function firstEvent(document: DocumentNode, variables: Record<string, unknown>, promise: GraphQLPromise) {
      const feed = await subscribe(lede, sockets.client(), document, variables);
      try {
        await promise.trigger!();
        await until(() => feed.results.length > 0 || feed.errors.length > 0, "the subscription's first event");
        return { data: feed.results[0], errors: feed.errors.length > 0 ? feed.errors : undefined };
      } finally {
        feed.dispose();
      }
    }

    it.each(graphqlBlocks.map((block) => [block.name!, block] as const))(
      "%s runs as written and answers what the README says",
      async (name, block) => {
        const promise = promises[name];
        if (!promise) throw new Error(`no promise to check for the README's GraphQL example ${name}`);
        const document = parse(block.code);
        const variables = variablesOf(name);
        const result =
          getOperationAST(document)?.operation === "subscription"
            ? await firstEvent(document, variables ?? {}, promise)
            : await lede.execute(block.code, variables, {
                token: promise.as ? (await staff(lede, promise.as)).token : undefined,
              });
        if (result.errors || !result.data) throw new Error(describeFailure(block.code, variables, result));
        promise.check(result.data);
      },
    );
  });

  describe("shell examples", () => {
    it("runs every shell example the README marks for a test", () => {
      const marked = blocks.filter((block) => block.name && block.language !== "graphql").map((block) => block.name);
      expect(marked.sort()).toEqual(SCRIPT_EXAMPLES);
    });

    it("reads the front page's Atom feed and revalidates the sitemap index: 304", async () => {
      const [entries, status] = (await bash(script("feeds"))).trim().split("\n");
      expect(Number(entries)).toBeGreaterThan(0);
      expect(status).toBe("304");
    });

    it("revalidates a GET query with its ETag: 304", async () => {
      const output = await bash(script("etag"));
      expect(output).toMatch(/^ETag: "[\w-]{32}"\n304\n$/);
    });

    it("walks the persisted-query flow: not found, registered, then by hash alone", async () => {
      const [unknown, registered, byHash] = (await bash(script("apq")))
        .trim()
        .split("\n")
        .map((l) => JSON.parse(l));
      expect(unknown.errors[0].extensions.code).toBe("PERSISTED_QUERY_NOT_FOUND");
      expect(registered.data.article.headline).toMatch(/Wagner/);
      expect(byHash).toEqual(registered);
    });

    it("reads the sample live blog", async () => {
      const { data } = JSON.parse(await bash(script("liveblog")));
      expect(data.article.liveBlog).toMatchObject({
        isLive: false,
        pinnedUpdate: { title: "No asylum, but no return to Russia either" },
        summary: { title: "Where things stand tonight" },
        liveUpdates: { totalCount: 6 },
      });
      expect(
        data.article.liveBlog.liveUpdates.edges.map((e: { node: { sequence: number } }) => e.node.sequence),
      ).toEqual([6, 5]);
    });

    it("streams a deferred field in a multipart response", async () => {
      const output = await bash(script("defer"));
      expect(output).toContain('"hasNext":true');
      expect(output).toMatch(/"incremental":\[\{"data":\{"mentions":\{"totalCount":\d+\}\}/);
    });

    it("runs the Apollo Client setup as written", async () => {
      // .mts: an ES module, as in a project with "type": "module" (the example awaits at the top level)
      const file = join(dir, "apollo-setup.mts");
      writeFileSync(file, script("apollo"));
      const { stdout } = await run(process.execPath, [join(root, "node_modules/tsx/dist/cli.mjs"), file], {
        cwd: dir,
        timeout: 60_000,
      });
      expect(stdout.trim()).toMatch(/^Ex-Wagner commander/);
    });
  });

  describe("the limits table", () => {
    const rows = limitRows(markdown);

    it.each(rows.map((row) => [row.setting, row] as const))(
      "%s answers the statuses the table gives, to application/json and to graphql-response+json clients",
      async (setting, row) => {
        const query = overLimitDocument(setting, lede.config.limits);
        const clients = [
          { accept: "application/json", status: row.jsonStatus },
          { accept: undefined, status: row.jsonStatus },
          { accept: "application/graphql-response+json", status: row.graphqlResponseStatus },
        ];
        for (const { accept, status } of clients) {
          const response = await fetch(`${base}/graphql`, {
            method: "POST",
            headers: { "content-type": "application/json", ...(accept ? { accept } : {}) },
            body: JSON.stringify({ query }),
          });
          const body = (await response.json()) as { data?: unknown; errors?: { extensions?: { limit?: string } }[] };
          const context = `${setting}, Accept: ${accept ?? "(none)"}: ${response.status} ${JSON.stringify(body).slice(0, 500)}`;
          expect(response.status, context).toBe(status);
          expect(body.data, context).toBeUndefined();
          expect(
            body.errors?.map((e) => e.extensions?.limit),
            context,
          ).toContain(setting);
        }
      },
    );
  });
});
