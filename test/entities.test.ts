// The entity graph in both directions: person ↔ organisation, event ↔ participants and place, place ↔ events,
// entity → the articles that mention it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  EventDetailDocument,
  OrganisationMembersDocument,
  PersonGraphDocument,
  PlaceDetailDocument,
} from "./generated/graphql.js";
import { skipDatabase, startLede, type TestLede } from "./support/lede.js";

describe.skipIf(skipDatabase)("entity graph", () => {
  let lede: TestLede;
  beforeAll(async () => {
    lede = await startLede();
  });
  afterAll(async () => {
    await lede?.close();
  });

  it("gives a person's affiliations with dated ranges, events and the articles that mention them", async () => {
    const { person } = await lede.query(PersonGraphDocument, { slug: "andrei-medvedev" });
    expect(person).toMatchObject({
      name: "Andrei Medvedev",
      alternateNames: ["Andrey Medvedev"],
      nationality: "Russian",
    });
    const wagner = person!.affiliations.edges.map((e) => e.node).find((a) => a.organisation.name === "Wagner Group");
    expect(wagner).toMatchObject({
      role: "commander",
      current: false,
      start: { iso: "2022-07", text: "July 2022" },
      end: { iso: "2022-11", text: "November 2022" },
    });
    const eventStarts = person!.participations.edges.map((e) => e.node.event.start.iso);
    expect([...eventStarts].sort()).toEqual(eventStarts);
    expect(person!.participations.totalCount).toBeGreaterThanOrEqual(4);
    expect(person!.mentionedIn.totalCount).toBe(3); // the draft is not counted
    expect(person!.mentionedIn.edges[0]!.node.salience).toBeGreaterThan(0);
  });

  it("lists an organisation's members, current and former, and its country", async () => {
    const { organisation } = await lede.query(OrganisationMembersDocument, { slug: "wagner-group" });
    expect(organisation).toMatchObject({
      name: "Wagner Group",
      kind: "PRIVATE_MILITARY_COMPANY",
      country: { name: "Russia" },
    });
    const members = organisation!.members.edges.map((e) => e.node);
    expect(members.map((m) => m.person.name)).toEqual(expect.arrayContaining(["Andrei Medvedev", "Yevgeny Prigozhin"]));
    expect(organisation!.members.totalCount).toBe(members.length);
    expect(organisation!.alternateNames.length).toBeGreaterThan(0);
    expect(organisation!.mentionedIn.totalCount).toBeGreaterThanOrEqual(3);
  });

  it("gives an event its partial dates, its place and its participants of both kinds", async () => {
    const { event } = await lede.query(EventDetailDocument, { slug: "wagner-mutiny-2023" });
    expect(event!.start).toMatchObject({ iso: "2023-06-23", precision: "DAY", text: "23 June 2023" });
    expect(event!.start.start).toBe("2023-06-23T00:00:00.000Z");
    expect(event!.end).toMatchObject({ iso: "2023-06-24", precision: "DAY" });
    const participants = event!.participants.edges.map((e) => e.node);
    const actors = participants.map((p) => p.actor.__typename);
    expect(actors).toEqual(expect.arrayContaining(["Person", "Organisation"]));
    expect(participants.some((p) => p.actor.__typename === "Person" && p.actor.name === "Yevgeny Prigozhin")).toBe(
      true,
    );
  });

  it("nests places and lists the events at each", async () => {
    const { place } = await lede.query(PlaceDetailDocument, { slug: "oslo" });
    expect(place).toMatchObject({ kind: "CITY", parent: { name: "Norway" } });
    expect(place!.events.totalCount).toBeGreaterThanOrEqual(1);
    const { place: norway } = await lede.query(PlaceDetailDocument, { slug: "norway" });
    expect(norway!.children.edges.map((e) => e.node.name)).toContain("Oslo");
  });

  it("reaches every entity root list with totalCount", async () => {
    const data = (await lede.query(`{
      people(first: 100) { totalCount edges { node { slug } } }
      organisations(first: 100) { totalCount edges { node { slug } } }
      events(first: 100) { totalCount edges { node { slug } } }
      places(first: 100) { totalCount edges { node { slug } } }
      sections { totalCount edges { node { slug articles(first: 10) { totalCount } } } }
      tag(slug: "wagner-group") { name articles(first: 10) { totalCount edges { node { slug } } } }
    }`)) as Record<string, { totalCount: number; edges: unknown[] }> & {
      sections: { totalCount: number; edges: { node: { articles: { totalCount: number } } }[] };
      tag: { articles: { totalCount: number } };
    };
    for (const key of ["people", "organisations", "events", "places"]) {
      expect(data[key]!.totalCount, key).toBe(data[key]!.edges.length);
      expect(data[key]!.totalCount, key).toBeGreaterThan(5);
    }
    expect(data.sections.totalCount).toBe(1);
    expect(data.sections.edges[0]!.node.articles.totalCount).toBe(3);
    expect(data.tag.articles.totalCount).toBeGreaterThanOrEqual(2);
  });
});
