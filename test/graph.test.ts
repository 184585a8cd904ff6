// The entity graph on the seed story: co-mentions, related articles, members now and before, timelines that honour
// date precision, and the errors of bad arguments; each answer is checked against the rows read directly.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  CoMentionsDocument,
  EntityTimelineDocument,
  MembersByStatusDocument,
  RelatedArticlesDocument,
} from "./generated/graphql.js";
import { REFERENCE_SLUG, staff } from "./support/fixtures.js";
import { allMentions, coMentionsOf, rankingMismatch, relatedOf, type MentionRow } from "./support/graph-truth.js";
import { expectErrorCode, skipDatabase, startLede, type TestLede } from "./support/lede.js";
import { globalId, rowId, typeAndRowId } from "./support/ids.js";

describe.skipIf(skipDatabase)("the entity graph on the seed story", () => {
  let lede: TestLede;
  let editor: string;
  let mentions: MentionRow[];
  let medvedev: { id: string };
  beforeAll(async () => {
    lede = await startLede();
    editor = (await staff(lede, "EDITOR")).token;
    mentions = await allMentions(lede.db.prisma);
    medvedev = await lede.db.prisma.person.findUniqueOrThrow({ where: { slug: "andrei-medvedev" } });
  });
  afterAll(async () => {
    await lede?.close();
  });

  const entityKey = (e: { __typename: string; id: string }) => {
    const { typename, id } = typeAndRowId(e.id);
    return `${typename.charAt(0).toLowerCase()}${typename.slice(1)}Id:${id}`;
  };

  it("ranks a person's co-mentions by shared published articles, and counts drafts for editors only", async () => {
    for (const [token, includeDrafts] of [
      [undefined, false],
      [editor, true],
    ] as const) {
      const data = await lede.query(CoMentionsDocument, { slug: "andrei-medvedev", first: 100 }, { token });
      const answer = data.person!.coMentioned.map((c) => [entityKey(c.entity as never), c.articleCount] as const);
      const truth = coMentionsOf(mentions, "personId", medvedev.id, includeDrafts);
      expect(rankingMismatch(answer, truth, 100), JSON.stringify(answer)).toBeNull();
      const dates = data.person!.coMentioned.map((c) => c.lastMentionedAt);
      for (let i = 1; i < answer.length; i++)
        if (answer[i]![1] === answer[i - 1]![1]) expect(dates[i]! <= dates[i - 1]!).toBe(true);
    }
    const readers = await lede.query(CoMentionsDocument, { slug: "andrei-medvedev", first: 100 });
    const editors = await lede.query(CoMentionsDocument, { slug: "andrei-medvedev", first: 100 }, { token: editor });
    const count = (d: typeof readers, slug: string) =>
      d.person!.coMentioned.find((c) => (c.entity as { slug?: string }).slug === slug)?.articleCount;
    // the draft mentions the asylum agency too: one more shared article for editors
    expect(count(editors, "udi")).toBe(count(readers, "udi")! + 1);
  });

  it("filters co-mentions by kind and bounds their number", async () => {
    const places = await lede.query(CoMentionsDocument, { slug: "andrei-medvedev", first: 3, type: "PLACE" });
    expect(places.person!.coMentioned).toHaveLength(3);
    expect(places.person!.coMentioned.every((c) => c.entity.__typename === "Place")).toBe(true);
    for (const first of [0, 101]) {
      const document = CoMentionsDocument;
      const result = await lede.execute(document, { slug: "andrei-medvedev", first });
      expectErrorCode(result, "BAD_USER_INPUT", { document, variables: { first } });
      expect(result.errors![0]!.extensions!.field).toBe("first");
    }
  });

  it("ranks an organisation's co-mentions the same way", async () => {
    const wagner = await lede.db.prisma.organisation.findUniqueOrThrow({ where: { slug: "wagner-group" } });
    const data = await lede.query(MembersByStatusDocument, { slug: "wagner-group" });
    const answer = data.organisation!.coMentioned.map((c) => {
      const slug = (c.entity as { slug: string }).slug;
      return [slug, c.articleCount] as const;
    });
    const slugs = new Map<string, string>();
    for (const p of await lede.db.prisma.person.findMany()) slugs.set(`personId:${p.id}`, p.slug);
    for (const o of await lede.db.prisma.organisation.findMany()) slugs.set(`organisationId:${o.id}`, o.slug);
    for (const e of await lede.db.prisma.event.findMany()) slugs.set(`eventId:${e.id}`, e.slug);
    for (const p of await lede.db.prisma.place.findMany()) slugs.set(`placeId:${p.id}`, p.slug);
    const truth = coMentionsOf(mentions, "organisationId", wagner.id).map(([k, n]) => [slugs.get(k)!, n] as const);
    expect(rankingMismatch(answer, truth, 5), JSON.stringify(answer)).toBeNull();
  });

  it("ranks related articles by shared entities, newer first on ties, published only for readers", async () => {
    const reference = await lede.db.prisma.article.findUniqueOrThrow({ where: { slug: REFERENCE_SLUG } });
    const draft = await lede.db.prisma.article.findFirstOrThrow({ where: { status: "DRAFT" } });
    for (const [token, includeDrafts] of [
      [undefined, false],
      [editor, true],
    ] as const) {
      const data = await lede.query(RelatedArticlesDocument, { slug: REFERENCE_SLUG, first: 10 }, { token });
      const answer = data.article!.relatedArticles.map((r) => [rowId(r.article.id), r.sharedEntities] as const);
      expect(answer).toEqual(relatedOf(mentions, reference.id, includeDrafts).slice(0, 10));
      expect(answer.some(([id]) => id === draft.id)).toBe(includeDrafts);
    }
    const one = await lede.query(RelatedArticlesDocument, { slug: REFERENCE_SLUG, first: 1 });
    expect(one.article!.relatedArticles).toHaveLength(1);
  });

  it("lists members now and before, by the clock, and both when no status is asked for", async () => {
    const wagner = await lede.db.prisma.organisation.findUniqueOrThrow({
      where: { slug: "wagner-group" },
      include: { members: { include: { person: true } } },
    });
    const now = lede.clock.now();
    const slugsOf = (data: Awaited<ReturnType<typeof lede.query<any, any>>>) =>
      data.organisation.members.edges.map((e: any) => e.node.person.slug).sort();
    const current = await lede.query(MembersByStatusDocument, { slug: "wagner-group", status: "CURRENT" });
    const former = await lede.query(MembersByStatusDocument, { slug: "wagner-group", status: "FORMER" });
    const all = await lede.query(MembersByStatusDocument, { slug: "wagner-group" });
    const expected = (isCurrent: boolean) =>
      wagner.members
        .filter((m) => (m.endsAt === null || m.endsAt > now) === isCurrent)
        .map((m) => m.person.slug)
        .sort();
    expect(slugsOf(current)).toEqual(expected(true));
    expect(slugsOf(former)).toEqual(expected(false));
    expect(former.organisation!.members.edges.length).toBeGreaterThan(0);
    expect(current.organisation!.members.edges.every((e) => e.node.current)).toBe(true);
    expect(former.organisation!.members.edges.every((e) => !e.node.current && e.node.end)).toBe(true);
    expect(all.organisation!.members.totalCount).toBe(wagner.members.length);
    expect(current.organisation!.members.totalCount + former.organisation!.members.totalCount).toBe(
      wagner.members.length,
    );
  });

  it("nests places both ways", async () => {
    const data = await lede.query<any, any>(
      `{ place(slug: "oslo") { parent { slug children(first: 100) { edges { node { slug } } } } } }`,
    );
    expect(data.place.parent.slug).toBe("norway");
    expect(data.place.parent.children.edges.map((e: any) => e.node.slug)).toContain("oslo");
  });
});

