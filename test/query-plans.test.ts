// The query plan of every list and search query on a corpus of 10,000 articles: each statement a list field sends
// is EXPLAINed (SQLite EXPLAIN QUERY PLAN; PostgreSQL EXPLAIN after ANALYZE with sequential scans discouraged, so a
// sequential scan left in the plan means no index can serve it) and the test fails on a full scan of a large table.
// Allowed: index searches, ordered index scans that a LIMIT stops early, and covering-index scans that count every
// row an editor may list (a total of the whole table has to read all of it).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateCorpus } from "../src/seed/corpus.js";
import { staff } from "./support/fixtures.js";
import { provider, skipDatabase, startLede, type TestLede } from "./support/lede.js";
import { globalId } from "./support/ids.js";

const ARTICLES = 10_000;
/** Tables that grow with the corpus; the others (sections, tags, entities, accounts) stay small. */
const LARGE_TABLES = [
  "Article",
  "Mention",
  "Comment",
  "ArticleTag",
  "Byline",
  "SearchDocument",
  "CommentEvent",
  "Media",
];
const gid = globalId;

describe.skipIf(skipDatabase)(`query plans on ${ARTICLES} articles (${provider})`, () => {
  let lede: TestLede;
  let editor: string;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    // These tests write straight to the database and read the API again: no response cache in between.
    lede = await startLede({ env: { RESPONSE_CACHE: "off" } });
    let last = 0;
    await generateCorpus(lede.db.prisma, {
      articles: ARTICLES,
      seed: 3,
      onProgress: (done) => {
        if (done - last >= 2500 || done === ARTICLES) console.log(`[${provider}] corpus: ${(last = done)} articles`);
      },
    });
    await lede.db.prisma.$executeRawUnsafe("ANALYZE");
    editor = (await staff(lede, "EDITOR")).token;
    const prisma = lede.db.prisma;
    ids.person = (await prisma.mention.findFirstOrThrow({ where: { personId: { not: null } } })).personId!;
    ids.place = (await prisma.mention.findFirstOrThrow({ where: { placeId: { not: null } } })).placeId!;
    ids.byline = (await prisma.byline.findFirstOrThrow()).personId;
    ids.publisher = (await prisma.article.findFirstOrThrow({ where: { publisherId: { not: null } } })).publisherId!;
    ids.organisation = (await prisma.affiliation.findFirstOrThrow()).organisationId;
  }, 600_000);
  afterAll(async () => {
    await lede?.close();
  });

  /** The plan lines of one statement, as the database prints them. */
  async function explain(sql: string, params: unknown[]): Promise<string[]> {
    const prisma = lede.db.prisma;
    if (provider === "sqlite") {
      const rows = await prisma.$queryRawUnsafe<{ detail: string }[]>(`EXPLAIN QUERY PLAN ${sql}`, ...params);
      return rows.map((r) => r.detail);
    }
    return prisma.$transaction(async (tx) => {
      await tx.$executeRawUnsafe("SET LOCAL enable_seqscan = off");
      const rows = await tx.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(`EXPLAIN ${sql}`, ...params);
      return rows.map((r) => r["QUERY PLAN"]);
    });
  }

  /** A full scan of a large table: SQLite's bare "SCAN x" of one, PostgreSQL's "Seq Scan on" one. */
  function fullScans(plan: string[], sql: string): string[] {
    const aliases = new Map<string, string>();
    for (const match of sql.matchAll(/"(\w+)"\s+(?:AS\s+)?"?(\w+)"?/g)) aliases.set(match[2]!, match[1]!);
    const large = (name: string) => {
      const bare = name.replace(/^main\./, "").replace(/"/g, "");
      return LARGE_TABLES.includes(bare) || LARGE_TABLES.includes(aliases.get(bare) ?? "");
    };
    return plan.filter((line) => {
      const sqlite = /^SCAN (\S+)$/.exec(line.trim());
      if (sqlite) return large(sqlite[1]!);
      const postgres = /Seq Scan on "?(\w+)"?/.exec(line);
      return postgres ? large(postgres[1]!) : false;
    });
  }

  const problems: string[] = [];
  /** Fails the test with every full scan found by the checks before it. */
  function expectNoFullScans() {
    const found = problems.splice(0);
    expect(found, found.join("\n\n")).toEqual([]);
  }

  async function check(label: string, query: string, variables: object, token?: string) {
    const { sql, result, statements } = await (async () => {
      const events: { sql: string; params: string }[] = [];
      const stop = lede.db.onQuery((e) => events.push({ sql: e.sql, params: e.params }));
      try {
        const result = await lede.execute(query, variables, token ? { token } : {});
        return { sql: events, result, statements: events.length };
      } finally {
        stop();
      }
    })();
    expect(result.errors, `${label}: ${JSON.stringify(result.errors)}`).toBeUndefined();
    for (const statement of sql) {
      if (!/^\s*(SELECT|WITH)\b/i.test(statement.sql)) continue;
      const params = JSON.parse(statement.params || "[]") as unknown[];
      const plan = await explain(statement.sql, params);
      console.log(`[${provider}] ${label}\n  ${statement.sql.slice(0, 300)}\n    ${plan.join("\n    ")}`);
      const scans = fullScans(plan, statement.sql);
      if (scans.length > 0)
        problems.push(
          `${label}: ${statement.sql}\n  full scan: ${scans.join("; ")}\n  plan:\n    ${plan.join("\n    ")}`,
        );
    }
    expect(statements).toBeGreaterThan(0);
  }

  const ARTICLES_QUERY = `query($filter: ArticleFilter, $orderBy: ArticleOrder, $after: String) {
    articles(filter: $filter, orderBy: $orderBy, first: 20, after: $after) { totalCount edges { cursor node { id headline } } } }`;

  it("backs every article filter and order with an index", async () => {
    const filters: Record<string, object> = {
      none: {},
      section: { section: "world" },
      tag: { tag: "wagner-group" },
      status: { status: "PUBLISHED" },
      mentionsAnyOf: { mentions: { anyOf: [gid("Person", ids.person!), gid("Place", ids.place!)] } },
      mentionsAllOf: { mentions: { allOf: [gid("Person", ids.person!), gid("Place", ids.place!)] } },
      byline: { byline: gid("Person", ids.byline!) },
      publisher: { publisher: gid("Organisation", ids.publisher!) },
      publishedAt: { publishedAt: { from: "2020-01-01T00:00:00Z", to: "2020-03-01T00:00:00Z" } },
      updatedAt: { updatedAt: { from: "2024-01-01T00:00:00Z" } },
      language: { language: "de" },
      hasComments: { hasComments: true },
      text: { text: "border asylum" },
    };
    for (const [name, filter] of Object.entries(filters))
      await check(`articles filter ${name}`, ARTICLES_QUERY, { filter });
    for (const orderBy of ["PUBLISHED_DESC", "PUBLISHED_ASC", "UPDATED_DESC", "MOST_COMMENTED"]) {
      const { data } = await lede.execute<{ articles: { edges: { cursor: string }[] } }, object>(ARTICLES_QUERY, {
        orderBy,
      });
      await check(`articles order ${orderBy}`, ARTICLES_QUERY, { orderBy });
      await check(`articles order ${orderBy}, page 2`, ARTICLES_QUERY, {
        orderBy,
        after: data!.articles.edges.at(-1)!.cursor,
      });
      await check(`articles order ${orderBy} (editor)`, ARTICLES_QUERY, { orderBy }, editor);
    }
    await check("articles order RELEVANCE", ARTICLES_QUERY, { orderBy: "RELEVANCE", filter: { text: "Wagner" } });
    expectNoFullScans();
  });

  it("backs search, its facets and its pages with the full-text index", async () => {
    const query = `query($query: String!, $after: String) { search(query: $query, first: 20, after: $after) {
      totalCount pageInfo { endCursor } edges { score node { __typename } highlights { field html } }
      facets { types { type count } sections { value count } tags { value count } months { value count } entities { count entity { __typename } } } } }`;
    const first = await lede.query<{ search: { pageInfo: { endCursor: string } } }, object>(query, { query: "Wagner" });
    await check("search", query, { query: "Wagner" });
    await check("search page 2", query, { query: "Wagner", after: first.search.pageInfo.endCursor });
    const backwards = `query($query: String!, $before: String) { search(query: $query, last: 20, before: $before) {
      edges { score node { __typename } highlights { field html } } } }`;
    await check("search page before", backwards, { query: "Wagner", before: first.search.pageInfo.endCursor });
    await check("search phrase and exclusion", query, { query: '"border guards" -Oslo OR asylum*' });
    expectNoFullScans();
  });

  it("backs the entity lists and their filters with indexes", async () => {
    const lists: [string, string, object][] = [
      ["people", "PersonFilter", { mentionedInSection: "world" }],
      ["people", "PersonFilter", { affiliatedWith: gid("Organisation", ids.organisation!) }],
      ["people", "PersonFilter", { mentionedBetween: { from: "2020-01-01T00:00:00Z", to: "2020-02-01T00:00:00Z" } }],
      ["organisations", "OrganisationFilter", { kind: ["COMPANY"], mentionedInSection: "world" }],
      ["events", "EventFilter", { startsAt: { from: "2020-01-01T00:00:00Z" }, mentionedInSection: "world" }],
      ["places", "PlaceFilter", { kind: ["CITY"], mentionedInSection: "world" }],
    ];
    for (const [field, type, filter] of lists) {
      await check(
        `${field} ${JSON.stringify(filter)}`,
        `query($filter: ${type}) { ${field}(filter: $filter, first: 20) { totalCount edges { node { id } } } }`,
        { filter },
      );
    }
    expectNoFullScans();
  });
});
