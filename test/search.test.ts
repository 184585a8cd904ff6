// Full-text search on the seeded story: the obvious query finds the obvious hit first, alternate names match,
// highlights mark the terms, facets count the whole result, and hostile queries never cause a 500.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  SearchDocument,
  SearchFacetsDocument,
  SearchPageDocument,
  type SearchQueryVariables,
} from "./generated/graphql.js";
import { CLOSED_SLUG, DRAFT_SLUG, REFERENCE_SLUG, staff } from "./support/fixtures.js";
import { describeFailure, expectErrorCode, provider, skipDatabase, startLede, type TestLede } from "./support/lede.js";

const nodeSlug = (node: { __typename: string } & { slug?: string }) => `${node.__typename}:${node.slug}`;

describe.skipIf(skipDatabase)(`search (${provider})`, () => {
  let lede: TestLede;
  beforeAll(async () => {
    lede = await startLede();
  });
  afterAll(async () => {
    await lede?.close();
  });

  const search = (variables: SearchQueryVariables, token?: string) =>
    lede.query(SearchDocument, variables, token ? { token } : {});

  it("finds the obvious article first for the obvious query", async () => {
    const { search: result } = await search({ query: "Norway asylum Wagner commander", types: ["ARTICLE"] });
    expect(nodeSlug(result.edges[0]!.node as never), JSON.stringify(result, null, 2)).toBe(`Article:${REFERENCE_SLUG}`);
    const prigozhin = await search({ query: "who was Prigozhin", types: ["ARTICLE"] });
    expect(nodeSlug(prigozhin.search.edges[0]!.node as never)).toBe(`Article:${CLOSED_SLUG}`);
  });

  it("finds a person by another spelling of the name, first", async () => {
    const { search: result } = await search({ query: "Andrey Medvedev" });
    expect(nodeSlug(result.edges[0]!.node as never), JSON.stringify(result.edges.slice(0, 3), null, 2)).toBe(
      "Person:andrei-medvedev",
    );
    const names = result.edges[0]!.highlights.find((h) => h.field === "ALTERNATE_NAMES");
    expect(names?.html).toContain("<mark>Andrey</mark> <mark>Medvedev</mark>");
    const evgeny = await search({ query: "Evgeny", types: ["PERSON"] });
    expect(evgeny.search.edges.map((e) => nodeSlug(e.node as never))).toEqual(["Person:yevgeny-prigozhin"]);
  });

  it("marks matched terms in escaped HTML and in fragments", async () => {
    const { search: result } = await search({ query: "Wagner", types: ["ARTICLE"], first: 3 });
    expect(result.edges.length).toBeGreaterThan(0);
    for (const edge of result.edges) {
      expect(edge.highlights.length, JSON.stringify(edge)).toBeGreaterThan(0);
      for (const h of edge.highlights) {
        expect(h.fragments.some((f) => f.matched && /wagner/i.test(f.text))).toBe(true);
        expect(h.html).toMatch(/<mark>wagner<\/mark>/i);
      }
    }
  });

  it("supports phrases, exclusions, OR and prefixes", async () => {
    const slugs = async (query: string) =>
      (await search({ query, types: ["ARTICLE"] })).search.edges.map((e) => nodeSlug(e.node as never));
    const all = await slugs("Wagner");
    expect(all.length).toBeGreaterThanOrEqual(3);
    const without = await slugs("Wagner -Prigozhin");
    expect(without).not.toContain(`Article:${CLOSED_SLUG}`);
    expect(without.length).toBeLessThan(all.length);
    expect(await slugs('"said no to asylum"')).toEqual([
      "Article:why-norway-refused-wagner-deserter-asylum-but-wont-send-him-back",
    ]);
    expect(await slugs('"asylum no said"')).toEqual([]);
    const either = await slugs("Utkin OR Risnes");
    expect(either).toEqual(
      expect.arrayContaining([...new Set([...(await slugs("Utkin")), ...(await slugs("Risnes"))])]),
    );
    expect(await slugs("Prigo*")).toContain(`Article:${CLOSED_SLUG}`);
  });

  it("shows drafts to editors only", async () => {
    const anonymous = await search({ query: "Medvedev case deserting", types: ["ARTICLE"] });
    expect(anonymous.search.edges.map((e) => nodeSlug(e.node as never))).not.toContain(`Article:${DRAFT_SLUG}`);
    const editor = await staff(lede, "EDITOR");
    const edited = await search({ query: "Medvedev case deserting", types: ["ARTICLE"] }, editor.token);
    expect(nodeSlug(edited.search.edges[0]!.node as never)).toBe(`Article:${DRAFT_SLUG}`);
  });

  it("narrows article hits with an ArticleFilter", async () => {
    const { search: result } = await search({ query: "Wagner", filter: { tag: "yevgeny-prigozhin" } });
    const slugs = result.edges.map((e) => nodeSlug(e.node as never));
    expect(slugs.filter((s) => s.startsWith("Article:"))).toEqual([`Article:${CLOSED_SLUG}`]);
    expect(slugs).toContain("Organisation:wagner-group");
    const { search: none } = await search({ query: "Wagner", filter: { tag: "explainers", NOT: { tag: "arctic" } } });
    expect(none.edges.filter((e) => e.node.__typename === "Article")).toEqual([]);
  });

  it("counts facets over the whole result", async () => {
    const { search: result } = await lede.query(SearchFacetsDocument, { query: "Wagner" });
    const total = result.facets.types.reduce((sum, f) => sum + f.count, 0);
    expect(total).toBe(result.totalCount);
    const articles = result.facets.types.find((f) => f.type === "ARTICLE")!.count;
    expect(articles).toBe(3);
    expect(result.facets.sections.reduce((s, f) => s + f.count, 0)).toBe(articles);
    expect(result.facets.months.reduce((s, f) => s + f.count, 0)).toBe(articles);
    expect(result.facets.months.every((m) => /^\d{4}-\d{2}$/.test(m.value))).toBe(true);
    expect(result.facets.tags.find((t) => t.value === "wagner-group")?.count).toBe(3);
    const wagner = result.facets.entities.find((e) => nodeSlug(e.entity as never) === "Organisation:wagner-group");
    expect(wagner?.count).toBe(3);
    for (let i = 1; i < result.facets.entities.length; i++) {
      expect(result.facets.entities[i - 1]!.count).toBeGreaterThanOrEqual(result.facets.entities[i]!.count);
    }
  });

  it("answers hostile queries with results or BAD_USER_INPUT, never a 500", async () => {
    const nasty = [
      '"',
      '""',
      '"unterminated phrase',
      "(",
      ")",
      "((Wagner",
      "Wagner)",
      "NEAR(Wagner Norway, 2)",
      "Wagner NEAR Norway",
      "*",
      "**Wagner",
      "Wag*ner",
      "Wagner*",
      "-",
      "--",
      "-Wagner",
      "OR",
      "Wagner OR",
      "OR OR OR",
      "AND",
      "NOT Wagner",
      "Wagner NOT",
      "title:Wagner",
      "{title}: Wagner",
      "^Wagner",
      "Wagner:*",
      "'",
      "Wagner' OR '1'='1",
      '\'; DROP TABLE "Article"; --',
      "\\",
      "!!Wagner",
      "&|!<->",
      "Wagner <-> Norway",
      "Wagner & Norway | Oslo",
      "   ",
      "",
      "😀",
      "Prigozhin's",
      "Пригожин",
      "ÆØÅ",
      "a".repeat(1000),
      "Wagner ".repeat(142),
      "x".repeat(1001),
      "%_%",
      "\u200b",
    ];
    for (const query of nasty) {
      const result = await lede.execute(SearchDocument, { query });
      if (result.errors) {
        expectErrorCode(result, "BAD_USER_INPUT", { document: SearchDocument, variables: { query } });
        expect(result.errors[0]!.extensions?.field).toBe("query");
      } else {
        expect(result.data?.search, describeFailure(SearchDocument, { query }, result)).toBeTruthy();
      }
    }
  });

  it("runs GraphiQL's search tab", async () => {
    const { SEARCH_EXAMPLE_QUERY } = await import("../src/plugins/graphiql-tabs.js");
    const data = await lede.query<{ search: { totalCount: number } }, object>(SEARCH_EXAMPLE_QUERY, {});
    expect(data.search.totalCount).toBeGreaterThan(0);
  });

  it("rejects bad cursors and page sizes", async () => {
    for (const variables of [
      { query: "Wagner", after: "nope" },
      { query: "Wagner", after: Buffer.from("[1,2,3]").toString("base64url") },
      { query: "Wagner", first: 101 },
      { query: "Wagner", first: -1 },
    ]) {
      expectErrorCode(await lede.execute(SearchDocument, variables), "BAD_USER_INPUT", {
        document: SearchDocument,
        variables,
      });
    }
    const { search: page } = await lede.query(SearchPageDocument, { query: "Wagner", first: 2 });
    for (const [variables, field] of [
      [{ query: "Wagner", before: "nope" }, "before"],
      [{ query: "Wagner", last: 101 }, "last"],
      [{ query: "Wagner", first: 2, last: 2 }, "first"],
      [{ query: "Wagner", after: page.pageInfo.endCursor, before: page.pageInfo.endCursor }, "after"],
    ] as const) {
      const result = await lede.execute(SearchPageDocument, variables);
      expectErrorCode(result, "BAD_USER_INPUT", { document: SearchPageDocument, variables });
      expect(result.errors![0]!.extensions?.field).toBe(field);
    }
  });
});