describe.skipIf(skipDatabase)("timeline", () => {
  let lede: TestLede;
  let person: string;
  beforeAll(async () => {
    lede = await startLede();
    const medvedev = await lede.db.prisma.person.findUniqueOrThrow({ where: { slug: "andrei-medvedev" } });
    person = globalId("Person", medvedev.id);
    // A year-precise event: it stands for all of 2023.
    await lede.db.prisma.event.create({
      data: {
        id: "timeline-year-event",
        slug: "medvedev-year-in-norway-2023",
        name: "A year in Norway",
        kind: "OTHER",
        startsAt: new Date("2023-01-01T00:00:00Z"),
        startPrecision: "YEAR",
        participants: { create: { id: "timeline-year-participant", personId: medvedev.id, role: "subject" } },
      },
    });
  });
  afterAll(async () => {
    await lede?.close();
  });

  const entries = async (variables: Record<string, unknown>) => {
    const data = await lede.query(EntityTimelineDocument, { entity: person, first: 100, ...variables });
    return data.timeline!;
  };
  const rank = { DAY: 0, MONTH: 1, YEAR: 2 } as const;

  it("lists the person's events and the published articles that mention them, in date order", async () => {
    const timeline = await entries({});
    const nodes = timeline.edges.map((e) => e.node);
    const participations = await lede.db.prisma.participant.count({ where: { person: { slug: "andrei-medvedev" } } });
    const articles = await lede.db.prisma.mention.count({
      where: { person: { slug: "andrei-medvedev" }, article: { status: "PUBLISHED" } },
    });
    expect(nodes.filter((n) => n.kind === "EVENT")).toHaveLength(participations);
    expect(nodes.filter((n) => n.kind === "ARTICLE")).toHaveLength(articles);
    expect(timeline.totalCount).toBe(participations + articles);
    for (let i = 1; i < nodes.length; i++) {
      const [a, b] = [nodes[i - 1]!, nodes[i]!];
      const order = a.date.start.localeCompare(b.date.start) || rank[a.date.precision] - rank[b.date.precision];
      expect(order, `${a.date.text} before ${b.date.text}`).toBeLessThanOrEqual(0);
    }
    // January 2023 (a month) sorts after 1 January-precise dates and before the year 2023, which starts there too
    const names = nodes.map((n) => (n.item.__typename === "Event" ? n.item.name : n.item.headline));
    const year = names.indexOf("A year in Norway");
    const january = nodes.findIndex((n) => n.date.precision === "MONTH" && n.date.start.startsWith("2023-01"));
    expect(january).toBeGreaterThanOrEqual(0);
    expect(year).toBeGreaterThan(january);
    expect(nodes[year + 1]!.date.start >= "2023-01-01").toBe(true);
  });

  it("keeps a month- or year-precise event in every window its period overlaps", async () => {
    const midJanuary = await entries({ from: "2023-01-15T00:00:00Z", to: "2023-01-20T00:00:00Z" });
    const kinds = midJanuary.edges.map((e) => `${e.node.date.precision}:${e.node.date.start.slice(0, 10)}`);
    expect(kinds).toContain("MONTH:2023-01-01");
    expect(kinds).toContain("YEAR:2023-01-01");
    const june = await entries({ from: "2023-06-01T00:00:00Z", to: "2023-06-30T23:59:59Z", include: ["EVENT"] });
    expect(june.edges.map((e) => e.node.item.__typename === "Event" && e.node.item.name)).toContain("A year in Norway");
    expect(june.edges.some((e) => e.node.date.precision === "MONTH" && e.node.date.start < "2023-06")).toBe(false);
    const before2023 = await entries({ to: "2022-12-31T23:59:59Z" });
    expect(before2023.edges.every((e) => e.node.date.start < "2023")).toBe(true);
    expect(before2023.edges.length).toBeGreaterThan(0);
    const articles = await entries({ include: ["ARTICLE"] });
    expect(articles.edges.every((e) => e.node.kind === "ARTICLE" && e.node.salience !== null)).toBe(true);
  });

  it("walks every entry once, forwards and backwards", async () => {
    const all = (await entries({})).edges.map((e) => e.cursor);
    const forwards: string[] = [];
    let after: string | undefined;
    for (let page = 0; page < 50; page++) {
      const t = await entries({ first: 3, after });
      forwards.push(...t.edges.map((e) => e.cursor));
      if (!t.pageInfo.hasNextPage) break;
      after = t.pageInfo.endCursor!;
    }
    expect(forwards).toEqual(all);
    const backwards: string[] = [];
    let before: string | undefined;
    for (let page = 0; page < 50; page++) {
      const data = await lede.query(EntityTimelineDocument, { entity: person, last: 4, before });
      backwards.unshift(...data.timeline!.edges.map((e) => e.cursor));
      if (!data.timeline!.pageInfo.hasPreviousPage) break;
      before = data.timeline!.pageInfo.startCursor!;
    }
    expect(backwards).toEqual(all);
  });

  it("runs GraphiQL's timeline tab as it ships", async () => {
    const { graphiqlTabs } = await import("../src/plugins/graphiql-tabs.js");
    // The subscription tab is run by test/browser/graphiql.test.ts over WebSockets.
    for (const tab of graphiqlTabs.filter((t) => !t.query.includes("subscription "))) {
      const data = await lede.query<any, any>(tab.query, tab.variables ? JSON.parse(tab.variables) : undefined);
      expect(data).toBeTruthy();
    }
    const timeline = graphiqlTabs.find((t) => t.query.includes("query Timeline"))!;
    const data = await lede.query<any, any>(timeline.query, JSON.parse(timeline.variables!));
    expect(data.timeline.totalCount).toBeGreaterThan(5);
    expect(data.node.name).toBe("Andrei Medvedev");
  });

  it("answers bad arguments with BAD_USER_INPUT or NOT_FOUND", async () => {
    const document = EntityTimelineDocument;
    const article = await lede.db.prisma.article.findFirstOrThrow();
    const cases: [Record<string, unknown>, string, string | undefined][] = [
      [{ entity: globalId("Article", article.id) }, "BAD_USER_INPUT", "entity"],
      // a malformed id names the argument it came in, as every other argument's error does
      [{ entity: "not-an-id" }, "BAD_USER_INPUT", "entity"],
      [{ entity: globalId("Person", "nobody") }, "NOT_FOUND", undefined],
      [{ entity: person, from: "2024-01-01T00:00:00Z", to: "2023-01-01T00:00:00Z" }, "BAD_USER_INPUT", "to"],
      [{ entity: person, after: Buffer.from("GPC:S:nonsense").toString("base64") }, "BAD_USER_INPUT", "after"],
      [{ entity: person, first: 101 }, "BAD_USER_INPUT", "first"],
    ];
    for (const [variables, code, field] of cases) {
      const result = await lede.execute(document, variables as never);
      expectErrorCode(result, code, { document, variables });
      if (field) expect(result.errors![0]!.extensions!.field, JSON.stringify(result.errors)).toBe(field);
    }
  });

  it("covers places (their events and their sub-places' events) and single events", async () => {
    const norway = await lede.db.prisma.place.findUniqueOrThrow({
      where: { slug: "norway" },
      include: { children: true },
    });
    const data = await lede.query(EntityTimelineDocument, {
      entity: globalId("Place", norway.id),
      first: 100,
      include: ["EVENT"],
    });
    const expected = await lede.db.prisma.event.count({
      where: { OR: [{ placeId: norway.id }, { place: { parentId: norway.id } }] },
    });
    expect(data.timeline!.edges).toHaveLength(expected);
    expect(expected).toBeGreaterThan(0);
    const event = await lede.db.prisma.event.findUniqueOrThrow({ where: { slug: "medvedev-border-crossing-2023" } });
    const own = await lede.query(EntityTimelineDocument, { entity: globalId("Event", event.id), first: 100 });
    const kinds = own.timeline!.edges.map((e) => e.node.kind);
    expect(kinds.filter((k) => k === "EVENT")).toHaveLength(1);
    expect(kinds.filter((k) => k === "ARTICLE").length).toBeGreaterThan(0);
  });
});
