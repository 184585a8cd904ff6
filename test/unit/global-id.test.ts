// Global ids on their own: encode/decode round trips, and every malformed id is a BAD_USER_INPUT naming the field.
import { GraphQLError } from "graphql";
import { beforeAll, describe, expect, it } from "vitest";
import { decodeGlobalId, decodeGlobalIdOf, encodeGlobalId, nodeTypeNames } from "../../src/global-id.js";

/** The error `run` throws, which must be a GraphQLError. */
function thrown(run: () => unknown): GraphQLError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(GraphQLError);
    return error as GraphQLError;
  }
  throw new Error("expected an error");
}

describe("global ids", () => {
  // The schema modules register their Node types; here the test does, so that no schema needs to load.
  beforeAll(() => {
    nodeTypeNames.add("Article");
    nodeTypeNames.add("Person");
  });

  it("encodes base64url(Type:rowId) and decodes it back, whatever the row id holds", () => {
    expect(encodeGlobalId("Article", "a-1")).toBe(Buffer.from("Article:a-1").toString("base64url"));
    for (const id of ["a-1", "with:colons:inside", "ünïcødé ✓", "42", "x".repeat(300)]) {
      expect(decodeGlobalId(encodeGlobalId("Person", id))).toEqual({ typename: "Person", id });
    }
    expect(decodeGlobalId(encodeGlobalId("Article", 7))).toEqual({ typename: "Article", id: "7" });
    expect(decodeGlobalId(encodeGlobalId("Article", 9007199254740993n))).toEqual({
      typename: "Article",
      id: "9007199254740993",
    });
  });

  it("never emits padding or characters outside base64url", () => {
    for (let length = 0; length < 40; length++) {
      expect(encodeGlobalId("Article", "y".repeat(length + 1))).toMatch(/^[A-Za-z0-9_-]+$/);
    }
  });

  it.each([
    ["empty", ""],
    ["not base64url", "not an id!"],
    ["too long", "A".repeat(513)],
    ["an unknown type", encodeGlobalId("Unicorn", "1")],
    ["no row id", Buffer.from("Article:").toString("base64url")],
    ["no separator", Buffer.from("Article").toString("base64url")],
    ["no type", Buffer.from(":1").toString("base64url")],
    ["a control character in the row id", encodeGlobalId("Article", "a\u0000b")],
  ])("refuses %s with BAD_USER_INPUT on the field id", (_what, id) => {
    const error = thrown(() => decodeGlobalId(id));
    expect(error.extensions).toEqual({ code: "BAD_USER_INPUT", field: "id" });
    expect(error.message).toMatch(/is not a valid Lede id$/);
  });

  it("names the argument a malformed id came in, when the caller says which", () => {
    expect(thrown(() => decodeGlobalId("not-an-id!", "entity")).extensions).toEqual({
      code: "BAD_USER_INPUT",
      field: "entity",
    });
  });

  it("quotes at most 80 characters of a bad id in its message", () => {
    const error = thrown(() => decodeGlobalId("!".repeat(400)));
    expect(error.message).toBe(`${JSON.stringify("!".repeat(80))} is not a valid Lede id`);
  });

  it("decodeGlobalIdOf returns the row id of an expected type and names the field otherwise", () => {
    expect(decodeGlobalIdOf(encodeGlobalId("Article", "a-1"), "Article")).toBe("a-1");
    expect(decodeGlobalIdOf(encodeGlobalId("Person", "p"), ["Article", "Person"], "entity")).toBe("p");

    const wrongType = thrown(() => decodeGlobalIdOf(encodeGlobalId("Person", "p"), "Article", "articleId"));
    expect(wrongType.message).toBe("articleId must be an Article id, not a Person id");
    expect(wrongType.extensions).toEqual({ code: "BAD_USER_INPUT", field: "articleId" });

    const wrongOfMany = thrown(() =>
      decodeGlobalIdOf(encodeGlobalId("Article", "a"), ["Person", "Organisation", "Event", "Place"], "entityId"),
    );
    expect(wrongOfMany.message).toBe("entityId must be a Person, Organisation, Event or Place id, not an Article id");

    const malformed = thrown(() => decodeGlobalIdOf("garbage!", ["Article", "Person"], "entity"));
    expect(malformed.message).toBe("entity is not a valid Article or Person id");
    expect(malformed.extensions).toEqual({ code: "BAD_USER_INPUT", field: "entity" });
  });
});
