// How the import compares names and makes slugs (case, diacritics, apostrophes and spacing do not matter), finds
// words with their offsets, reads bylines, and splits picture credits into photographer and agency.
import { describe, expect, it } from "vitest";
import { creditParts } from "../../src/services/import/credits.js";
import { normalName, slugify, wordsOf } from "../../src/services/import/names.js";
import { bylineNames } from "../../src/services/import/plain-text.js";

describe("names", () => {
  it("compares names whatever their case, diacritics, apostrophes and spacing", () => {
    expect(normalName("Brynjulf Risnes")).toBe("brynjulf risnes");
    expect(normalName("BRYNJULF  RISNÉS")).toBe("brynjulf risnes");
    expect(normalName("  Ó’Brien\t")).toBe("o'brien");
    expect(normalName("AT&T, Inc.")).toBe("at&t inc.");
  });

  it("slugifies to lower-case words joined by hyphens, cut at a word boundary", () => {
    expect(slugify("Who was Yevgeny Prigozhin? What next for Wagner")).toBe(
      "who-was-yevgeny-prigozhin-what-next-for-wagner",
    );
    expect(slugify("Crème brûlée’s return")).toBe("creme-brulees-return");
    expect(slugify("alpha beta gamma", 11)).toBe("alpha-beta");
    expect(slugify("supercalifragilistic", 5)).toBe("super");
    expect(slugify("!!!")).toBe("untitled");
    for (const text of ["A — B", "Ünïcødé text", "x".repeat(200), "one two three four five six seven eight nine ten"])
      expect(slugify(text, 20)).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it("finds words with their offsets, without a possessive s, and says which are capitalised or upper-case", () => {
    const text = "Russia’s NATO envoy met O'Neill.";
    const words = wordsOf(text);
    expect(words.map((w) => w.word)).toEqual(["russia", "nato", "envoy", "met", "o'neill"]);
    expect(words.map((w) => text.slice(w.start, w.end))).toEqual(["Russia", "NATO", "envoy", "met", "O'Neill"]);
    expect(words.map((w) => [w.capitalised, w.upper])).toEqual([
      [true, false],
      [true, true],
      [false, false],
      [false, false],
      [true, false],
    ]);
  });
});

describe("bylines and credits", () => {
  it("reads the names of a byline", () => {
    expect(bylineNames("By Jane Doe and John Smith")).toEqual(["Jane Doe", "John Smith"]);
    expect(bylineNames("Jane Doe")).toEqual(["Jane Doe"]);
  });

  it("splits credits at slashes, via and semicolons, dropping copyright words", () => {
    expect(creditParts("Gorm Kallestad / NTB")).toEqual(["Gorm Kallestad", "NTB"]);
    expect(creditParts("Photo: Jane Doe; Agency")).toEqual(["Jane Doe", "Agency"]);
    expect(creditParts("© Some Agency")).toEqual(["Some Agency"]);
    expect(creditParts("Copyright (c) 2020 Some Agency.")).toEqual(["Some Agency"]);
    expect(creditParts("")).toEqual([]);
  });
});
