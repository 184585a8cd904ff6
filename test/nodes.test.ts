// Global ids: node(id) round-trips every Node type; malformed ids are BAD_USER_INPUT, unknown ones null.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NodeByIdDocument, NodesByIdsDocument } from "./generated/graphql.js";
import { encodeGlobalId } from "../src/global-id.js";
import { expectErrorCode, skipDatabase, startLede, type TestLede } from "./support/lede.js";

const ONE_OF_EACH = `{
  article(slug: "ex-wagner-commander-norway-refused-asylum-allowed-to-stay") {
    id
    comments(first: 1) { edges { node { id author { id } } } }
  }
  person(slug: "andrei-medvedev") { id }
  organisation(slug: "wagner-group") { id }
  event(slug: "wagner-mutiny-2023") { id }
  place(slug: "oslo") { id }
}`;

interface OneOfEach {
  article: { id: string; comments: { edges: { node: { id: string; author: { id: string } } }[] } };
  person: { id: string };
  organisation: { id: string };
  event: { id: string };
  place: { id: string };
}

describe.skipIf(skipDatabase)("global ids", () => {
  let lede: TestLede;
  let ids: Record<string, string>;
  beforeAll(async () => {
    lede = await startLede();
    const data = (await lede.query(ONE_OF_EACH)) as OneOfEach;
    const comment = data.article.comments.edges[0]!.node;
    ids = {
      Article: data.article.id,
      Comment: comment.id,
      Account: comment.author.id,
      Person: data.person.id,
      Organisation: data.organisation.id,
      Event: data.event.id,
      Place: data.place.id,
    };
  });
  afterAll(async () => {
    await lede?.close();
  });

  it("round-trips every Node type through node(id)", async () => {
    for (const [typename, id] of Object.entries(ids)) {
      const { node } = await lede.query(NodeByIdDocument, { id });
      expect(node, typename).toEqual({ __typename: typename, id });
    }
  });

  it("fetches several nodes in the order asked, with null for ids that match nothing", async () => {
    const missing = encodeGlobalId("Person", "no-such-person");
    const { nodes } = await lede.query(NodesByIdsDocument, { ids: [ids.Place!, missing, ids.Article!] });
    expect(nodes).toEqual([{ __typename: "Place", id: ids.Place }, null, { __typename: "Article", id: ids.Article }]);
  });

  it("answers null for a well-formed id of nothing, and BAD_USER_INPUT for malformed ids", async () => {
    expect(await lede.query(NodeByIdDocument, { id: encodeGlobalId("Article", "nope") })).toEqual({ node: null });
    const malformed = [
      "",
      "not base64!",
      "abc",
      Buffer.from("Unicorn:1").toString("base64url"),
      Buffer.from("Article:").toString("base64url"),
      Buffer.from("noseparator").toString("base64url"),
      "x".repeat(5000),
      "\u0000",
    ];
    for (const id of malformed) {
      const result = await lede.execute(NodeByIdDocument, { id });
      expectErrorCode(result, "BAD_USER_INPUT", { document: NodeByIdDocument, variables: { id } });
      expect(JSON.stringify(result)).not.toMatch(/stack|\.ts:|at \w+ \(/);
    }
  });

  it("refuses an id of the wrong type where a field expects one type", async () => {
    const document = `query($id: ID!) { article(id: $id) { id } }`;
    const result = await lede.execute(document, { id: ids.Person });
    expectErrorCode(result, "BAD_USER_INPUT", { document });
    expect(result.errors![0]!.message).toMatch(/Article/);
    const comment = `query($id: ID!) { comment(id: $id) { id } }`;
    expectErrorCode(await lede.execute(comment, { id: ids.Place }), "BAD_USER_INPUT", { document: comment });
  });

  it("does not hand out drafts through node(id)", async () => {
    const draft = await lede.db.prisma.article.findFirstOrThrow({ where: { status: "DRAFT" } });
    expect(await lede.query(NodeByIdDocument, { id: encodeGlobalId("Article", draft.id) })).toEqual({ node: null });
  });
});
