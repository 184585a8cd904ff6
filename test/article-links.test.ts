// Editors credit articles (bylines in order, images with caption and credit) and link the graph (affiliations,
// event participants). A change to an article bumps its version and updatedAt; removals are by id and idempotent.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encodeGlobalId } from "../src/global-id.js";
import { articleId, DRAFT_SLUG, REFERENCE_SLUG, staff } from "./support/fixtures.js";
import { expectErrorCode, skipDatabase, startLede, type TestLede } from "./support/lede.js";

const ARTICLE = `query($id: ID!) { node(id: $id) { ... on Article { version updatedAt
  bylines { position role person { slug } }
  media { id position url caption credit creditPerson { slug } creditOrganisation { slug } } } } }`;
const ADD_BYLINE = `mutation($i: AddBylineInput!) { addByline(input: $i) { position role person { slug } article { version } } }`;
const REMOVE_BYLINE = `mutation($i: RemoveBylineInput!) { removeByline(input: $i) }`;
const ADD_MEDIA = `mutation($i: AddMediaInput!) { addMedia(input: $i) { id position caption credit creditPerson { slug } creditOrganisation { slug } article { version } } }`;
const REMOVE_MEDIA = `mutation($id: ID!) { removeMedia(id: $id) }`;
const ADD_AFFILIATION = `mutation($i: AddAffiliationInput!) { addAffiliation(input: $i) { id role } }`;
const REMOVE_AFFILIATION = `mutation($id: ID!) { removeAffiliation(id: $id) }`;
const ADD_PARTICIPANT = `mutation($i: AddParticipantInput!) { addParticipant(input: $i) { id role actor { __typename ... on Person { slug } ... on Organisation { slug } } event { slug } } }`;
const REMOVE_PARTICIPANT = `mutation($id: ID!) { removeParticipant(id: $id) }`;
const NODE = `query($id: ID!) { node(id: $id) { id __typename } }`;

