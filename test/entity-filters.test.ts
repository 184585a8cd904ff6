// people / organisations / events / places with their filters, checked against Prisma on a generated corpus.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateCorpus } from "../src/seed/corpus.js";
import { expectErrorCode, provider, skipDatabase, startLede, type TestLede } from "./support/lede.js";
import { globalId, rowId } from "./support/ids.js";

const gid = globalId;

describe.skipIf(skipDatabase)(`entity list filters (${provider})`, () => {
  let lede: TestLede;
  beforeAll(async () => {
    lede = await startLede();
    await generateCorpus(lede.db.prisma, { articles: 300, seed: 5 });
  }, 120_000);
  afterAll(async () => {
    await lede?.close();
  });

  async function list(field: string, filter: object): Promise<string[]> {
    const ids: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 50; page++) {
      const result: {
        [k: string]: {
          totalCount: number;
          pageInfo: { hasNextPage: boolean; endCursor: string | null };
          edges: { node: { id: string } }[];
        };
      } = await lede.query(
        `query($filter: ${field === "people" ? "PersonFilter" : field === "organisations" ? "OrganisationFilter" : field === "events" ? "EventFilter" : "PlaceFilter"}, $after: String) {
            ${field}(filter: $filter, first: 100, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } }`,
        { filter, after },
      );
      const connection = result[field]!;
      ids.push(...connection.edges.map((e) => rowId(e.node.id)));
      if (!connection.pageInfo.hasNextPage) {
        expect(connection.totalCount).toBe(ids.length);
        return ids;
      }
      after = connection.pageInfo.endCursor;
    }
    throw new Error("too many pages");
  }

  it("filters each entity type as Prisma does", async () => {
    const prisma = lede.db.prisma;
    const published = { status: "PUBLISHED" as const };
    const byName = [{ name: "asc" as const }, { id: "asc" as const }];
    const ids = (rows: { id: string }[]) => rows.map((r) => r.id);
    const org = (await prisma.affiliation.findFirstOrThrow({ orderBy: { id: "asc" } })).organisationId;
    const nationality = (await prisma.person.findFirstOrThrow({ where: { nationality: { not: null } } })).nationality!;
    const country = (await prisma.organisation.findFirstOrThrow({ where: { countryId: { not: null } } })).countryId!;
    const eventPlace = (await prisma.event.findFirstOrThrow({ where: { placeId: { not: null } } })).placeId!;
    const parent = (await prisma.place.findFirstOrThrow({ where: { parentId: { not: null } } })).parentId!;
    const participant = (await prisma.participant.findFirstOrThrow({ where: { personId: { not: null } } })).personId!;
    const span = { from: "2018-01-01T00:00:00.000Z", to: "2020-01-01T00:00:00.000Z" };
    const spanWhere = { gte: new Date(span.from), lt: new Date(span.to) };
    const cases: [string, object, () => Promise<{ id: string }[]>][] = [
      ["people", { nationality }, () => prisma.person.findMany({ where: { nationality }, orderBy: byName })],
      [
        "people",
        { affiliatedWith: gid("Organisation", org) },
        () => prisma.person.findMany({ where: { affiliations: { some: { organisationId: org } } }, orderBy: byName }),
      ],
      [
        "people",
        { mentionedInSection: "world", mentionedBetween: span },
        () =>
          prisma.person.findMany({
            where: {
              mentions: { some: { article: { ...published, section: { slug: "world" }, publishedAt: spanWhere } } },
            },
            orderBy: byName,
          }),
      ],
      [
        "organisations",
        { kind: ["COMPANY", "NGO"] },
        () => prisma.organisation.findMany({ where: { kind: { in: ["COMPANY", "NGO"] } }, orderBy: byName }),
      ],
      [
        "organisations",
        { country: gid("Place", country) },
        () => prisma.organisation.findMany({ where: { countryId: country }, orderBy: byName }),
      ],
      [
        "events",
        { startsAt: span, kind: ["ARREST", "INTERVIEW", "OTHER"] },
        () =>
          prisma.event.findMany({
            where: { startsAt: spanWhere, kind: { in: ["ARREST", "INTERVIEW", "OTHER"] } },
            orderBy: [{ startsAt: "asc" }, { id: "asc" }],
          }),
      ],
      [
        "events",
        { place: gid("Place", eventPlace) },
        () => prisma.event.findMany({ where: { placeId: eventPlace }, orderBy: [{ startsAt: "asc" }, { id: "asc" }] }),
      ],
      [
        "events",
        { participant: gid("Person", participant) },
        () =>
          prisma.event.findMany({
            where: { participants: { some: { personId: participant } } },
            orderBy: [{ startsAt: "asc" }, { id: "asc" }],
          }),
      ],
      ["places", { kind: ["CITY"] }, () => prisma.place.findMany({ where: { kind: "CITY" }, orderBy: byName })],
      [
        "places",
        { parent: gid("Place", parent), mentionedInSection: "world" },
        () =>
          prisma.place.findMany({
            where: { parentId: parent, mentions: { some: { article: { ...published, section: { slug: "world" } } } } },
            orderBy: byName,
          }),
      ],
    ];
    for (const [field, filter, expected] of cases) {
      const want = ids(await expected());
      expect(await list(field, filter), `${field} ${JSON.stringify(filter)}`).toEqual(want);
    }
    expect((await list("people", { nationality })).length).toBeGreaterThan(0);
  });

  it("rejects ids of the wrong type and backwards spans", async () => {
    for (const [query, variables] of [
      ["query($f: PersonFilter) { people(filter: $f) { totalCount } }", { f: { affiliatedWith: gid("Person", "x") } }],
      [
        "query($f: EventFilter) { events(filter: $f) { totalCount } }",
        { f: { startsAt: { from: "2020-01-01T00:00:00Z", to: "2019-01-01T00:00:00Z" } } },
      ],
      ["query($f: PlaceFilter) { places(filter: $f) { totalCount } }", { f: { parent: "garbage" } }],
    ] as const) {
      expectErrorCode(await lede.execute(query, variables), "BAD_USER_INPUT", { document: query, variables });
    }
  });
});
