// Editors link the graph: new people, mentions with salience, dated affiliations; each bad input names its field.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encodeGlobalId } from "../src/global-id.js";
import { articleId, staff } from "./support/fixtures.js";
import { expectErrorCode, skipDatabase, startLede, type TestLede } from "./support/lede.js";

const CREATE_PERSON = `mutation($i: CreatePersonInput!) { createPerson(input: $i) { id slug name alternateNames } }`;
const ADD_MENTION = `mutation($i: AddMentionInput!) { addMention(input: $i) { salience role entity { __typename ... on Person { name } } article { id } } }`;
const REMOVE_MENTION = `mutation($a: ID!, $e: ID!) { removeMention(articleId: $a, entityId: $e) }`;
const ADD_AFFILIATION = `mutation($i: AddAffiliationInput!) { addAffiliation(input: $i) { role start { iso } end { iso } person { name } organisation { name } } }`;

describe.skipIf(skipDatabase)("editing the graph", () => {
  let lede: TestLede;
  let editor: string;
  let article: string;
  let wagner: string;
  beforeAll(async () => {
    lede = await startLede();
    editor = (await staff(lede, "EDITOR")).token;
    article = await articleId(lede);
    const org = await lede.db.prisma.organisation.findFirstOrThrow({ where: { slug: "wagner-group" } });
    wagner = encodeGlobalId("Organisation", org.id);
  });
  afterAll(async () => {
    await lede?.close();
  });

  it("adds a person, mentions them with a salience, affiliates them, and removes the mention again", async () => {
    const { createPerson } = (await lede.query(
      CREATE_PERSON,
      { i: { slug: "ivan-example", name: "Ivan Example", alternateNames: ["Iwan Example", "Ivan Example"] } },
      { token: editor },
    )) as {
      createPerson: { id: string; alternateNames: string[] };
    };
    expect(createPerson.alternateNames).toEqual(["Iwan Example"]);
    const { addMention } = (await lede.query(
      ADD_MENTION,
      { i: { articleId: article, entityId: createPerson.id, salience: 0.4, role: "witness" } },
      { token: editor },
    )) as {
      addMention: object;
    };
    expect(addMention).toEqual({
      salience: 0.4,
      role: "witness",
      entity: { __typename: "Person", name: "Ivan Example" },
      article: { id: article },
    });
    const again = (await lede.query(
      ADD_MENTION,
      { i: { articleId: article, entityId: createPerson.id, salience: 0.6 } },
      { token: editor },
    )) as {
      addMention: { salience: number };
    };
    expect(again.addMention.salience).toBe(0.6);
    const count = await lede.db.prisma.mention.count({ where: { person: { slug: "ivan-example" } } });
    expect(count).toBe(1);
    const { addAffiliation } = (await lede.query(
      ADD_AFFILIATION,
      {
        i: {
          personId: createPerson.id,
          organisationId: wagner,
          role: "driver",
          start: { date: "2022-05-01T00:00:00.000Z", precision: "MONTH" },
          end: { date: "2022-09-01T00:00:00.000Z", precision: "MONTH" },
        },
      },
      { token: editor },
    )) as { addAffiliation: object };
    expect(addAffiliation).toEqual({
      role: "driver",
      start: { iso: "2022-05" },
      end: { iso: "2022-09" },
      person: { name: "Ivan Example" },
      organisation: { name: "Wagner Group" },
    });
    expect(await lede.query(REMOVE_MENTION, { a: article, e: createPerson.id }, { token: editor })).toEqual({
      removeMention: true,
    });
    expect(await lede.query(REMOVE_MENTION, { a: article, e: createPerson.id }, { token: editor })).toEqual({
      removeMention: false,
    });
  });

  it("names the field at fault: slug collisions, salience outside 0–1, dates out of order, unknown ids", async () => {
    const person = await lede.db.prisma.person.findFirstOrThrow({ where: { slug: "andrei-medvedev" } });
    const personId = encodeGlobalId("Person", person.id);
    const cases: [string, Record<string, unknown>, string, string][] = [
      [CREATE_PERSON, { i: { slug: "andrei-medvedev", name: "Someone" } }, "BAD_USER_INPUT", "slug"],
      [CREATE_PERSON, { i: { slug: "no-name", name: "  " } }, "BAD_USER_INPUT", "name"],
      [ADD_MENTION, { i: { articleId: article, entityId: personId, salience: 1.5 } }, "BAD_USER_INPUT", "salience"],
      [ADD_MENTION, { i: { articleId: article, entityId: personId, salience: -0.1 } }, "BAD_USER_INPUT", "salience"],
      [
        ADD_MENTION,
        { i: { articleId: article, entityId: encodeGlobalId("Person", "ghost"), salience: 0.5 } },
        "BAD_USER_INPUT",
        "entityId",
      ],
      [ADD_MENTION, { i: { articleId: article, entityId: article, salience: 0.5 } }, "BAD_USER_INPUT", "entityId"],
      [
        ADD_MENTION,
        { i: { articleId: encodeGlobalId("Article", "ghost"), entityId: personId, salience: 0.5 } },
        "BAD_USER_INPUT",
        "articleId",
      ],
      [
        ADD_AFFILIATION,
        {
          i: {
            personId,
            organisationId: wagner,
            role: "x",
            start: { date: "2023-01-01T00:00:00.000Z", precision: "DAY" },
            end: { date: "2022-01-01T00:00:00.000Z", precision: "DAY" },
          },
        },
        "BAD_USER_INPUT",
        "end",
      ],
    ];
    for (const [document, variables, code, field] of cases) {
      const result = await lede.execute(document, variables, { token: editor });
      expectErrorCode(result, code, { document, variables });
      expect(result.errors![0]!.extensions!.field, JSON.stringify(variables)).toBe(field);
    }
    const reader = (await staff(lede, "READER")).token;
    expectErrorCode(
      await lede.execute(CREATE_PERSON, { i: { slug: "by-reader", name: "x" } }, { token: reader }),
      "FORBIDDEN",
      { document: CREATE_PERSON },
    );
  });
});
