// README.md's examples are all accounted for: every GraphQL and shell block is marked for a test
// (test/readme.test.ts runs it) or says why not, variables blocks belong to an example, the limits table has a status
// for each per-request limit, and what the README says about GraphiQL's tabs matches the tabs it ships.
import { Kind, parse } from "graphql";
import { describe, expect, it } from "vitest";
import { graphiqlTabs } from "../../src/plugins/graphiql-tabs.js";
import { loadConfig } from "../../src/platform/config.js";
import { limitRows, overLimitDocument, readmeBlocks, readReadme, RUNNABLE_LANGUAGES } from "../support/readme.js";

const markdown = readReadme();
const blocks = readmeBlocks(markdown);

describe("reading the README's blocks", () => {
  it("finds fenced blocks, indented ones too, with the marker above them", () => {
    const sample = [
      "Text.",
      "",
      "<!-- readme-test: first -->",
      "",
      "```graphql",
      "{ __typename }",
      "```",
      "",
      "- a list item:",
      "",
      "  <!-- readme-skip: needs a terminal -->",
      "",
      "  ```sh",
      "  npm run token -- list",
      "  ```",
      "",
      "<!-- readme-variables: first -->",
      "```json",
      '{ "a": 1 }',
      "```",
      "```ts",
      "const unmarked = 1;",
      "```",
    ].join("\n");
    expect(readmeBlocks(sample)).toEqual([
      { language: "graphql", code: "{ __typename }\n", line: 5, name: "first" },
      { language: "sh", code: "npm run token -- list\n", line: 13, skipReason: "needs a terminal" },
      { language: "json", code: '{ "a": 1 }\n', line: 18, variablesFor: "first" },
      { language: "ts", code: "const unmarked = 1;\n", line: 21 },
    ]);
  });

  it("reads a limits table row's statuses: 'json / graphql-response' or one for both", () => {
    const table = [
      "| Limit | Setting (default) | When hit |",
      "| ----- | ----------------- | -------- |",
      "| Query depth | `MAX_DEPTH` (15) | 200 / 400, `LIMIT_EXCEEDED` |",
      "| Request body | `MAX_BODY_BYTES` (102400) | 413, `LIMIT_EXCEEDED` |",
      "| Page size | fixed: 100 | `BAD_USER_INPUT` |",
    ].join("\n");
    expect(limitRows(table)).toEqual([
      { setting: "MAX_DEPTH", jsonStatus: 200, graphqlResponseStatus: 400 },
      { setting: "MAX_BODY_BYTES", jsonStatus: 413, graphqlResponseStatus: 413 },
    ]);
  });
});

describe("README.md's examples", () => {
  it("marks every GraphQL and shell block for a test, or (shell only) gives the reason it is not run", () => {
    const unaccounted = blocks
      .filter((block) => RUNNABLE_LANGUAGES.has(block.language) && !block.name)
      .filter((block) => block.language === "graphql" || (block.skipReason?.split(/\s+/).length ?? 0) < 3)
      .map((block) => `line ${block.line} (${block.language}): ${block.code.split("\n")[0]}`);
    expect(
      unaccounted,
      "above a GraphQL block put <!-- readme-test: name --> and a promise in test/readme.test.ts; above a shell " +
        "block that, or <!-- readme-skip: why it is not run -->",
    ).toEqual([]);
  });

  it("gives each example a name of its own", () => {
    const names = blocks.flatMap((block) => (block.name ? [block.name] : []));
    expect(names.filter((name, i) => names.indexOf(name) !== i)).toEqual([]);
  });

  it("gives each variables block to a GraphQL example that declares variables, as a JSON object", () => {
    for (const block of blocks.filter((b) => b.variablesFor)) {
      expect(block.language, `line ${block.line}`).toBe("json");
      expect(JSON.parse(block.code), `line ${block.line}`).toBeTypeOf("object");
      const owner = blocks.find((b) => b.name === block.variablesFor && b.language === "graphql");
      expect(owner, `line ${block.line}: no GraphQL example ${block.variablesFor}`).toBeDefined();
      expect(owner!.code, `line ${block.line}`).toMatch(/\$\w+/);
    }
  });

  it("shows variables for every GraphQL example that declares them", () => {
    const declaring = blocks.filter(
      (block) =>
        block.language === "graphql" &&
        parse(block.code).definitions.some(
          (d) => d.kind === Kind.OPERATION_DEFINITION && d.variableDefinitions?.length,
        ),
    );
    for (const block of declaring) {
      expect(
        blocks.some((b) => b.variablesFor === block.name),
        `line ${block.line}: ${block.name} declares variables; show them in a <!-- readme-variables: ${block.name} --> block`,
      ).toBe(true);
    }
  });

  it("gives an HTTP status for each per-request limit in the limits table, and the test a document over each", () => {
    const settings = limitRows(markdown).map((row) => row.setting);
    const perRequest = ["MAX_DEPTH", "MAX_ALIASES", "MAX_DIRECTIVES", "MAX_TOKENS", "MAX_COST", "MAX_BODY_BYTES"];
    expect(settings).toEqual(expect.arrayContaining(perRequest));
    for (const setting of settings) expect(overLimitDocument(setting, loadConfig({}).limits)).toMatch(/^\{ /);
  });
});

describe("README.md on GraphiQL's tabs", () => {
  /** Each tab's operation names, in the order GraphiQL opens them. */
  const tabOperations = graphiqlTabs.map((tab) =>
    parse(tab.query).definitions.flatMap((d) => (d.kind === Kind.OPERATION_DEFINITION && d.name ? [d.name.value] : [])),
  );

  it("names the tabs in the order GraphiQL opens them", () => {
    const paragraph = markdown.split("\n\n").find((p) => p.includes("Open that address in a browser for GraphiQL"));
    expect(paragraph, "the paragraph of 'Run it' that introduces GraphiQL").toBeDefined();
    const named = [...paragraph!.matchAll(/`([A-Z][A-Za-z]+)`/g)].map((match) => match[1]);
    expect(named).toEqual(tabOperations.flat());
  });

  it("counts the tabs right where it names one by its place", () => {
    const ordinals = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh"];
    const mentions = [...markdown.matchAll(/its (first|second|third|fourth|fifth|sixth|seventh) tab,\s+`(\w+)`/g)];
    expect(mentions.length).toBeGreaterThan(0);
    for (const [text, ordinal, operation] of mentions) {
      expect(tabOperations[ordinals.indexOf(ordinal!)]?.[0], text).toBe(operation);
    }
  });
});
