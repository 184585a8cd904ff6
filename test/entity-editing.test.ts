// Editors create and correct people, organisations, events and places: versioned updates (a stale version is a
// CONFLICT), alternate names, idempotent creates, and a BAD_USER_INPUT naming the field for every bad input.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encodeGlobalId } from "../src/global-id.js";
import { staff } from "./support/fixtures.js";
import { expectErrorCode, skipDatabase, startLede, type TestLede } from "./support/lede.js";

const CREATE_PERSON = `mutation($i: CreatePersonInput!) { createPerson(input: $i) { id version name alternateNames } }`;
const UPDATE_PERSON = `mutation($i: UpdatePersonInput!) { updatePerson(input: $i) { id version slug name alternateNames description nationality } }`;
const CREATE_ORG = `mutation($i: CreateOrganisationInput!) { createOrganisation(input: $i) { id version slug name kind alternateNames country { slug } } }`;
const UPDATE_ORG = `mutation($i: UpdateOrganisationInput!) { updateOrganisation(input: $i) { id version name kind alternateNames country { slug } description } }`;
const CREATE_EVENT = `mutation($i: CreateEventInput!) { createEvent(input: $i) { id version name kind start { iso precision } end { iso } place { slug } } }`;
const UPDATE_EVENT = `mutation($i: UpdateEventInput!) { updateEvent(input: $i) { id version name start { iso } end { iso } place { slug } } }`;
const CREATE_PLACE = `mutation($i: CreatePlaceInput!) { createPlace(input: $i) { id version slug kind parent { slug } } }`;
const UPDATE_PLACE = `mutation($i: UpdatePlaceInput!) { updatePlace(input: $i) { id version name parent { slug } } }`;
const AUDIT = `{ auditLog(first: 100) { edges { node { action entityType entityId } } } }`;

