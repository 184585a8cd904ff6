// Search paging keeps its promise, checked with random cases (fast-check): a query drawn from the words of the seed
// and of a generated corpus, a page size from 1 to 100, a walk forwards (first/after) or backwards (last/before)
// page by page, sees every hit of the unpaged result exactly once and in its order, and no walk loops.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { createContext } from "../src/context.js";
import { generateCorpus } from "../src/seed/corpus.js";
import { searchPage, searchRequest, SEARCH_KINDS, type SearchKind } from "../src/services/search/search.js";
import { SearchPageDocument, type SearchPageQueryVariables, type SearchType } from "./generated/graphql.js";
import { describeFailure, provider, skipDatabase, startLede, type TestLede } from "./support/lede.js";

const CORPUS_ARTICLES = 80;
/** Enough cases to meet ties, prefixes and page sizes of 1 on every run, few enough to stay well under a minute. */
const RUNS = Number(process.env.SEARCH_PAGING_RUNS ?? 40);
/** A walk longer than this is not drawn (a page size of 1 over hundreds of hits would take the whole budget). */
const MAX_PAGES = 60;

const TYPE_OF_KIND: Record<SearchKind, SearchType> = {
  Article: "ARTICLE",
  Person: "PERSON",
  Organisation: "ORGANISATION",
  Event: "EVENT",
  Place: "PLACE",
};

interface Case {
  query: string;
  kinds: SearchKind[] | null;
  size: number;
  backwards: boolean;
}

const rawId = (globalId: string) => Buffer.from(globalId, "base64url").toString().split(":")[1]!;

/** Words as the query parser reads them (letters and digits), long enough to be more than noise. */
function wordsOf(texts: string[]): string[] {
  const words = new Set<string>();
  for (const text of texts) for (const word of text.toLowerCase().match(/[\p{L}\p{N}]{3,}/gu) ?? []) words.add(word);
  return [...words].sort();
}

describe.skipIf(skipDatabase)(`search paging, random cases (${provider})`, () => {
  let lede: TestLede;
  let seedWords: string[];
  let corpusWords: string[];
  beforeAll(async () => {
    lede = await startLede();
    const texts = async () =>
      (
        await lede.db.prisma.$queryRawUnsafe<Record<string, string>[]>(
          `SELECT "title", "alias", "summary", "body" FROM "SearchDocument"`,
        )
      ).map((row) => Object.values(row).join(" "));
    seedWords = wordsOf(await texts());
    await generateCorpus(lede.db.prisma, { articles: CORPUS_ARTICLES, seed: 23 });
    const seed = new Set(seedWords);
    corpusWords = wordsOf(await texts()).filter((word) => !seed.has(word));
  });
  afterAll(async () => {
    await lede?.close();
  });

  /** The whole result in one statement, no cursor: what the pages must add up to. */
  async function unpaged(c: Case): Promise<string[]> {
    const ctx = createContext(lede.app.deps, null, { longLived: false });
    const rows = await searchPage(ctx, searchRequest(c.query, c.kinds), { limit: 100_000 });
    return rows.map((row) => `${row.kind}:${row.id}`);
  }

  /** Every page of the walk, each `after` the last page's endCursor (or `before` its startCursor, backwards). */
  async function walk(c: Case, pages: number): Promise<string[]> {
    const types = c.kinds?.map((kind) => TYPE_OF_KIND[kind]) ?? null;
    const seen: string[][] = [];
    let cursor: string | null = null;
    for (let page = 0; page <= pages; page++) {
      const variables: SearchPageQueryVariables = c.backwards
        ? { query: c.query, types, last: c.size, before: cursor }
        : { query: c.query, types, first: c.size, after: cursor };
      const result = await lede.execute(SearchPageDocument, variables);
      const failure = () => describeFailure(SearchPageDocument, variables, result);
      expect(result.errors, failure()).toBeUndefined();
      const { pageInfo, edges } = result.data!.search;
      expect(edges.length, failure()).toBeLessThanOrEqual(c.size);
      const ids = edges.map((e) => `${e.node.__typename}:${rawId(e.node.id)}`);
      if (c.backwards) seen.unshift(ids);
      else seen.push(ids);
      const more = c.backwards ? pageInfo.hasPreviousPage : pageInfo.hasNextPage;
      if (!more) return seen.flat();
      expect(edges.length, `a page that says there is more is full\n${failure()}`).toBe(c.size);
      cursor = c.backwards ? pageInfo.startCursor : pageInfo.endCursor;
    }
    throw new Error(`the walk did not end after ${pages} pages: ${JSON.stringify(c)}`);
  }

  it("pages through every hit exactly once, in order, forwards and backwards", async () => {
    const word = fc.oneof(fc.constantFrom(...seedWords), fc.constantFrom(...corpusWords));
    const query = fc.oneof(
      { arbitrary: word, weight: 6 },
      { arbitrary: fc.tuple(word, word).map(([a, b]) => `${a} ${b}`), weight: 1 },
      { arbitrary: fc.tuple(word, word).map(([a, b]) => `${a} OR ${b}`), weight: 2 },
      { arbitrary: word.map((w) => `${w.slice(0, 3)}*`), weight: 2 },
      { arbitrary: fc.tuple(word, word).map(([a, b]) => `${a} -${b}`), weight: 1 },
    );
    const cases = fc.record<Case>({
      query,
      kinds: fc.option(fc.subarray(SEARCH_KINDS, { minLength: 1 }), { freq: 3 }),
      size: fc.integer({ min: 1, max: 100 }),
      backwards: fc.boolean(),
    });
    await fc.assert(
      fc.asyncProperty(cases, async (c) => {
        const expected = await unpaged(c);
        const pages = Math.max(1, Math.ceil(expected.length / c.size));
        fc.pre(pages <= MAX_PAGES);
        expect(new Set(expected).size, "the unpaged result holds each hit once").toBe(expected.length);
        expect(await walk(c, pages), JSON.stringify(c)).toEqual(expected);
      }),
      { numRuns: RUNS, maxSkipsPerRun: 20 },
    );
  }, 120_000);
});
