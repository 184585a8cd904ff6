// How messages name things: "a" or "an" by the sound of the word, lists with "and" / "or", and no message in the
// sources that writes "a ${…}" itself (so "a Article" cannot come back).
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { indefiniteArticle, listOf, withArticle } from "../../src/wording.js";

const SRC = resolve(import.meta.dirname, "../../src");

describe("wording", () => {
  it.each([
    ["Article", "an"],
    ["Organisation", "an"],
    ["Event", "an"],
    ["Account", "an"],
    ["Affiliation", "an"],
    ["Person", "a"],
    ["Place", "a"],
    ["Comment", "a"],
    ["LiveUpdate", "a"],
    ["analyst, editor or admin", "an"],
    ["editor or admin", "an"],
    ["admin", "an"],
    ["moderator or admin", "a"],
    ["reader", "a"],
    ["unique slug", "a"],
    ["unidentified caller", "an"],
    ["user", "a"],
    ["European", "a"],
    ["one-off", "a"],
    ["hour", "an"],
    ["HTTP address", "an"],
    ["NTB credit", "an"],
    ["URL", "a"],
    ["", "a"],
  ])("%j takes %s", (phrase, article) => {
    expect(indefiniteArticle(phrase)).toBe(article);
  });

  it("puts the article before the phrase", () => {
    expect(withArticle("Article")).toBe("an Article");
    expect(withArticle("Person or Organisation")).toBe("a Person or Organisation");
    expect(withArticle("Organisation or Person")).toBe("an Organisation or Person");
  });

  it("lists with commas and a last 'and' or 'or'", () => {
    expect(listOf([])).toBe("");
    expect(listOf(["Person"])).toBe("Person");
    expect(listOf(["Article", "Person"], "or")).toBe("Article or Person");
    expect(listOf(["analyst", "editor", "admin"])).toBe("analyst, editor and admin");
    expect(listOf(["Person", "Organisation", "Event", "Place"], "or")).toBe("Person, Organisation, Event or Place");
  });

  it("is the only place that puts an article before an interpolated word", () => {
    const files = readdirSync(SRC, { recursive: true, encoding: "utf8" }).filter(
      (file) => /\.(ts|mjs|js)$/.test(file) && !/generated|dist/.test(file) && file !== "wording.ts",
    );
    expect(files.length).toBeGreaterThan(100);
    const offenders = files.flatMap((file) =>
      readFileSync(join(SRC, file), "utf8")
        .split("\n")
        .flatMap((line, n) => (/\b[aA]n? \$\{/.test(line) ? [`src/${file}:${n + 1}: ${line.trim()}`] : [])),
    );
    expect(offenders, "write withArticle(…) from src/wording.ts instead").toEqual([]);
  });
});
