// mergeEntities: two records of one person (two spellings), organisation, event or place become one, keeping every
// name and link; the merged record's id and slug lead to the kept one; a failure half-way leaves nothing behind.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encodeGlobalId } from "../src/global-id.js";
import { articleId, CLOSED_SLUG, REFERENCE_SLUG, staff } from "./support/fixtures.js";
import { expectErrorCode, provider, skipDatabase, startLede, type TestLede } from "./support/lede.js";
import { rowId } from "./support/ids.js";

const MERGE = `mutation($i: MergeEntitiesInput!) { mergeEntities(input: $i) { mergedId kept {
  __typename ... on Person { id slug version alternateNames } ... on Organisation { id slug version alternateNames description }
  ... on Event { id slug } ... on Place { id slug } } } }`;
const CREATE_PERSON = `mutation($i: CreatePersonInput!) { createPerson(input: $i) { id version } }`;
const CREATE_ORG = `mutation($i: CreateOrganisationInput!) { createOrganisation(input: $i) { id version } }`;
const CREATE_PLACE = `mutation($i: CreatePlaceInput!) { createPlace(input: $i) { id version } }`;
const CREATE_EVENT = `mutation($i: CreateEventInput!) { createEvent(input: $i) { id version } }`;
const LINK = {
  mention: `mutation($i: AddMentionInput!) { addMention(input: $i) { salience } }`,
  byline: `mutation($i: AddBylineInput!) { addByline(input: $i) { position } }`,
  media: `mutation($i: AddMediaInput!) { addMedia(input: $i) { id } }`,
  affiliation: `mutation($i: AddAffiliationInput!) { addAffiliation(input: $i) { id } }`,
  participant: `mutation($i: AddParticipantInput!) { addParticipant(input: $i) { id } }`,
};
const LOOKUPS = `query($id: ID!, $slug: String!) { node(id: $id) { id } person(id: $id) { slug } bySlug: person(slug: $slug) { slug } }`;

