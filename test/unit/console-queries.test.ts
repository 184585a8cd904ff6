// The moderation console's hand-written operations (src/console/queries.js, plain JavaScript served as it is) are
// valid against the schema the server builds, so a renamed field or argument fails here rather than in a moderator's
// browser; and queries.js is the console's only place for them.
import { readdirSync, readFileSync } from "node:fs";
import { parse, validate, type GraphQLError } from "graphql";
import { describe, expect, it } from "vitest";
import { schema } from "../../src/schema/index.js";

const CONSOLE_DIR = new URL("../../src/console/", import.meta.url);

/** Every string queries.js exports, by export name (ACCOUNT_ACTIONS.BAN for the account actions). */
async function consoleOperations(): Promise<Record<string, string>> {
  const queries = (await import(new URL("queries.js", CONSOLE_DIR).href)) as Record<string, unknown>;
  const found: Record<string, string> = {};
  for (const [name, value] of Object.entries(queries)) {
    if (typeof value === "string") found[name] = value;
    else for (const [kind, text] of Object.entries(value as Record<string, string>)) found[`${name}.${kind}`] = text;
  }
  return found;
}

describe("the moderation console's operations", () => {
  it("all validate against the schema", async () => {
    const operations = await consoleOperations();
    expect(Object.keys(operations)).toEqual(
      expect.arrayContaining(["VIEWER", "QUEUE", "STREAM", "ACCOUNT_ACTIONS.BAN"]),
    );
    const invalid: Record<string, string[]> = {};
    for (const [name, text] of Object.entries(operations)) {
      let errors: readonly GraphQLError[];
      try {
        errors = validate(schema, parse(text));
      } catch (error) {
        errors = [error as GraphQLError];
      }
      if (errors.length) invalid[name] = errors.map((e) => e.message);
    }
    expect(invalid).toEqual({});
  });

  it("are all in queries.js: no other console file writes one", () => {
    const operationText = /`\s*(?:query|mutation|subscription|fragment)\b|`\s*\{\s*\w+\s*[({]/;
    const others = readdirSync(CONSOLE_DIR).filter((file) => file.endsWith(".js") && file !== "queries.js");
    expect(others.length).toBeGreaterThan(3);
    const writers = others.filter((file) => operationText.test(readFileSync(new URL(file, CONSOLE_DIR), "utf8")));
    expect(writers).toEqual([]);
  });
});
