// The plain-text reader on its own: datelines, captions with credits, what counts as page furniture (and what,
// though it looks alike, is part of the story), and the Section/Tags/Publisher lines a file may start with.
import { describe, expect, it } from "vitest";
import { captionOf, parseDateline, parsePlainText } from "../../src/services/import/plain-text.js";
import { creditParts } from "../../src/services/import/credits.js";
import { parseNinjs } from "../../src/services/import/ninjs.js";

describe("plain-text articles", () => {
  it("reads datelines in the usual forms, with their time zones", () => {
    expect(parseDateline("Wednesday 07 February 2024 11:22 GMT")?.toISOString()).toBe("2024-02-07T11:22:00.000Z");
    expect(parseDateline("Friday 3 May 2024 16:40 BST")?.toISOString()).toBe("2024-05-03T15:40:00.000Z");
    expect(parseDateline("May 3, 2024 4:40 pm EDT")?.toISOString()).toBe("2024-05-03T20:40:00.000Z");
    expect(parseDateline("Updated: 3rd May 2024 at 09.15 +02:00")?.toISOString()).toBe("2024-05-03T07:15:00.000Z");
    expect(parseDateline("7 February 2024")?.toISOString()).toBe("2024-02-07T00:00:00.000Z");
    expect(parseDateline("The talks resumed on 7 February 2024 in Oslo")).toBeNull();
    expect(parseDateline("32 February 2024")).toBeNull();
  });

  it("tells captions with credits from sentences with parentheses", () => {
    expect(captionOf("Harbour cranes at dawn (Jane Doe / Agency)")).toEqual({
      caption: "Harbour cranes at dawn",
      credit: "Jane Doe / Agency",
    });
    expect(captionOf("A queue at the border post (Getty Images)")).toMatchObject({ credit: "Getty Images" });
    expect(captionOf("The road runs 40km (25 miles)")).toBeNull();
    expect(captionOf("She was not there (she said so herself).")).toBeNull();
    expect(creditParts("Copyright 2023 Some Agency. All rights reserved.")).toEqual(["Some Agency"]);
    expect(creditParts("Agency via Distributor Images")).toEqual(["Agency", "Distributor Images"]);
  });

  it("drops page furniture but keeps the story's own sentences that look alike", () => {
    const article = parsePlainText(
      [
        "A headline of our own",
        "",
        "A standfirst of our own",
        "",
        "Jane Doe",
        "Monday 6 May 2024 10:00 GMT",
        "Comments",
        "",
        "Related charges were dropped on Friday.",
        "",
        "Read more: Another story entirely",
        "",
        "The council's newsletter printed the notice a week late.",
        "",
        "Sign up to our free weekly newsletter",
        "",
        "Registered voters can apply until June.",
        "",
        "Comments",
        "",
        "A reader's comment that is not part of the article",
      ].join("\n"),
      "furniture.txt",
    );
    expect(article.bylines).toEqual([{ name: "Jane Doe", role: null }]);
    expect(article.blocks.map((b) => b.text)).toEqual([
      "Related charges were dropped on Friday.",
      "The council's newsletter printed the notice a week late.",
      "Registered voters can apply until June.",
    ]);
  });

  it("joins hard-wrapped lines into one paragraph", () => {
    const article = parsePlainText(
      "Headline\n\nStandfirst here\n\nFirst line of a paragraph\nand its second line.\n\nAnother one.",
      "w.txt",
    );
    expect(article.blocks.map((b) => b.text)).toEqual([
      "First line of a paragraph and its second line.",
      "Another one.",
    ]);
  });

  it("takes section, tags and publisher from lines before the headline, and leaves them unsaid without", () => {
    const article = parsePlainText(
      "Section: World\nTags: Arctic, border-towns\nTag: Ferries\nPublisher: The Independent\n\n" +
        "Ferry crews walk out\n\nA standfirst\n\nCrews stopped work at noon.",
      "f.txt",
    );
    expect(article).toMatchObject({
      headline: "Ferry crews walk out",
      standfirst: "A standfirst",
      section: { slug: "world", name: "World" },
      tags: [
        { slug: "arctic", name: "Arctic" },
        { slug: "border-towns", name: "Border towns" },
        { slug: "ferries", name: "Ferries" },
      ],
      publisher: "The Independent",
    });
    // a headline that merely has a colon is a headline; without the lines, nothing is said (flags may fill in)
    const plain = parsePlainText("Ukraine war: what we know\n\nCrews stopped work at noon.", "g.txt");
    expect(plain.headline).toBe("Ukraine war: what we know");
    expect([plain.section, plain.tags, plain.publisher]).toEqual([undefined, undefined, undefined]);
    expect(() => parsePlainText("Section: World\n\n", "h.txt")).toThrow(/no headline/);
  });
});

describe("ninjs files", () => {
  it("names the item and the field that is wrong", () => {
    expect(() => parseNinjs(`[{"uri": "https://x.example/a", "headlines": [{"value": 3}]}]`, "f.json")).toThrow(
      "f.json#0: headlines.0.value",
    );
    expect(() => parseNinjs(`{"uri": "urn:x", "type": "picture", "headlines": [{"value": "A"}]}`, "p.json")).toThrow(
      'p.json: type is "picture": only text items are articles',
    );
    expect(() => parseNinjs("[]", "e.json")).toThrow("the file holds an empty array");
  });
});
