// How the import compares names and makes slugs (case, diacritics, apostrophes and spacing do not matter; a long
// headline is cut where a phrase ends, never longer than asked), finds words with their offsets, reads bylines, and
// splits picture credits into photographer and agency.
import fc from "fast-check";
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

  it("cuts a long headline where a clause or phrase ends, not inside the next one", () => {
    // the reference article's headline: cut before "after police arrest him", not after "police"
    expect(
      slugify(
        "Wagner commander who fled from Russia to Norway begs for asylum after police arrest him outside Oslo bar",
      ),
    ).toBe("wagner-commander-who-fled-from-russia-to-norway-begs-for-asylum");
    // at a comma where there is one
    expect(
      slugify(
        "Ex-Wagner commander who escaped to Norway, and was held after an Oslo bar brawl, is refused asylum but allowed to stay",
      ),
    ).toBe("ex-wagner-commander-who-escaped-to-norway-and-was-held-after-an-oslo-bar-brawl");
    // never on a dangling word
    expect(slugify("alpha beta the gamma delta", 16)).toBe("alpha-beta");
    // what fits stays whole
    expect(slugify("Former Wagner fighter asks Oslo judges to overturn his air gun conviction")).toBe(
      "former-wagner-fighter-asks-oslo-judges-to-overturn-his-air-gun-conviction",
    );
  });

  describe("any text", () => {
    const word = fc.oneof(
      fc.constantFrom("after", "the", "and", "with", "who", "of", "a", "to", "police", "Oslo", "Ørsta", "x", "’s"),
      fc.string({ unit: "grapheme", minLength: 1, maxLength: 14 }),
      fc.stringMatching(/^[a-z0-9]{1,30}$/),
    );
    const separator = fc.constantFrom(" ", " ", " ", ", ", ": ", " – ", " - ", "-", ". ", "? ", "  ", "/");
    const text = fc
      .array(fc.tuple(word, separator), { minLength: 1, maxLength: 40 })
      .map((parts) => parts.map(([w, s]) => w + s).join(""));
    const max = fc.integer({ min: 5, max: 120 });

    it("is never longer than the max, and is lower-case words joined by single hyphens", () => {
      fc.assert(
        fc.property(text, max, (t, m) => {
          const slug = slugify(t, m);
          expect(slug.length).toBeLessThanOrEqual(m);
          expect(slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
          expect(slug.endsWith("-")).toBe(false);
        }),
        { numRuns: 500 },
      );
    });

    it("is the whole slug or a prefix of it that ends on a word boundary", () => {
      fc.assert(
        fc.property(text, max, (t, m) => {
          const whole = slugify(t, Number.MAX_SAFE_INTEGER);
          const slug = slugify(t, m);
          if (whole.length <= m) expect(slug).toBe(whole);
          else if (whole.split("-")[0]!.length > m) expect(whole.startsWith(slug)).toBe(true); // one long word
          else expect(whole.startsWith(`${slug}-`), `${slug} of ${whole}`).toBe(true);
        }),
        { numRuns: 500 },
      );
    });
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