describe.skipIf(skipDatabase)("editing entities", () => {
  let lede: TestLede;
  let editor: string;
  const ids: Record<string, string> = {};
  /** Runs an operation as the editor and returns its data (failing with the response printed otherwise). */
  const run = (document: string, variables: Record<string, unknown>) =>
    lede.query(document, variables, { token: editor }) as Promise<Record<string, any>>;

  beforeAll(async () => {
    lede = await startLede();
    editor = (await staff(lede, "EDITOR")).token;
    for (const [type, table, slug] of [
      ["Place", "place", "norway"],
      ["Place", "place", "oslo"],
      ["Place", "place", "oslo-pub"],
      ["Organisation", "organisation", "wagner-group"],
      ["Person", "person", "andrei-medvedev"],
      ["Event", "event", "medvedev-border-crossing-2023"],
    ] as const) {
      const row = await (lede.db.prisma[table] as any).findFirstOrThrow({ where: { slug } });
      ids[slug] = encodeGlobalId(type, row.id);
    }
  });
  afterAll(async () => {
    await lede?.close();
  });

  it("updates a person at the version the editor saw, adding and removing alternate names", async () => {
    const { createPerson } = await run(CREATE_PERSON, {
      i: { slug: "oleg-example", name: "Oleg Example", alternateNames: ["Oleh Example"] },
    });
    expect(createPerson).toMatchObject({ version: 1, alternateNames: ["Oleh Example"] });
    const { updatePerson } = await run(UPDATE_PERSON, {
      i: {
        id: createPerson.id,
        version: 1,
        description: "A witness.",
        addAlternateNames: ["Oleg Eksampel", "Oleg Example"],
        removeAlternateNames: ["Oleh Example"],
      },
    });
    expect(updatePerson).toMatchObject({ version: 2, description: "A witness.", alternateNames: ["Oleg Eksampel"] });
    // A rename to one of its alternate names promotes it: it is no longer an alternate as well.
    const renamed = await run(UPDATE_PERSON, {
      i: { id: createPerson.id, version: 2, name: "Oleg Eksampel", slug: "oleg-eksampel", description: null },
    });
    expect(renamed.updatePerson).toMatchObject({
      version: 3,
      slug: "oleg-eksampel",
      name: "Oleg Eksampel",
      alternateNames: [],
      description: null,
    });
    // Someone who still holds version 2 gets a CONFLICT, and nothing of theirs is written.
    const stale = await lede.execute(
      UPDATE_PERSON,
      { i: { id: createPerson.id, version: 2, name: "Lost" } },
      {
        token: editor,
      },
    );
    expectErrorCode(stale, "CONFLICT", { document: UPDATE_PERSON });
    expect(stale.errors![0]!.message).toContain("now at version 3");
    const row = await lede.db.prisma.person.findFirstOrThrow({ where: { slug: "oleg-eksampel" } });
    expect(row).toMatchObject({ name: "Oleg Eksampel", version: 3 });
    const unknown = await lede.execute(
      UPDATE_PERSON,
      { i: { id: encodeGlobalId("Person", "ghost"), version: 1 } },
      {
        token: editor,
      },
    );
    expectErrorCode(unknown, "NOT_FOUND", { document: UPDATE_PERSON });
  });

  it("lets exactly one of two editors who saw the same version win; the other gets a CONFLICT", async () => {
    const { createPerson } = await run(CREATE_PERSON, { i: { slug: "race-person", name: "Race Person" } });
    const results = await Promise.all(
      ["First Writer", "Second Writer"].map((name) =>
        lede.execute(UPDATE_PERSON, { i: { id: createPerson.id, version: 1, name } }, { token: editor }),
      ),
    );
    const codes = results.map((r) => r.errors?.[0]?.extensions?.code ?? "ok").sort();
    expect(codes).toEqual(["CONFLICT", "ok"]);
    const winner = results.find((r) => !r.errors)!.data as { updatePerson: { name: string; version: number } };
    const row = await lede.db.prisma.person.findFirstOrThrow({ where: { slug: "race-person" } });
    expect(row).toMatchObject({ name: winner.updatePerson.name, version: 2 });
  });

  it("creates and updates organisations, events and places, each versioned and audited", async () => {
    const { createOrganisation } = await run(CREATE_ORG, {
      i: {
        slug: "nordic-watch",
        name: "Nordic Watch",
        kind: "NGO",
        alternateNames: ["Watch Nordic"],
        countryId: ids.norway,
      },
    });
    expect(createOrganisation).toMatchObject({
      version: 1,
      kind: "NGO",
      alternateNames: ["Watch Nordic"],
      country: { slug: "norway" },
    });
    const { updateOrganisation } = await run(UPDATE_ORG, {
      i: {
        id: createOrganisation.id,
        version: 1,
        kind: "ACTIVIST_GROUP",
        countryId: null,
        addAlternateNames: ["Nordwatch"],
      },
    });
    expect(updateOrganisation).toMatchObject({
      version: 2,
      kind: "ACTIVIST_GROUP",
      country: null,
      alternateNames: ["Nordwatch", "Watch Nordic"],
    });

    const { createEvent } = await run(CREATE_EVENT, {
      i: {
        slug: "oslo-hearing-2024",
        name: "Oslo hearing",
        kind: "SENTENCING",
        start: { date: "2024-03-17T15:00:00.000Z", precision: "MONTH" },
        placeId: ids.oslo,
      },
    });
    // A date inside the period is moved to the period's start.
    expect(createEvent).toMatchObject({ version: 1, start: { iso: "2024-03", precision: "MONTH" }, end: null });
    const { updateEvent } = await run(UPDATE_EVENT, {
      i: { id: createEvent.id, version: 1, end: { date: "2024-04-02T00:00:00.000Z", precision: "DAY" }, placeId: null },
    });
    expect(updateEvent).toMatchObject({
      version: 2,
      start: { iso: "2024-03" },
      end: { iso: "2024-04-02" },
      place: null,
    });
    // The end stays after the start also when only the start changes.
    const late = await lede.execute(
      UPDATE_EVENT,
      { i: { id: createEvent.id, version: 2, start: { date: "2024-05-01T00:00:00.000Z", precision: "DAY" } } },
      { token: editor },
    );
    expectErrorCode(late, "BAD_USER_INPUT", { document: UPDATE_EVENT });
    expect(late.errors![0]!.extensions!.field).toBe("end");

    const { createPlace } = await run(CREATE_PLACE, {
      i: { slug: "gronland", name: "Grønland", kind: "REGION", parentId: ids.oslo },
    });
    expect(createPlace).toMatchObject({ version: 1, kind: "REGION", parent: { slug: "oslo" } });
    const { updatePlace } = await run(UPDATE_PLACE, { i: { id: createPlace.id, version: 1, parentId: ids.norway } });
    expect(updatePlace).toMatchObject({ version: 2, parent: { slug: "norway" } });

    const admin = (await staff(lede, "ADMIN")).token;
    const audit = (await lede.query(AUDIT, {}, { token: admin })) as {
      auditLog: { edges: { node: { action: string; entityId: string } }[] };
    };
    const actions = audit.auditLog.edges.map(({ node }) => `${node.action} ${node.entityId}`);
    for (const [action, id] of [
      ["createOrganisation", createOrganisation.id],
      ["updateOrganisation", createOrganisation.id],
      ["createEvent", createEvent.id],
      ["updateEvent", createEvent.id],
      ["createPlace", createPlace.id],
      ["updatePlace", createPlace.id],
    ])
      expect(actions).toContain(`${action} ${id}`);
  });

  it("makes creates idempotent by clientMutationId: a retry returns the first record, other input is a CONFLICT", async () => {
    const input = {
      slug: "kirkenes-office",
      name: "Kirkenes office",
      kind: "VENUE",
      parentId: ids.norway,
      clientMutationId: "place-1",
    };
    const first = (await run(CREATE_PLACE, { i: input })).createPlace;
    const retry = (await run(CREATE_PLACE, { i: input })).createPlace;
    expect(retry.id).toBe(first.id);
    expect(await lede.db.prisma.place.count({ where: { slug: "kirkenes-office" } })).toBe(1);
    const other = await lede.execute(CREATE_PLACE, { i: { ...input, name: "Another" } }, { token: editor });
    expectErrorCode(other, "CONFLICT", { document: CREATE_PLACE });
    expect(other.errors![0]!.extensions!.field).toBe("clientMutationId");

    const event = {
      slug: "retry-event",
      name: "Retry",
      kind: "OTHER",
      start: { date: "2023-01-01T00:00:00.000Z", precision: "YEAR" },
      clientMutationId: "event-1",
    };
    expect((await run(CREATE_EVENT, { i: event })).createEvent.id).toBe(
      (await run(CREATE_EVENT, { i: event })).createEvent.id,
    );
    // Nested input counts: the same id with another start date is other input.
    const changed = await lede.execute(
      CREATE_EVENT,
      { i: { ...event, start: { date: "2022-01-01T00:00:00.000Z", precision: "YEAR" } } },
      { token: editor },
    );
    expectErrorCode(changed, "CONFLICT", { document: CREATE_EVENT });
    const person = { slug: "retry-person", name: "Retry Person", clientMutationId: "person-1" };
    expect((await run(CREATE_PERSON, { i: person })).createPerson.id).toBe(
      (await run(CREATE_PERSON, { i: person })).createPerson.id,
    );
    const org = { slug: "retry-org", name: "Retry Org", kind: "COMPANY", clientMutationId: "org-1" };
    expect((await run(CREATE_ORG, { i: org })).createOrganisation.id).toBe(
      (await run(CREATE_ORG, { i: org })).createOrganisation.id,
    );
  });

  it("names the field at fault: empty names, slug collisions, dates out of order, unknown ids, cycles", async () => {
    const ghostPlace = encodeGlobalId("Place", "ghost");
    const oslo = await lede.db.prisma.place.findFirstOrThrow({ where: { slug: "oslo" } });
    const medvedev = await lede.db.prisma.person.findFirstOrThrow({ where: { slug: "andrei-medvedev" } });
    const wagner = await lede.db.prisma.organisation.findFirstOrThrow({ where: { slug: "wagner-group" } });
    const day = (date: string) => ({ date: `${date}T00:00:00.000Z`, precision: "DAY" });
    const cases: [string, Record<string, unknown>, string][] = [
      [CREATE_ORG, { slug: "x-org", name: " ", kind: "NGO" }, "name"],
      [CREATE_ORG, { slug: "wagner-group", name: "Dup", kind: "NGO" }, "slug"],
      [CREATE_ORG, { slug: "Bad Slug", name: "Dup", kind: "NGO" }, "slug"],
      [CREATE_ORG, { slug: "x-org", name: "X", kind: "NGO", countryId: ghostPlace }, "countryId"],
      [CREATE_ORG, { slug: "x-org", name: "X", kind: "NGO", countryId: ids.oslo }, "countryId"],
      [CREATE_ORG, { slug: "x-org", name: "X", kind: "NGO", alternateNames: ["ok", ""] }, "alternateNames[1]"],
      [
        CREATE_EVENT,
        { slug: "x-event", name: "X", kind: "OTHER", start: day("2024-02-01"), end: day("2024-01-01") },
        "end",
      ],
      [
        CREATE_EVENT,
        { slug: "x-event", name: "X", kind: "OTHER", start: day("2024-02-01"), placeId: ghostPlace },
        "placeId",
      ],
      [CREATE_EVENT, { slug: "x-event", name: "", kind: "OTHER", start: day("2024-02-01") }, "name"],
      [CREATE_PLACE, { slug: "oslo", name: "Oslo again", kind: "CITY" }, "slug"],
      [CREATE_PLACE, { slug: "x-place", name: "X", kind: "CITY", parentId: ids["andrei-medvedev"] }, "parentId"],
      [UPDATE_PLACE, { id: ids.norway, version: 1, parentId: ids["oslo-pub"] }, "parentId"],
      [UPDATE_PLACE, { id: ids.oslo, version: 1, parentId: ids.oslo }, "parentId"],
      [UPDATE_PERSON, { id: ids["andrei-medvedev"], version: medvedev.version, name: null }, "name"],
      [UPDATE_PERSON, { id: ids["andrei-medvedev"], version: medvedev.version, slug: "yevgeny-prigozhin" }, "slug"],
      [
        UPDATE_PERSON,
        { id: ids["andrei-medvedev"], version: medvedev.version, removeAlternateNames: ["Nobody"] },
        "removeAlternateNames[0]",
      ],
      [UPDATE_ORG, { id: ids["wagner-group"], version: wagner.version, kind: null }, "kind"],
      [UPDATE_EVENT, { id: ids["medvedev-border-crossing-2023"], version: 1, end: day("1990-01-01") }, "end"],
    ];
    for (const [document, input, field] of cases) {
      const result = await lede.execute(document, { i: input }, { token: editor });
      expectErrorCode(result, "BAD_USER_INPUT", { document, variables: input });
      expect(result.errors![0]!.extensions!.field, JSON.stringify(input)).toBe(field);
    }
    // None of them wrote anything.
    expect(await lede.db.prisma.place.findUniqueOrThrow({ where: { id: oslo.id } })).toMatchObject({ version: 1 });
    expect(await lede.db.prisma.organisation.count({ where: { slug: "x-org" } })).toBe(0);
    expect(await lede.db.prisma.event.count({ where: { slug: "x-event" } })).toBe(0);
  });
});
