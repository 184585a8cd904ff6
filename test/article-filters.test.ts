// articles(filter, orderBy) on a generated corpus, checked against Prisma as the oracle: every filter alone and
// combined, every order, paging forwards and backwards through ties, and the rules (drafts for editors only,
// RELEVANCE needs text, bounded nesting).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Prisma as P } from "../src/generated/prisma/client.js";
import { generateCorpus } from "../src/seed/corpus.js";
import {
  FilteredArticlesDocument,
  type ArticleFilter,
  type ArticleOrder,
  type FilteredArticlesQueryVariables,
} from "./generated/graphql.js";
import { staff } from "./support/fixtures.js";
import { expectErrorCode, provider, skipDatabase, startLede, type TestLede } from "./support/lede.js";
import { globalId, rowId } from "./support/ids.js";

const gid = globalId;

describe.skipIf(skipDatabase)(`articles(filter, orderBy) (${provider})`, () => {
  let lede: TestLede;
  let editor: string;
  let person: { id: string };
  let otherPerson: { id: string };
  let place: { id: string };
  let byliner: string;
  let publisher: string;
  beforeAll(async () => {
    lede = await startLede();
    await generateCorpus(lede.db.prisma, { articles: 400, seed: 7 });
    editor = (await staff(lede, "EDITOR")).token;
    const prisma = lede.db.prisma;
    const popular = await prisma.mention.groupBy({
      by: ["personId"],
      where: { personId: { not: null } },
      _count: { _all: true },
      orderBy: [{ _count: { personId: "desc" } }, { personId: "asc" }],
      take: 2,
    });
    person = { id: popular[0]!.personId! };
    otherPerson = { id: popular[1]!.personId! };
    place = { id: (await prisma.mention.findFirstOrThrow({ where: { placeId: { not: null } } })).placeId! };
    byliner = (await prisma.byline.findFirstOrThrow({ orderBy: { id: "asc" } })).personId;
    publisher = (await prisma.article.findFirstOrThrow({ where: { publisherId: { not: null } } })).publisherId!;
  }, 120_000);
  afterAll(async () => {
    await lede?.close();
  });

  /** Every page of the list, walked with first/after. */
  async function walk(variables: FilteredArticlesQueryVariables, token?: string, first = 37): Promise<string[]> {
    const ids: string[] = [];
    let after: string | null | undefined;
    for (let page = 0; page < 100; page++) {
      const { articles } = await lede.query(
        FilteredArticlesDocument,
        { ...variables, first, after },
        token ? { token } : {},
      );
      ids.push(...articles.edges.map((e) => rowId(e.node.id)));
      if (!articles.pageInfo.hasNextPage) {
        expect(articles.totalCount).toBe(ids.length);
        return ids;
      }
      after = articles.pageInfo.endCursor;
    }
    throw new Error("more than 100 pages");
  }

  const ORDERS: Record<ArticleOrder, P.ArticleOrderByWithRelationInput[]> = {
    PUBLISHED_DESC: [{ publishedAt: { sort: "desc", nulls: "last" } }, { id: "desc" }],
    PUBLISHED_ASC: [{ publishedAt: { sort: "asc", nulls: "last" } }, { id: "asc" }],
    UPDATED_DESC: [{ updatedAt: "desc" }, { id: "desc" }],
    MOST_COMMENTED: [{ visibleCommentCount: "desc" }, { publishedAt: { sort: "desc", nulls: "last" } }, { id: "desc" }],
    RELEVANCE: [],
  };

  async function oracle(where: P.ArticleWhereInput, order: ArticleOrder = "PUBLISHED_DESC", editorView = false) {
    const rows = await lede.db.prisma.article.findMany({
      where: editorView ? where : { AND: [where, { status: "PUBLISHED" }] },
      orderBy: ORDERS[order],
      select: { id: true },
    });
    return rows.map((r) => r.id);
  }

  const cases = (): [string, ArticleFilter, P.ArticleWhereInput][] => [
    ["section", { section: "world" }, { section: { slug: "world" } }],
    ["tag", { tag: "wagner-group" }, { tags: { some: { tag: { slug: "wagner-group" } } } }],
    ["status", { status: "PUBLISHED" }, { status: "PUBLISHED" }],
    [
      "mentions.anyOf",
      { mentions: { anyOf: [gid("Person", person.id), gid("Place", place.id)] } },
      { mentions: { some: { OR: [{ personId: person.id }, { placeId: place.id }] } } },
    ],
    [
      "mentions.allOf",
      { mentions: { allOf: [gid("Person", person.id), gid("Person", otherPerson.id)] } },
      { AND: [{ mentions: { some: { personId: person.id } } }, { mentions: { some: { personId: otherPerson.id } } }] },
    ],
    ["byline", { byline: gid("Person", byliner) }, { bylines: { some: { personId: byliner } } }],
    ["publisher", { publisher: gid("Organisation", publisher) }, { publisherId: publisher }],
    [
      "publishedAt",
      { publishedAt: { from: "2019-01-01T00:00:00.000Z", to: "2021-06-01T00:00:00.000Z" } },
      { publishedAt: { gte: new Date("2019-01-01T00:00:00.000Z"), lt: new Date("2021-06-01T00:00:00.000Z") } },
    ],
    [
      "updatedAt",
      { updatedAt: { from: "2022-01-01T00:00:00.000Z" } },
      { updatedAt: { gte: new Date("2022-01-01T00:00:00.000Z") } },
    ],
    ["language", { language: "en" }, { language: "en" }],
    ["hasComments true", { hasComments: true }, { comments: { some: { status: "VISIBLE" } } }],
    ["hasComments false", { hasComments: false }, { comments: { none: { status: "VISIBLE" } } }],
    [
      "AND",
      { AND: [{ tag: "wagner-group" }, { hasComments: true }] },
      { AND: [{ tags: { some: { tag: { slug: "wagner-group" } } } }, { comments: { some: { status: "VISIBLE" } } }] },
    ],
    [
      "OR",
      { OR: [{ mentions: { anyOf: [gid("Person", person.id)] } }, { publisher: gid("Organisation", publisher) }] },
      { OR: [{ mentions: { some: { personId: person.id } } }, { publisherId: publisher }] },
    ],
    ["NOT", { NOT: { language: "en" } }, { NOT: { language: "en" } }],
    [
      "nested",
      { section: "world", OR: [{ NOT: { hasComments: true } }, { AND: [{ tag: "europe" }, { language: "en" }] }] },
      {
        section: { slug: "world" },
        OR: [
          { NOT: { comments: { some: { status: "VISIBLE" } } } },
          { AND: [{ tags: { some: { tag: { slug: "europe" } } } }, { language: "en" }] },
        ],
      },
    ],
  ];

  it("keeps visibleCommentCount equal to the visible comments (database triggers)", async () => {
    const rows = await lede.db.prisma.article.findMany({
      select: {
        id: true,
        visibleCommentCount: true,
        _count: { select: { comments: { where: { status: "VISIBLE" } } } },
      },
    });
    expect(rows.some((r) => r.visibleCommentCount > 0)).toBe(true);
    expect(rows.filter((r) => r.visibleCommentCount !== r._count.comments)).toEqual([]);
  });

  it("filters by each field alone and combined, as Prisma does", async () => {
    for (const [name, filter, where] of cases()) {
      const expected = await oracle(where);
      const got = await walk({ filter });
      expect(got, `${name}: ${JSON.stringify(filter)}`).toEqual(expected);
      expect(expected.length, `${name} should select something and leave something out`).toBeGreaterThan(0);
    }
  });

  it("orders every way, paging through ties exactly once", async () => {
    for (const order of ["PUBLISHED_DESC", "PUBLISHED_ASC", "UPDATED_DESC", "MOST_COMMENTED"] as const) {
      expect(await walk({ orderBy: order }), order).toEqual(await oracle({}, order));
      // editors see drafts (no publishedAt): they come last in both publication orders
      expect(await walk({ orderBy: order }, editor, 53), `${order} (editor)`).toEqual(await oracle({}, order, true));
    }
  });

  it("pages backwards with last/before to the same rows", async () => {
    const all = await oracle({});
    const { articles: tail } = await lede.query(FilteredArticlesDocument, { last: 10 });
    expect(tail.edges.map((e) => rowId(e.node.id))).toEqual(all.slice(-10));
    const { articles: before } = await lede.query(FilteredArticlesDocument, {
      last: 7,
      before: tail.pageInfo.startCursor,
    });
    expect(before.edges.map((e) => rowId(e.node.id))).toEqual(all.slice(-17, -10));
    expect(before.pageInfo.hasPreviousPage).toBe(true);
  });

  it("orders by RELEVANCE with a text query, and only with one", async () => {
    const { articles } = await lede.query(FilteredArticlesDocument, {
      filter: { text: "Wagner", section: "world" },
      orderBy: "RELEVANCE",
      first: 100,
    });
    const ids = articles.edges.map((e) => rowId(e.node.id));
    const textOnly = await walk({ filter: { text: "Wagner", section: "world" } });
    expect([...ids].sort()).toEqual([...textOnly].sort());
    expect(articles.totalCount).toBe(textOnly.length);
    const relevanceWalk = await walk(
      { filter: { text: "Wagner", section: "world" }, orderBy: "RELEVANCE" },
      undefined,
      3,
    );
    expect(relevanceWalk).toEqual(ids);
    const variables = { orderBy: "RELEVANCE" as const };
    const result = await lede.execute(FilteredArticlesDocument, variables);
    expectErrorCode(result, "BAD_USER_INPUT", { document: FilteredArticlesDocument, variables });
    expect(result.errors![0]!.extensions?.field).toBe("orderBy");
  });

  it("lists drafts for editors only", async () => {
    const variables = { filter: { status: "DRAFT" as const } };
    expectErrorCode(await lede.execute(FilteredArticlesDocument, variables), "UNAUTHENTICATED", {
      document: FilteredArticlesDocument,
      variables,
    });
    const reader = (await staff(lede, "READER")).token;
    expectErrorCode(await lede.execute(FilteredArticlesDocument, variables, { token: reader }), "FORBIDDEN", {
      document: FilteredArticlesDocument,
      variables,
    });
    const drafts = await walk(variables, editor);
    expect(drafts).toEqual(await oracle({ status: "DRAFT" }, "PUBLISHED_DESC", true));
    expect(drafts.length).toBeGreaterThan(0);
  });

  it("rejects filters nested too deep, bad ids and backwards ranges with BAD_USER_INPUT", async () => {
    const deep: ArticleFilter = { NOT: { NOT: { NOT: { NOT: { NOT: { language: "en" } } } } } };
    for (const filter of [
      deep,
      { byline: gid("Organisation", publisher) },
      { mentions: { anyOf: ["not-an-id"] } },
      { mentions: { anyOf: [gid("Article", "x")] } },
      { publishedAt: { from: "2024-01-01T00:00:00.000Z", to: "2023-01-01T00:00:00.000Z" } },
      { text: "" },
      { text: "((((" },
    ]) {
      const variables = { filter };
      expectErrorCode(await lede.execute(FilteredArticlesDocument, variables), "BAD_USER_INPUT", {
        document: FilteredArticlesDocument,
        variables,
      });
    }
  });
});
