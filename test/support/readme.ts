// README.md's code blocks with the markers above them, and its limits table: what test/readme.test.ts runs and
// test/unit/readme-examples.test.ts checks, so that every example the README shows is held to what it says.
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Config } from "../../src/platform/config.js";

export interface ReadmeBlock {
  /** The fence's language: graphql, sh, bash, json, ts, … */
  language: string;
  /** The block's text, without the indentation of its fence (a block inside a list item is indented). */
  code: string;
  /** The line of the opening fence (1-based), for messages. */
  line: number;
  /** `<!-- readme-test: name -->` right above the block: a test runs it by that name. */
  name?: string;
  /** `<!-- readme-skip: reason -->` right above the block: it is not run, for the reason given. */
  skipReason?: string;
  /** `<!-- readme-variables: name -->` right above a JSON block: the variables of the GraphQL block of that name. */
  variablesFor?: string;
}

const MARKER = /^\s*<!-- (readme-test|readme-skip|readme-variables): (.+?) -->\s*$/;
const OPENING_FENCE = /^(\s*)```(\w*)\s*$/;

/** Every fenced code block of `markdown`, in order, with the marker on the last non-blank line above it. */
export function readmeBlocks(markdown: string): ReadmeBlock[] {
  const lines = markdown.split("\n");
  const blocks: ReadmeBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const opening = OPENING_FENCE.exec(lines[i]!);
    if (!opening) continue;
    const indent = opening[1]!.length;
    const start = i;
    const body: string[] = [];
    for (i++; i < lines.length && lines[i]!.trim() !== "```"; i++) body.push(lines[i]!.slice(indent));
    const block: ReadmeBlock = { language: opening[2]!, code: body.join("\n") + "\n", line: start + 1 };
    let above = start - 1;
    while (above >= 0 && lines[above]!.trim() === "") above--;
    const marker = above >= 0 ? MARKER.exec(lines[above]!) : null;
    if (marker?.[1] === "readme-test") block.name = marker[2]!;
    if (marker?.[1] === "readme-skip") block.skipReason = marker[2]!;
    if (marker?.[1] === "readme-variables") block.variablesFor = marker[2]!;
    blocks.push(block);
  }
  return blocks;
}

/** The languages whose blocks are examples a reader runs: each needs a test or a stated reason not to have one. */
export const RUNNABLE_LANGUAGES = new Set(["graphql", "sh", "bash", "shell"]);

export interface LimitRow {
  /** The setting in backquotes in the row's second cell, e.g. MAX_DEPTH. */
  setting: string;
  /** The status a client gets that asks for application/json (or sends no Accept). */
  jsonStatus: number;
  /** The status a client gets that accepts application/graphql-response+json. */
  graphqlResponseStatus: number;
}

/** The rows of the limits table ("Running in production") whose "When hit" cell starts with an HTTP status:
 * `200 / 400` is application/json / application/graphql-response+json, a single status is both. */
export function limitRows(markdown: string): LimitRow[] {
  const rows: LimitRow[] = [];
  for (const line of markdown.split("\n")) {
    const cells = line.split("|").map((cell) => cell.trim());
    if (cells.length !== 5 || !/^`MAX_\w+`/.test(cells[2]!)) continue;
    const status = /^(\d{3})(?: \/ (\d{3}))?,/.exec(cells[3]!);
    if (!status) continue;
    rows.push({
      setting: /^`(MAX_\w+)`/.exec(cells[2]!)![1]!,
      jsonStatus: Number(status[1]),
      graphqlResponseStatus: Number(status[2] ?? status[1]),
    });
  }
  return rows;
}

/** A request document over the per-request limit `setting` (a MAX_… of the limits table), and nothing else wrong
 * with it (no unknown field, no repeated directive), so that the limit is what answers. */
export function overLimitDocument(setting: string, limits: Config["limits"]): string {
  const times = (n: number, text: string) => text.repeat(n);
  switch (setting) {
    case "MAX_DEPTH": {
      // person > affiliations > edges > node > person …: four levels a round
      const rounds = Math.ceil(limits.depth / 4);
      const nested = `${times(rounds, "affiliations(first: 1) { edges { node { person { ")}name${times(rounds, " } } } }")}`;
      return `{ person(slug: "andrei-medvedev") { ${nested} } }`;
    }
    case "MAX_ALIASES":
      return `{ ${Array.from({ length: limits.aliases + 1 }, (_, i) => `a${i}: __typename`).join(" ")} }`;
    case "MAX_DIRECTIVES":
      return `{ ${times(limits.directives + 1, "... @include(if: true) { __typename } ")}}`;
    case "MAX_TOKENS":
      return `{ ${times(limits.tokens, "__typename ")}}`;
    case "MAX_COST":
      // three nested pages of 100: about a million objects
      if (limits.cost >= 1_000_000) throw new Error(`MAX_COST ${limits.cost}: ask for more than a million objects`);
      return "{ articles(first: 100) { edges { node { comments(first: 100) { edges { node { replies(first: 100) { edges { node { id } } } } } } } } } }";
    case "MAX_BODY_BYTES":
      return `{ __typename }${" ".repeat(limits.bodyBytes)}`;
    default:
      throw new Error(`the limits table names ${setting}: say in overLimitDocument what breaks it`);
  }
}

const root = resolve(import.meta.dirname, "../..");

export function readReadme(): string {
  return readFileSync(join(root, "README.md"), "utf8");
}
