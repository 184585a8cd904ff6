// The reference story as a reader or analyst fetches it: its byline, credits, correction, and its graph.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ArticleBySlugDocument, FrontPageDocument, type FrontPageQuery } from "./generated/graphql.js";
import { expectErrorCode, skipDatabase, startLede, type TestLede } from "./support/lede.js";

const REFERENCE = "ex-wagner-commander-norway-refused-asylum-allowed-to-stay";

describe.skipIf(skipDatabase)("articles", () => {
  let lede: TestLede;
  beforeAll(async () => {
    lede = await startLede();
  });
  afterAll(async () => {
    await lede?.close();
  });

  it("returns the reference article with byline, publication time, section, publisher and the three credited images", async () => {
    const { article } = await lede.query(ArticleBySlugDocument, { slug: REFERENCE });
    expect(article).not.toBeNull();
    expect(article!.publishedAt).toBe("2024-02-07T11:22:00.000Z");
    expect(article!.status).toBe("PUBLISHED");
    expect(article!.bylines).toEqual([{ role: "AUTHOR", person: { id: expect.any(String), name: "Rich Booth" } }]);
    expect(article!.publisher).toMatchObject({ name: "The Independent", kind: "PUBLISHER" });
    expect(article!.section).toEqual({ slug: "world", name: "World" });
    expect(article!.media.map((m) => m.credit)).toEqual([
      "Gorm Kallestad / NTB",
      "AFP via Getty Images",
      "The Associated Press",
    ]);
    expect(article!.media[0]!.creditPerson?.name).toBe("Gorm Kallestad");
    expect(article!.media[0]!.creditOrganisation?.name).toBe("NTB");
    expect(article!.media[1]!.creditOrganisation?.name).toBe("AFP");
    expect(article!.media.every((m) => m.altText && m.caption)).toBe(true);
    // image blocks point at the article's media, in body order
    const imageBlocks = article!.body.filter((b) => b.kind === "IMAGE");
    expect(imageBlocks.map((b) => b.media?.url)).toEqual(article!.media.map((m) => m.url));
    expect(article!.wordCount).toBeGreaterThan(250);
    expect(article!.bodyText).toContain("Medvedev");
    expect(article!.commentSettings).toMatchObject({ open: true, enabled: true, premoderated: false });
  });

  it("carries the correction of the mutiny date, and the events carry the true dates", async () => {
    const { article } = await lede.query(ArticleBySlugDocument, { slug: REFERENCE });
    expect(article!.corrections).toHaveLength(1);
    expect(article!.corrections[0]!.text).toMatch(/June 2022/);
    expect(article!.corrections[0]!.text).toMatch(/June 2023/);
    expect(article!.bodyText).not.toMatch(/June 2022/);
    const events = article!.mentions.edges
      .map((e) => e.node)
      .flatMap((m) => (m.entity.__typename === "Event" ? [m.entity] : []));
    const mutiny = events.find((e) => /mutiny|rebellion|march/i.test(e.name));
    expect(mutiny?.start).toEqual({ iso: "2023-06-23", precision: "DAY" });
    const crash = events.find((e) => /crash/i.test(e.name));
    expect(crash?.start).toEqual({ iso: "2023-08-23", precision: "DAY" });
    const crossing = events.find((e) => /cross/i.test(e.name));
    expect(crossing?.start).toEqual({ iso: "2023-01", precision: "MONTH" });
  });

  it("mentions every kind of entity, most salient first, with both spellings of Medvedev on one Person", async () => {
    const { article } = await lede.query(ArticleBySlugDocument, { slug: REFERENCE });
    const mentions = article!.mentions.edges.map((e) => e.node);
    expect(article!.mentions.totalCount).toBe(mentions.length);
    const saliences = mentions.map((m) => m.salience);
    expect([...saliences].sort((a, b) => b - a)).toEqual(saliences);
    expect(saliences.every((s) => s >= 0 && s <= 1)).toBe(true);
    const names = (type: string) =>
      mentions.flatMap((m) => (m.entity.__typename === type ? [(m.entity as { name: string }).name] : []));
    expect(names("Person")).toEqual(
      expect.arrayContaining(["Andrei Medvedev", "Brynjulf Risnes", "Yevgeny Prigozhin", "Vladimir Putin"]),
    );
    expect(names("Organisation")).toEqual(expect.arrayContaining(["Wagner Group", "Gulagu.net"]));
    expect(names("Place")).toEqual(
      expect.arrayContaining(["Norway", "Russia", "Oslo", "Ukraine", "Belarus", "Moscow"]),
    );
    expect(names("Event").length).toBeGreaterThanOrEqual(5);
    const medvedevs = mentions.filter(
      (m) => m.entity.__typename === "Person" && /Medvede/.test((m.entity as { name: string }).name),
    );
    expect(medvedevs).toHaveLength(1);
    const medvedev = medvedevs[0]!.entity as { name: string; alternateNames: string[] };
    expect(medvedev.name).toBe("Andrei Medvedev");
    expect(medvedev.alternateNames).toContain("Andrey Medvedev");
    expect(medvedevs[0]!.salience).toBeGreaterThan(0.9);
  });

  it("looks an article up by id as well as by slug, and insists on exactly one of them", async () => {
    const { article } = await lede.query(ArticleBySlugDocument, { slug: REFERENCE });
    const byId = await lede.query(`query($id: ID!) { article(id: $id) { slug } }`, { id: article!.id });
    expect(byId).toEqual({ article: { slug: REFERENCE } });
    const both = `query($id: ID!, $slug: String!) { article(id: $id, slug: $slug) { slug } }`;
    expectErrorCode(await lede.execute(both, { id: article!.id, slug: REFERENCE }), "BAD_USER_INPUT", {
      document: both,
    });
    const neither = `{ article { slug } }`;
    expectErrorCode(await lede.execute(neither), "BAD_USER_INPUT", { document: neither });
    expect(await lede.query(ArticleBySlugDocument, { slug: "no-such-article" })).toEqual({ article: null });
  });

  it("keeps drafts out of reach of readers: not by slug, not in lists", async () => {
    const draftSlug = "what-medvedev-case-means-for-russian-deserters";
    expect(await lede.query(ArticleBySlugDocument, { slug: draftSlug })).toEqual({ article: null });
    const { articles } = await lede.query(FrontPageDocument, { first: 100, comments: 1 });
    expect(articles.edges.map((e) => e.node.headline).length).toBe(articles.totalCount);
    const slugs = await lede.query(`{ articles(first: 100) { edges { node { slug status } } } }`);
    const nodes = (slugs as { articles: { edges: { node: { slug: string; status: string } }[] } }).articles.edges.map(
      (e) => e.node,
    );
    expect(nodes.map((n) => n.slug)).not.toContain(draftSlug);
    expect(nodes.every((n) => n.status === "PUBLISHED")).toBe(true);
  });

  it("lists articles newest first and pages through them with cursors, each exactly once", async () => {
    const all = await lede.query(FrontPageDocument, { first: 100, comments: 0 });
    const dates = all.articles.edges.map((e) => e.node.publishedAt!);
    expect([...dates].sort().reverse()).toEqual(dates);
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 10; page++) {
      const { articles }: FrontPageQuery = await lede.query(FrontPageDocument, { first: 1, after, comments: 0 });
      seen.push(...articles.edges.map((e) => e.node.id));
      expect(articles.totalCount).toBe(all.articles.totalCount);
      if (!articles.pageInfo.hasNextPage) break;
      after = articles.pageInfo.endCursor ?? null;
    }
    expect(seen).toEqual(all.articles.edges.map((e) => e.node.id));
  });

  it("refuses page sizes over 100, as literals and as variables, instead of clamping", async () => {
    const literal = `{ articles(first: 101) { totalCount } }`;
    const result = await lede.execute(literal);
    expectErrorCode(result, "BAD_USER_INPUT", { document: literal });
    expect(result.errors![0]!.message).toMatch(/at most 100/);
    const variable = `query($n: Int) { people(last: $n) { totalCount } }`;
    expectErrorCode(await lede.execute(variable, { n: 1000 }), "BAD_USER_INPUT", { document: variable });
    const nested = `query($n: Int!) { article(slug: "${REFERENCE}") { comments(first: $n) { totalCount } } }`;
    expectErrorCode(await lede.execute(nested, { n: 101 }), "BAD_USER_INPUT", { document: nested });
    const negative = `{ places(first: -1) { totalCount } }`;
    expectErrorCode(await lede.execute(negative), "BAD_USER_INPUT", { document: negative });
    const ok = await lede.query(`{ places(first: 100) { totalCount edges { node { slug } } } }`);
    expect((ok as { places: { totalCount: number } }).places.totalCount).toBeGreaterThan(10);
  });
});