describe.skipIf(skipDatabase)("bylines, media, affiliations and participants", () => {
  let lede: TestLede;
  let editor: string;
  let article: string;
  const id: Record<string, string> = {};
  const run = (document: string, variables: Record<string, unknown>) =>
    lede.query(document, variables, { token: editor }) as Promise<Record<string, any>>;
  const load = async () => (await run(ARTICLE, { id: article })).node;

  beforeAll(async () => {
    lede = await startLede();
    editor = (await staff(lede, "EDITOR")).token;
    article = await articleId(lede, REFERENCE_SLUG);
    for (const slug of ["helena-marsh", "gorm-kallestad", "rich-booth", "andrei-medvedev"]) {
      id[slug] = encodeGlobalId("Person", (await lede.db.prisma.person.findFirstOrThrow({ where: { slug } })).id);
    }
    for (const slug of ["ntb", "wagner-group"]) {
      id[slug] = encodeGlobalId(
        "Organisation",
        (await lede.db.prisma.organisation.findFirstOrThrow({ where: { slug } })).id,
      );
    }
    const event = await lede.db.prisma.event.findFirstOrThrow({ where: { slug: "medvedev-oslo-arrest-2023" } });
    id.event = encodeGlobalId("Event", event.id);
  });
  afterAll(async () => {
    await lede?.close();
  });

  it("adds bylines at a position, closes up on removal, and bumps the article's version each time", async () => {
    const before = await load();
    expect(before.bylines).toEqual([{ position: 0, role: "AUTHOR", person: { slug: "rich-booth" } }]);
    lede.clock.advance(60_000);
    const first = await run(ADD_BYLINE, { i: { articleId: article, personId: id["helena-marsh"], position: 0 } });
    expect(first.addByline).toMatchObject({ position: 0, role: "AUTHOR", article: { version: before.version + 1 } });
    await run(ADD_BYLINE, { i: { articleId: article, personId: id["gorm-kallestad"], role: "PHOTOGRAPHER" } });
    let now = await load();
    expect(now.bylines.map((b: any) => `${b.position} ${b.person.slug} ${b.role}`)).toEqual([
      "0 helena-marsh AUTHOR",
      "1 rich-booth AUTHOR",
      "2 gorm-kallestad PHOTOGRAPHER",
    ]);
    expect(now.version).toBe(before.version + 2);
    expect(now.updatedAt).toBe(lede.clock.now().toISOString());
    // The same person in the same role twice is an error; in another role it is a second credit.
    const twice = await lede.execute(
      ADD_BYLINE,
      { i: { articleId: article, personId: id["helena-marsh"] } },
      {
        token: editor,
      },
    );
    expectErrorCode(twice, "BAD_USER_INPUT", { document: ADD_BYLINE });
    expect(twice.errors![0]!.extensions!.field).toBe("personId");
    expect(await run(REMOVE_BYLINE, { i: { articleId: article, personId: id["helena-marsh"] } })).toEqual({
      removeByline: true,
    });
    expect(await run(REMOVE_BYLINE, { i: { articleId: article, personId: id["helena-marsh"] } })).toEqual({
      removeByline: false,
    });
    now = await load();
    expect(now.bylines.map((b: any) => `${b.position} ${b.person.slug}`)).toEqual(["0 rich-booth", "1 gorm-kallestad"]);
    expect(now.version).toBe(before.version + 3);
    for (const [input, field] of [
      [{ articleId: article, personId: id["helena-marsh"], position: 7 }, "position"],
      [{ articleId: article, personId: encodeGlobalId("Person", "ghost") }, "personId"],
      [{ articleId: encodeGlobalId("Article", "ghost"), personId: id["helena-marsh"] }, "articleId"],
      [{ articleId: article, personId: id.ntb }, "personId"],
    ] as const) {
      const result = await lede.execute(ADD_BYLINE, { i: input }, { token: editor });
      expectErrorCode(result, "BAD_USER_INPUT", { document: ADD_BYLINE, variables: input });
      expect(result.errors![0]!.extensions!.field).toBe(field);
    }
    expect((await load()).version).toBe(before.version + 3);
  });

  it("adds an image with caption and credits, and removes it with the body blocks that show it", async () => {
    const before = await load();
    const { addMedia } = await run(ADD_MEDIA, {
      i: {
        articleId: article,
        url: "https://images.lede.example/oslo-court.jpg",
        caption: "Oslo district court",
        creditText: "Gorm Kallestad / NTB",
        creditPersonId: id["gorm-kallestad"],
        creditOrganisationId: id.ntb,
        width: 1200,
        height: 800,
        position: 1,
      },
    });
    expect(addMedia).toMatchObject({
      position: 1,
      caption: "Oslo district court",
      credit: "Gorm Kallestad / NTB",
      creditPerson: { slug: "gorm-kallestad" },
      creditOrganisation: { slug: "ntb" },
      article: { version: before.version + 1 },
    });
    const now = await load();
    const urls = before.media.map((m: any) => m.url);
    expect(now.media.map((m: any) => m.url)).toEqual([
      urls[0],
      "https://images.lede.example/oslo-court.jpg",
      ...urls.slice(1),
    ]);
    expect(now.media.map((m: any) => m.position)).toEqual(now.media.map((_: unknown, i: number) => i));
    expect(await run(NODE, { id: addMedia.id })).toEqual({ node: { id: addMedia.id, __typename: "Media" } });

    // An image shown in the body: removing it removes its block and the body closes up.
    const shown = before.media[0].id;
    const mediaRow = await lede.db.prisma.media.findFirstOrThrow({ where: { url: before.media[0].url } });
    const blocksBefore = await lede.db.prisma.articleBlock.findMany({ where: { articleId: mediaRow.articleId } });
    const imageBlocks = blocksBefore.filter((b) => b.mediaId === mediaRow.id).length;
    expect(imageBlocks).toBeGreaterThan(0);
    expect(await run(REMOVE_MEDIA, { id: shown })).toEqual({ removeMedia: true });
    expect(await run(REMOVE_MEDIA, { id: shown })).toEqual({ removeMedia: false });
    const blocks = await lede.db.prisma.articleBlock.findMany({
      where: { articleId: mediaRow.articleId },
      orderBy: { position: "asc" },
    });
    expect(blocks.map((b) => b.position)).toEqual(blocks.map((_, i) => i));
    expect(blocks.length).toBe(blocksBefore.length - imageBlocks);
    const after = await load();
    expect(after.media.map((m: any) => m.position)).toEqual(after.media.map((_: unknown, i: number) => i));
    expect(after.media[0].id).toBe(addMedia.id);
    expect(after.version).toBe(before.version + 2);

    for (const [input, field] of [
      [{ articleId: article, url: "ftp://x" }, "url"],
      [{ articleId: article, url: "https://x.example/a.jpg", width: 0 }, "width"],
      [{ articleId: article, url: "https://x.example/a.jpg", creditPersonId: id.ntb }, "creditPersonId"],
      [
        {
          articleId: article,
          url: "https://x.example/a.jpg",
          creditOrganisationId: encodeGlobalId("Organisation", "ghost"),
        },
        "creditOrganisationId",
      ],
      [{ articleId: article, url: "https://x.example/a.jpg", position: -1 }, "position"],
    ] as const) {
      const result = await lede.execute(ADD_MEDIA, { i: input }, { token: editor });
      expectErrorCode(result, "BAD_USER_INPUT", { document: ADD_MEDIA, variables: input });
      expect(result.errors![0]!.extensions!.field).toBe(field);
    }
  });

  it("hides a draft's images from readers, also by id", async () => {
    const row = await lede.db.prisma.article.findFirstOrThrow({ where: { slug: DRAFT_SLUG } });
    const { addMedia } = await run(ADD_MEDIA, {
      i: { articleId: encodeGlobalId("Article", row.id), url: "https://images.lede.example/draft.jpg" },
    });
    expect(await lede.query(NODE, { id: addMedia.id })).toEqual({ node: null });
    expect(await run(NODE, { id: addMedia.id })).toEqual({ node: { id: addMedia.id, __typename: "Media" } });
  });

  it("removes affiliations and adds and removes event participants by id", async () => {
    const { addAffiliation } = await run(ADD_AFFILIATION, {
      i: { personId: id["andrei-medvedev"], organisationId: id.ntb, role: "source" },
    });
    expect(await run(NODE, { id: addAffiliation.id })).toEqual({
      node: { id: addAffiliation.id, __typename: "Affiliation" },
    });
    expect(await run(REMOVE_AFFILIATION, { id: addAffiliation.id })).toEqual({ removeAffiliation: true });
    expect(await run(REMOVE_AFFILIATION, { id: addAffiliation.id })).toEqual({ removeAffiliation: false });

    const person = await run(ADD_PARTICIPANT, {
      i: { eventId: id.event, actorId: id["rich-booth"], role: "reporter" },
    });
    expect(person.addParticipant).toMatchObject({
      role: "reporter",
      actor: { __typename: "Person", slug: "rich-booth" },
      event: { slug: "medvedev-oslo-arrest-2023" },
    });
    const org = await run(ADD_PARTICIPANT, { i: { eventId: id.event, actorId: id.ntb, role: "pictures" } });
    expect(org.addParticipant.actor).toEqual({ __typename: "Organisation", slug: "ntb" });
    for (const [input, field] of [
      [{ eventId: id.event, actorId: id["rich-booth"], role: "reporter" }, "actorId"],
      [{ eventId: id.event, actorId: id.event, role: "x" }, "actorId"],
      [{ eventId: encodeGlobalId("Event", "ghost"), actorId: id.ntb, role: "x" }, "eventId"],
      [{ eventId: id.event, actorId: id.ntb, role: "  " }, "role"],
    ] as const) {
      const result = await lede.execute(ADD_PARTICIPANT, { i: input }, { token: editor });
      expectErrorCode(result, "BAD_USER_INPUT", { document: ADD_PARTICIPANT, variables: input });
      expect(result.errors![0]!.extensions!.field).toBe(field);
    }
    expect(await run(REMOVE_PARTICIPANT, { id: person.addParticipant.id })).toEqual({ removeParticipant: true });
    expect(await run(REMOVE_PARTICIPANT, { id: person.addParticipant.id })).toEqual({ removeParticipant: false });
    expect(await lede.db.prisma.participant.count({ where: { role: { in: ["reporter", "pictures"] } } })).toBe(1);
    const audit = await lede.db.prisma.auditEntry.findMany({
      where: { action: { in: ["removeAffiliation", "addParticipant", "removeParticipant"] } },
    });
    expect(audit.map((a) => a.action).sort()).toEqual([
      "addParticipant",
      "addParticipant",
      "removeAffiliation",
      "removeParticipant",
    ]);
  });
});