describe.skipIf(skipDatabase)("merging records", () => {
  let lede: TestLede;
  let editor: string;
  const run = (document: string, variables: Record<string, unknown>) =>
    lede.query(document, variables, { token: editor }) as Promise<Record<string, any>>;
  const gid = async (type: "Person" | "Organisation" | "Event" | "Place", slug: string) => {
    const table = { Person: "person", Organisation: "organisation", Event: "event", Place: "place" }[type];
    return encodeGlobalId(type, (await (lede.db.prisma as any)[table].findFirstOrThrow({ where: { slug } })).id);
  };

  beforeAll(async () => {
    lede = await startLede();
    editor = (await staff(lede, "EDITOR")).token;
  });
  afterAll(async () => {
    await lede?.close();
  });

  it("merges a second spelling of a person into the first, with every name and link", async () => {
    const reference = await articleId(lede, REFERENCE_SLUG);
    const explainer = await articleId(lede, CLOSED_SLUG);
    const kept = await gid("Person", "andrei-medvedev");
    const keptRow = await lede.db.prisma.person.findUniqueOrThrow({ where: { id: rowId(kept) } });
    const { createPerson: merged } = await run(CREATE_PERSON, {
      i: { slug: "andrej-medvedev", name: "Andrej Medvedev", alternateNames: ["Andrey Medvedev", "Andriy Medvediev"] },
    });
    const ntb = await gid("Organisation", "ntb");
    const wagner = await gid("Organisation", "wagner-group");
    await run(LINK.mention, { i: { articleId: reference, entityId: merged.id, salience: 0.3 } });
    await run(LINK.mention, { i: { articleId: explainer, entityId: merged.id, salience: 0.6, role: "fighter" } });
    await run(LINK.byline, { i: { articleId: reference, personId: merged.id, role: "CONTRIBUTOR" } });
    await run(LINK.byline, { i: { articleId: explainer, personId: kept, role: "CONTRIBUTOR", position: 0 } });
    await run(LINK.byline, { i: { articleId: explainer, personId: merged.id, role: "CONTRIBUTOR", position: 1 } });
    const { addMedia } = await run(LINK.media, {
      i: { articleId: reference, url: "https://images.lede.example/selfie.jpg", creditPersonId: merged.id },
    });
    const commander = await lede.db.prisma.affiliation.findFirstOrThrow({
      where: { personId: keptRow.id, organisation: { slug: "wagner-group" } },
    });
    const date = (at: Date | null, precision: string | null) => (at ? { date: at.toISOString(), precision } : null);
    await run(LINK.affiliation, {
      i: {
        personId: merged.id,
        organisationId: wagner,
        role: commander.role,
        start: date(commander.startsAt, commander.startPrecision),
        end: date(commander.endsAt, commander.endPrecision),
      },
    });
    await run(LINK.affiliation, { i: { personId: merged.id, organisationId: ntb, role: "source" } });
    const mutiny = await gid("Event", "wagner-mutiny-2023");
    await run(LINK.participant, { i: { eventId: mutiny, actorId: merged.id, role: "observer" } });
    await run(LINK.participant, {
      i: { eventId: await gid("Event", "medvedev-sentencing-2023"), actorId: merged.id, role: "defendant" },
    });
    const counts = async (personId: string) => ({
      affiliations: await lede.db.prisma.affiliation.count({ where: { personId } }),
      participations: await lede.db.prisma.participant.count({ where: { personId } }),
      mentions: await lede.db.prisma.mention.count({ where: { personId } }),
      bylines: await lede.db.prisma.byline.count({ where: { personId } }),
    });
    const keptBefore = await counts(keptRow.id);
    const versionsBefore = await lede.db.prisma.article.findMany({ select: { id: true, version: true } });

    const { mergeEntities } = await run(MERGE, {
      i: { keepId: kept, mergeId: merged.id, keepVersion: keptRow.version, mergeVersion: merged.version },
    });
    expect(mergeEntities.mergedId).toBe(merged.id);
    expect(mergeEntities.kept).toMatchObject({ __typename: "Person", id: kept, slug: "andrei-medvedev" });
    expect(mergeEntities.kept.version).toBe(keptRow.version + 1);
    expect([...mergeEntities.kept.alternateNames].sort()).toEqual(
      ["Andrej Medvedev", "Andrey Medvedev", "Andriy Medvediev"].sort(),
    );
    expect(await lede.db.prisma.person.count({ where: { id: rowId(merged.id) } })).toBe(0);
    // Every link moved; duplicates (the same credit, affiliation or part in an event twice) are kept once.
    expect(await counts(keptRow.id)).toEqual({
      affiliations: keptBefore.affiliations + 1,
      participations: keptBefore.participations + 1,
      mentions: keptBefore.mentions,
      bylines: keptBefore.bylines + 1,
    });
    // One mention per article: the higher salience wins, the kept role stays.
    const mentions = await lede.db.prisma.mention.findMany({
      where: { personId: keptRow.id, articleId: { in: [rowId(reference), rowId(explainer)] } },
      orderBy: { salience: "desc" },
    });
    expect(mentions.map((m) => [m.articleId, m.salience, m.role])).toEqual([
      [rowId(reference), 0.95, "subject"],
      [rowId(explainer), 0.6, "former commander"],
    ]);
    const explainerBylines = await lede.db.prisma.byline.findMany({
      where: { articleId: rowId(explainer) },
      orderBy: { position: "asc" },
    });
    expect(explainerBylines.map((b) => [b.position, b.personId === keptRow.id])).toEqual([
      [0, true],
      [1, false],
    ]);
    expect(await lede.db.prisma.media.findUniqueOrThrow({ where: { id: rowId(addMedia.id) } })).toMatchObject({
      creditPersonId: keptRow.id,
    });
    // The articles whose credits or mentions changed are at a new version; the others are untouched.
    const versionsAfter = new Map(
      (await lede.db.prisma.article.findMany({ select: { id: true, version: true } })).map((a) => [a.id, a.version]),
    );
    const bumped = versionsBefore.filter((a) => versionsAfter.get(a.id) !== a.version).map((a) => a.id);
    expect(bumped.sort()).toEqual([rowId(reference), rowId(explainer)].sort());

    // The merged id and slug lead to the kept record.
    expect(await run(LOOKUPS, { id: merged.id, slug: "andrej-medvedev" })).toEqual({
      node: { id: kept },
      person: { slug: "andrei-medvedev" },
      bySlug: { slug: "andrei-medvedev" },
    });
    const audit = await lede.db.prisma.auditEntry.findMany({
      where: { action: { in: ["mergeEntities", "mergedInto"] } },
      orderBy: { action: "asc" },
    });
    expect(audit.map((a) => [a.action, a.entityId])).toEqual([
      ["mergeEntities", keptRow.id],
      ["mergedInto", rowId(merged.id)],
    ]);
    expect(JSON.parse(audit[0]!.changes)).toMatchObject({ merged: { name: "Andrej Medvedev" } });
    // Its slug is not handed out again while it leads somewhere.
    const reuse = await lede.execute(CREATE_PERSON, { i: { slug: "andrej-medvedev", name: "X" } }, { token: editor });
    expectErrorCode(reuse, "BAD_USER_INPUT", { document: CREATE_PERSON });
    // ...except to the record it leads to.
    const keptNow = await lede.db.prisma.person.findUniqueOrThrow({ where: { id: keptRow.id } });
    const takeOver = `mutation($i: UpdatePersonInput!) { updatePerson(input: $i) { slug } }`;
    expect(await run(takeOver, { i: { id: kept, version: keptNow.version, slug: "andrej-medvedev" } })).toEqual({
      updatePerson: { slug: "andrej-medvedev" },
    });
    expect(await run(takeOver, { i: { id: kept, version: keptNow.version + 1, slug: "andrei-medvedev" } })).toEqual({
      updatePerson: { slug: "andrei-medvedev" },
    });
    // Writing to the merged id is an error, not a silent write elsewhere.
    const late = await lede.execute(
      LINK.mention,
      { i: { articleId: reference, entityId: merged.id, salience: 0.5 } },
      {
        token: editor,
      },
    );
    expectErrorCode(late, "BAD_USER_INPUT", { document: LINK.mention });
  });

  it("lets a merged id keep filtering articles and opening a timeline, as node(id:) does", async () => {
    const kept = await gid("Person", "andrei-medvedev");
    const keptRow = await lede.db.prisma.person.findUniqueOrThrow({ where: { id: rowId(kept) } });
    const { createPerson: merged } = await run(CREATE_PERSON, {
      i: { slug: "andrej-medvedev-2", name: "A. Medvedev" },
    });
    const { mergeEntities } = await run(MERGE, {
      i: { keepId: kept, mergeId: merged.id, keepVersion: keptRow.version, mergeVersion: merged.version },
    });
    expect(mergeEntities.mergedId).toBe(merged.id);
    const FILTERED = `query($ids: [ID!]!, $byline: ID) {
      any: articles(first: 50, filter: { mentions: { anyOf: $ids } }) { totalCount }
      all: articles(first: 50, filter: { mentions: { allOf: $ids } }) { totalCount }
      byline: articles(first: 50, filter: { byline: $byline }) { totalCount }
    }`;
    const TIMELINE = `query($id: ID!) { timeline(entity: $id, first: 50) { totalCount } }`;
    const viaKept = (await lede.query(FILTERED, { ids: [kept], byline: kept })) as { any: { totalCount: number } };
    const viaMerged = await lede.query(FILTERED, { ids: [merged.id], byline: merged.id });
    expect(viaKept.any.totalCount).toBeGreaterThan(0);
    expect(viaMerged).toEqual(viaKept);
    expect(await lede.query(TIMELINE, { id: merged.id })).toEqual(await lede.query(TIMELINE, { id: kept }));
  });

  it("merges organisations (filling blanks, moving members, credits and published articles) and follows chains", async () => {
    const make = async (slug: string, description?: string) =>
      (await run(CREATE_ORG, { i: { slug, name: slug.replace(/-/g, " "), kind: "NEWS_AGENCY", description } }))
        .createOrganisation;
    const a = await make("agency-a");
    const b = await make("agency-b", "A wire service.");
    const c = await make("agency-c");
    const reference = await articleId(lede, REFERENCE_SLUG);
    await run(LINK.media, {
      i: { articleId: reference, url: "https://images.lede.example/a.jpg", creditOrganisationId: a.id },
    });
    await run(LINK.affiliation, {
      i: { personId: await gid("Person", "gorm-kallestad"), organisationId: a.id, role: "photographer" },
    });
    await lede.db.prisma.article.update({ where: { id: rowId(reference) }, data: { publisherId: rowId(a.id) } });
    const first = await run(MERGE, { i: { keepId: b.id, mergeId: a.id, keepVersion: 1, mergeVersion: 1 } });
    expect(first.mergeEntities.kept).toMatchObject({
      id: b.id,
      alternateNames: ["agency a"],
      description: "A wire service.",
    });
    const second = await run(MERGE, { i: { keepId: c.id, mergeId: b.id, keepVersion: 1, mergeVersion: 2 } });
    // c was blank: it takes b's description; and a, merged into b, now leads to c.
    expect(second.mergeEntities.kept).toMatchObject({ id: c.id, description: "A wire service." });
    expect([...second.mergeEntities.kept.alternateNames].sort()).toEqual(["agency a", "agency b"]);
    expect(await run(`query($id: ID!) { node(id: $id) { id } }`, { id: a.id })).toEqual({ node: { id: c.id } });
    const cId = rowId(c.id);
    expect(await lede.db.prisma.media.count({ where: { creditOrganisationId: cId } })).toBe(1);
    expect(await lede.db.prisma.affiliation.count({ where: { organisationId: cId } })).toBe(1);
    expect((await lede.db.prisma.article.findUniqueOrThrow({ where: { id: rowId(reference) } })).publisherId).toBe(cId);
  });

  it("merges places and events, refusing places that lie inside one another", async () => {
    const oslo = await gid("Place", "oslo");
    const { createPlace: dup } = await run(CREATE_PLACE, { i: { slug: "oslo-city", name: "Oslo city", kind: "CITY" } });
    const { createPlace: child } = await run(CREATE_PLACE, {
      i: { slug: "oslo-sentrum", name: "Sentrum", kind: "REGION", parentId: dup.id },
    });
    const createHearing = async (slug: string, name: string, placeId?: string) =>
      (
        await run(CREATE_EVENT, {
          i: { slug, name, kind: "OTHER", start: { date: "2024-01-01T00:00:00.000Z", precision: "DAY" }, placeId },
        })
      ).createEvent;
    const hearing = await createHearing("hearing-a", "Hearing", dup.id);
    const osloVersion = (await lede.db.prisma.place.findUniqueOrThrow({ where: { id: rowId(oslo) } })).version;
    await run(MERGE, { i: { keepId: oslo, mergeId: dup.id, keepVersion: osloVersion, mergeVersion: dup.version } });
    expect((await lede.db.prisma.place.findUniqueOrThrow({ where: { id: rowId(child.id) } })).parentId).toBe(
      rowId(oslo),
    );
    expect((await lede.db.prisma.event.findUniqueOrThrow({ where: { id: rowId(hearing.id) } })).placeId).toBe(
      rowId(oslo),
    );
    const nested = await lede.execute(
      MERGE,
      { i: { keepId: oslo, mergeId: await gid("Place", "oslo-pub"), keepVersion: osloVersion + 1, mergeVersion: 1 } },
      { token: editor },
    );
    expectErrorCode(nested, "BAD_USER_INPUT", { document: MERGE });

    const again = await createHearing("hearing-b", "Hearing (again)");
    const rich = await gid("Person", "rich-booth");
    await run(LINK.participant, { i: { eventId: again.id, actorId: rich, role: "reporter" } });
    await run(LINK.participant, { i: { eventId: hearing.id, actorId: rich, role: "reporter" } });
    await run(LINK.mention, { i: { articleId: await articleId(lede), entityId: again.id, salience: 0.2 } });
    await run(MERGE, { i: { keepId: hearing.id, mergeId: again.id, keepVersion: 1, mergeVersion: 1 } });
    expect(await lede.db.prisma.participant.count({ where: { eventId: rowId(hearing.id) } })).toBe(1);
    expect(await lede.db.prisma.mention.count({ where: { eventId: rowId(hearing.id) } })).toBe(1);
  });

  it("resolves many merged ids in a flat number of SQL statements", async () => {
    const mergeSome = async (count: number) => {
      const { createPerson: kept } = await run(CREATE_PERSON, { i: { slug: `flat-${count}`, name: `Flat ${count}` } });
      const merged: string[] = [];
      for (let i = 0; i < count; i++) {
        const { createPerson } = await run(CREATE_PERSON, { i: { slug: `flat-${count}-${i}`, name: `Flat ${i}` } });
        const version = (await lede.db.prisma.person.findUniqueOrThrow({ where: { id: rowId(kept.id) } })).version;
        await run(MERGE, { i: { keepId: kept.id, mergeId: createPerson.id, keepVersion: version, mergeVersion: 1 } });
        merged.push(createPerson.id);
      }
      const { result, statements } = await lede.countStatements(() =>
        run(`query($ids: [ID!]!) { nodes(ids: $ids) { id ... on Person { name } } }`, { ids: merged }),
      );
      expect(result.nodes).toEqual(merged.map(() => ({ id: kept.id, name: `Flat ${count}` })));
      return statements;
    };
    expect(await mergeSome(8)).toBe(await mergeSome(2));
  });

  it("refuses stale versions, a record merged with itself, mixed types and unknown ids", async () => {
    const { createPerson: one } = await run(CREATE_PERSON, { i: { slug: "twin-one", name: "Twin" } });
    const { createPerson: two } = await run(CREATE_PERSON, { i: { slug: "twin-two", name: "Twin 2" } });
    const cases: [Record<string, unknown>, string, string][] = [
      [{ keepId: one.id, mergeId: two.id, keepVersion: 1, mergeVersion: 7 }, "CONFLICT", "mergeVersion"],
      [{ keepId: one.id, mergeId: two.id, keepVersion: 0, mergeVersion: 1 }, "CONFLICT", "keepVersion"],
      [{ keepId: one.id, mergeId: one.id, keepVersion: 1, mergeVersion: 1 }, "BAD_USER_INPUT", "mergeId"],
      [
        { keepId: one.id, mergeId: await gid("Place", "oslo"), keepVersion: 1, mergeVersion: 1 },
        "BAD_USER_INPUT",
        "mergeId",
      ],
      [
        { keepId: encodeGlobalId("Person", "ghost"), mergeId: two.id, keepVersion: 1, mergeVersion: 1 },
        "BAD_USER_INPUT",
        "keepId",
      ],
      [{ keepId: await articleId(lede), mergeId: two.id, keepVersion: 1, mergeVersion: 1 }, "BAD_USER_INPUT", "keepId"],
    ];
    for (const [input, code, field] of cases) {
      const result = await lede.execute(MERGE, { i: input }, { token: editor });
      expectErrorCode(result, code, { document: MERGE, variables: input });
      expect(result.errors![0]!.extensions!.field, JSON.stringify(input)).toBe(field);
    }
    expect(
      await lede.db.prisma.person.findMany({ where: { slug: { startsWith: "twin-" } }, select: { version: true } }),
    ).toEqual([{ version: 1 }, { version: 1 }]);
  });

  it("leaves no partial rows when the merge fails half-way", async () => {
    const kept = (await run(CREATE_PERSON, { i: { slug: "half-kept", name: "Half Kept" } })).createPerson;
    const merged = (
      await run(CREATE_PERSON, { i: { slug: "half-merged", name: "Half Merged", alternateNames: ["H. M."] } })
    ).createPerson;
    const reference = await articleId(lede, REFERENCE_SLUG);
    await run(LINK.mention, { i: { articleId: reference, entityId: merged.id, salience: 0.4 } });
    await run(LINK.byline, { i: { articleId: reference, personId: merged.id, role: "EDITOR" } });
    const snapshot = async () => ({
      people: await lede.db.prisma.person.findMany({
        where: { slug: { startsWith: "half-" } },
        include: { alternateNames: { select: { name: true } }, mentions: true, bylines: true },
        orderBy: { slug: "asc" },
      }),
      article: await lede.db.prisma.article.findUniqueOrThrow({
        where: { id: rowId(reference) },
        select: { version: true },
      }),
      redirects: await lede.db.prisma.entityRedirect.count({ where: { id: rowId(merged.id) } }),
      audit: await lede.db.prisma.auditEntry.count({ where: { action: { in: ["mergeEntities", "mergedInto"] } } }),
    });
    const before = await snapshot();
    // The database refuses the last step (deleting the merged record), after every link has been moved.
    if (provider === "sqlite") {
      await lede.db.prisma.$executeRawUnsafe(
        `CREATE TRIGGER refuse_delete BEFORE DELETE ON "Person" WHEN OLD.slug = 'half-merged' BEGIN SELECT RAISE(ABORT, 'refused'); END`,
      );
    } else {
      await lede.db.prisma.$executeRawUnsafe(
        `CREATE FUNCTION refuse_delete() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused'; END $$`,
      );
      await lede.db.prisma.$executeRawUnsafe(
        `CREATE TRIGGER refuse_delete BEFORE DELETE ON "Person" FOR EACH ROW WHEN (OLD.slug = 'half-merged') EXECUTE FUNCTION refuse_delete()`,
      );
    }
    const result = await lede.execute(
      MERGE,
      { i: { keepId: kept.id, mergeId: merged.id, keepVersion: 1, mergeVersion: 1 } },
      {
        token: editor,
      },
    );
    expectErrorCode(result, "INTERNAL_SERVER_ERROR", { document: MERGE });
    expect(await snapshot()).toEqual(before);
    await lede.db.prisma.$executeRawUnsafe(
      provider === "sqlite" ? `DROP TRIGGER refuse_delete` : `DROP TRIGGER refuse_delete ON "Person"`,
    );
    await run(MERGE, { i: { keepId: kept.id, mergeId: merged.id, keepVersion: 1, mergeVersion: 1 } });
    expect(await lede.db.prisma.person.count({ where: { slug: "half-merged" } })).toBe(0);
  });
});
