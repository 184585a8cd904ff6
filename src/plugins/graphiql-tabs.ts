// GraphiQL's example tabs, in the order they open: the reference story and its graph (the first tab, so an analyst
// sees real data on first load), then an entity's timeline, a full-text search, the sample live blog (a query and the
// subscription that follows it, in one tab), and a live comment subscription on the same story.
// The tabs' operations are written once, in schema/graphiql/tabs.graphql, and may use the fragments of
// schema/operations/; each tab's text is its introduction (the comment above it), the operation and those fragments.
import { readdirSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { Kind, parse, visit, type ASTNode, type DefinitionNode } from "graphql";
import { encodeGlobalId } from "../global-id.js";
import type { ExampleTab } from "../graphiql/page-config.js";
import { PROJECT_ROOT } from "../platform/paths.js";
import { stableId } from "../seed/seed.js";
import { SAMPLE_LIVE_BLOG } from "../seed/live-story.js";

/** The story the first tab opens on; schema/graphiql/tabs.graphql names it in ReferenceStory. */
export const REFERENCE_ARTICLE_SLUG = "ex-wagner-commander-norway-refused-asylum-allowed-to-stay";

const TABS_FILE = resolve(PROJECT_ROOT, "schema/graphiql/tabs.graphql");
const OPERATIONS_DIR = resolve(PROJECT_ROOT, "schema/operations");

interface Written {
  /** The definition as written in its file. */
  text: string;
  /** The fragments it spreads. */
  spreads: string[];
}

function spreadsIn(node: ASTNode): string[] {
  const names: string[] = [];
  visit(node, { FragmentSpread: (spread) => void names.push(spread.name.value) });
  return names;
}

function definitionsOf(path: string): { source: string; definitions: readonly DefinitionNode[] } {
  const source = readFileSync(path, "utf8");
  return { source, definitions: parse(source).definitions };
}

function written(source: string, node: DefinitionNode): Written {
  return { text: source.slice(node.loc!.start, node.loc!.end), spreads: spreadsIn(node) };
}

/** The comment lines right above `start` (a definition's first character), without a blank line between. */
function introductionBefore(source: string, start: number): string {
  const lines = source.slice(0, start).split("\n").slice(0, -1);
  const introduction: string[] = [];
  while (lines.length > 0 && lines.at(-1)!.startsWith("#")) introduction.unshift(lines.pop()!);
  return introduction.join("\n");
}

/** Every tab's text by operation name: introduction, operation, then each fragment it needs, once. */
function readTabs(): Map<string, string> {
  const fragments = new Map<string, Written>();
  for (const file of readdirSync(OPERATIONS_DIR).filter((name) => name.endsWith(".graphql"))) {
    const { source, definitions } = definitionsOf(resolve(OPERATIONS_DIR, file));
    for (const definition of definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION)
        fragments.set(definition.name.value, written(source, definition));
    }
  }
  const tabs = new Map<string, string>();
  const { source, definitions } = definitionsOf(TABS_FILE);
  for (const definition of definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION || !definition.name) continue;
    const operation = written(source, definition);
    const needed = new Set<string>();
    const visitSpreads = (names: string[]) => {
      for (const name of names) {
        if (needed.has(name)) continue;
        const fragment = fragments.get(name);
        if (!fragment) throw new Error(`${TABS_FILE}: no fragment ${name} in ${OPERATIONS_DIR}`);
        needed.add(name);
        visitSpreads(fragment.spreads);
      }
    };
    visitSpreads(operation.spreads);
    const parts = [introductionBefore(source, definition.loc!.start), operation.text];
    for (const name of needed) parts.push(fragments.get(name)!.text);
    tabs.set(definition.name.value, parts.filter(Boolean).join("\n\n") + "\n");
  }
  return tabs;
}

const tabs = readTabs();

function tab(operationName: string): string {
  const text = tabs.get(operationName);
  if (text === undefined) throw new Error(`${TABS_FILE} has no operation ${operationName}`);
  return text;
}

export const EXAMPLE_QUERY = tab("ReferenceStory");
export const TIMELINE_QUERY = tab("Timeline");
/** The search tab: full-text search with highlights and facets. */
export const SEARCH_EXAMPLE_QUERY = tab("Search");
export const LIVE_COMMENTS_SUBSCRIPTION = tab("LiveComments");

/** The live-blog tab: the sample live blog, then the subscription that follows it (GraphiQL asks which to run). */
export const LIVE_BLOG_QUERY = `${tab("SampleLiveBlog")}\n${tab("FollowLiveBlog")}`;

/** The seeded reference article's global id (seed ids derive from slugs, so it is the same in every database). */
export const REFERENCE_ARTICLE_ID = encodeGlobalId("Article", stableId("article", REFERENCE_ARTICLE_SLUG));

/** Andrei Medvedev's global id in the seed story (seed ids are derived from slugs, so it is the same everywhere). */
const MEDVEDEV_ID = encodeGlobalId("Person", stableId("person", "andrei-medvedev"));

/** The seed's sample live blog's global id. */
export const SAMPLE_LIVE_BLOG_ID = encodeGlobalId("Article", stableId("article", SAMPLE_LIVE_BLOG.slug));

export const graphiqlTabs: ExampleTab[] = [
  { query: EXAMPLE_QUERY },
  { query: TIMELINE_QUERY, variables: JSON.stringify({ entity: MEDVEDEV_ID, from: "2022-01-01T00:00:00Z" }, null, 2) },
  { query: SEARCH_EXAMPLE_QUERY },
  // The live-blog tab goes before the live comments: the order the README's tour of the tabs follows.
  {
    query: LIVE_BLOG_QUERY,
    variables: JSON.stringify({ slug: SAMPLE_LIVE_BLOG.slug, articleId: SAMPLE_LIVE_BLOG_ID }, null, 2),
  },
  { query: LIVE_COMMENTS_SUBSCRIPTION, variables: JSON.stringify({ articleId: REFERENCE_ARTICLE_ID }, null, 2) },
];
