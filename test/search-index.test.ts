// The search index follows every write through database triggers, in the writer's transaction (a rolled-back write
// leaves nothing behind); paging through equal scores, or while writes move every score, returns each hit once, in
// order; and the number of SQL statements does not grow with the page.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SearchDocument, SearchFacetsDocument, type SearchQueryVariables } from "./generated/graphql.js";
import { addSyntheticArticles } from "./support/corpus.js";
import { provider, skipDatabase, startLede, type TestLede } from "./support/lede.js";

describe.skipIf(skipDatabase)(`search index (${provider})`, () => {
  let lede: TestLede;
  beforeAll(async () => {
    // These tests write straight to the database and read the API again: no response cache in between.
    lede = await startLede({ env: { RESPONSE_CACHE: "off" } });
    await addSyntheticArticles(lede.db.prisma, 60, 2);
  });
  afterAll(async () => {
    await lede?.close();
  });

  const hits = async (query: string, types?: SearchQueryVariables["types"]) =>
    (await lede.query(SearchDocument, { query, types, first: 100 })).search.edges.map((e) => e.node);
  const names = async (query: string, types?: SearchQueryVariables["types"]) =>
    (await hits(query, types)).map((n) => ("headline" in n ? n.headline : "name" in n ? n.name : "?"));
  /** The cursors of every hit, page by page. */
  async function walkCursors(query: string, first: number): Promise<string[]> {
    const cursors: string[] = [];
    let after: string | null | undefined;
    for (let page = 0; page < 50; page++) {
      const { search } = await lede.query(SearchDocument, { query, first, after });
      cursors.push(...search.edges.map((e) => e.cursor));
      if (!search.pageInfo.hasNextPage) return cursors;
      after = search.pageInfo.endCursor;
    }
    throw new Error("more than 50 pages");
  }
  const article = (id: string, headline: string, bodyText = "Plain text.") => ({
    id,
    slug: id,
    canonicalUrl: `https://lede.example/${id}`,
    headline,
    bodyText,
    wordCount: 2,
    status: "PUBLISHED" as const,
    publishedAt: new Date("2025-06-01T10:00:00Z"),
  });

  it("indexes created, updated and deleted articles at once", async () => {
    const prisma = lede.db.prisma;
    await prisma.article.create({ data: article("sync-a", "Quokka census in the Arctic") });
    expect(await names("quokka")).toEqual(["Quokka census in the Arctic"]);
    await prisma.article.update({ where: { id: "sync-a" }, data: { headline: "Wombat census", bodyText: "Burrows." } });
    expect(await names("quokka")).toEqual([]);
    expect(await names("wombat burrows")).toEqual(["Wombat census"]);
    await prisma.article.update({ where: { id: "sync-a" }, data: { standfirst: "Marsupials counted" } });
    expect(await names("marsupials")).toEqual(["Wombat census"]);
    await prisma.article.delete({ where: { id: "sync-a" } });
    expect(await names("wombat")).toEqual([]);
  });

  it("indexes nothing from a rolled-back transaction", async () => {
    const prisma = lede.db.prisma;
    const count = () =>
      prisma.$queryRawUnsafe<{ n: number }[]>(`SELECT CAST(count(*) AS INTEGER) AS "n" FROM "SearchDocument"`);
    const before = Number((await count())[0]!.n);
    await expect(
      prisma.$transaction(async (tx) => {
        await tx.article.create({ data: article("sync-rollback", "Platypus parliament") });
        await tx.person.create({ data: { id: "sync-rollback-p", slug: "sync-rollback-p", name: "Platypus Person" } });
        throw new Error("changed my mind");
      }),
    ).rejects.toThrow("changed my mind");
    expect(await names("platypus")).toEqual([]);
    expect(Number((await count())[0]!.n)).toBe(before);
  });

  it("follows people, organisations, events, places and their other names", async () => {
    const prisma = lede.db.prisma;
    await prisma.person.create({ data: { id: "sync-p", slug: "sync-p", name: "Ksenia Sobchakova" } });
    await prisma.personName.create({ data: { id: "sync-pn", personId: "sync-p", name: "Xenia Sobtchakova" } });
    expect(await names("xenia", ["PERSON"])).toEqual(["Ksenia Sobchakova"]);
    await prisma.personName.update({ where: { id: "sync-pn" }, data: { name: "Kseniya Sobchakova" } });
    expect(await names("xenia")).toEqual([]);
    expect(await names("kseniya")).toEqual(["Ksenia Sobchakova"]);
    await prisma.personName.delete({ where: { id: "sync-pn" } });
    expect(await names("kseniya")).toEqual([]);
    await prisma.person.update({ where: { id: "sync-p" }, data: { description: "A lighthouse keeper" } });
    expect(await names("lighthouse")).toEqual(["Ksenia Sobchakova"]);
    await prisma.person.delete({ where: { id: "sync-p" } });
    expect(await names("sobchakova")).toEqual([]);

    await prisma.organisation.create({
      data: {
        id: "sync-o",
        slug: "sync-o",
        name: "Fjordline Ferries",
        kind: "COMPANY",
        alternateNames: { create: [{ id: "sync-on", name: "FjordLine AS" }] },
      },
    });
    expect(await names("fjordline", ["ORGANISATION"])).toEqual(["Fjordline Ferries"]);
    await prisma.organisationName.delete({ where: { id: "sync-on" } });
    expect(await names("AS", ["ORGANISATION"])).not.toContain("Fjordline Ferries");
    await prisma.organisation.update({ where: { id: "sync-o" }, data: { name: "Skagerrak Ferries" } });
    expect(await names("fjordline")).toEqual([]);
    expect(await names("skagerrak")).toEqual(["Skagerrak Ferries"]);

    await prisma.place.create({ data: { id: "sync-pl", slug: "sync-pl", name: "Longyearbyen", kind: "CITY" } });
    await prisma.event.create({
      data: {
        id: "sync-e",
        slug: "sync-e",
        name: "Longyearbyen avalanche",
        kind: "OTHER",
        startsAt: new Date("2015-12-19T00:00:00Z"),
        startPrecision: "DAY",
        placeId: "sync-pl",
      },
    });
    expect((await hits("longyearbyen")).map((n) => n.__typename).sort()).toEqual(["Event", "Place"]);
    await prisma.event.delete({ where: { id: "sync-e" } });
    await prisma.place.update({ where: { id: "sync-pl" }, data: { name: "Barentsburg" } });
    expect(await names("longyearbyen")).toEqual([]);
    expect(await names("barentsburg", ["PLACE"])).toEqual(["Barentsburg"]);
  });

  it("walks every page of equal scores exactly once, in order", async () => {
    // identical documents at the same instant: score and recency tie, the id decides
    await lede.db.prisma.article.createMany({
      data: Array.from({ length: 45 }, (_, i) =>
        article(`tie-${String((i * 7) % 45).padStart(2, "0")}`, "Narwhal tusk survey", "Same words."),
      ),
    });
    const { search: one } = await lede.query(SearchDocument, { query: "narwhal", first: 100 });
    expect(one.totalCount).toBe(45);
    expect(new Set(one.edges.map((e) => e.score)).size).toBe(1);
    const walked = await walkCursors("narwhal", 4);
    expect(walked).toEqual(one.edges.map((e) => e.cursor));
    // and over hits that mix scores and types (the synthetic stories, their people and places)
    const mixed = (await lede.query(SearchDocument, { query: "synthetic OR story OR Oslo", first: 100 })).search;
    const pages = await walkCursors("synthetic OR story OR Oslo", 7);
    expect(pages).toEqual(mixed.edges.map((e) => e.cursor));
    expect(new Set(pages).size).toBe(pages.length);
  });

  it("keeps its place when writes between two pages move every score (bm25 reads the whole index)", async () => {
    const prisma = lede.db.prisma;
    const ids = async () => (await hits("Wagner")).map((n) => n.id);
    // other people, none of them a hit: deleting one shrinks the index, which lowers every bm25 score a little
    const bystanders = Array.from({ length: 20 }, (_, i) => `bystander-${i}`);
    await prisma.person.createMany({
      data: bystanders.map((id) => ({ id, slug: id, name: `Reindeer herder ${id}`, description: "Karasjok." })),
    });
    const expected = await ids();
    expect(expected.length).toBeGreaterThan(5);
    const walked: string[] = [];
    let after: string | null | undefined;
    for (let page = 0; page <= expected.length; page++) {
      const { search } = await lede.query(SearchDocument, { query: "Wagner", first: 1, after });
      walked.push(...search.edges.map((e) => e.node.id));
      if (!search.pageInfo.hasNextPage) break;
      after = search.pageInfo.endCursor;
      await prisma.person.delete({ where: { id: bystanders[page]! } });
    }
    // the writes moved the scores, not the order: the walk must see that order, each hit once
    expect(await ids()).toEqual(expected);
    expect(walked).toEqual(expected);
  });

  it("runs the same number of SQL statements for 5 hits as for 50, and a fixed number for facets", async () => {
    const page = (first: number) =>
      lede.countStatements(() => lede.query(SearchDocument, { query: "synthetic story", first }));
    const small = await page(5);
    const large = await page(50);
    expect(large.result.search.edges).toHaveLength(50);
    console.log(`[${provider}] search: ${small.statements} statements for 5 hits, ${large.statements} for 50`);
    expect(large.statements, large.sql.join("\n")).toBe(small.statements);
    expect(small.statements, small.sql.join("\n")).toBeLessThanOrEqual(4);
    const facets = await lede.countStatements(() => lede.query(SearchFacetsDocument, { query: "synthetic" }));
    console.log(`[${provider}] facets: ${facets.statements} statements`);
    // count, facets, and one batched load per entity type in the entity facet
    expect(facets.statements, facets.sql.join("\n")).toBeLessThanOrEqual(6);
    expect(facets.result.search.facets.entities.length).toBeGreaterThan(0);
  });
});
