// The export formats on an article held in memory: schema.org NewsArticle (JSON-LD) with about/mentions by salience,
// and IPTC ninjs, which the import reader turns back into the same article.
import { describe, expect, it } from "vitest";
import { toJsonLd, type JsonLdArticle } from "../../src/services/export/json-ld.js";
import { NINJS_SCHEMA, toNinjs, type NinjsArticle } from "../../src/services/export/ninjs.js";
import { parseNinjs } from "../../src/services/import/ninjs.js";

const PUBLISHED = new Date("2024-02-07T11:22:00.000Z");
const UPDATED = new Date("2024-02-08T09:00:00.000Z");
const named = (name: string) => ({ name, slug: name.toLowerCase().replace(/\W+/g, "-") });
const noEntity = { person: null, organisation: null, event: null, place: null };
/** The article's one image: what goes in, and what ninjs gives back. */
const CRANES = {
  url: "https://img.example/1.jpg",
  caption: "Cranes at dawn",
  altText: "Two cranes",
  creditText: "Per Photo / Agency",
  width: 1200,
  height: 800,
};

const article: NinjsArticle & JsonLdArticle = {
  slug: "harbour-reopens",
  headline: "The harbour reopens",
  standfirst: "After three weeks, ships are back",
  canonicalUrl: "https://news.example/harbour-reopens",
  language: "en",
  status: "PUBLISHED",
  version: 3,
  publishedAt: PUBLISHED,
  createdAt: new Date("2024-02-06T08:00:00.000Z"),
  updatedAt: UPDATED,
  bodyText: "Ships are back.\nThe mayor was there.",
  wordCount: 7,
  section: named("Local"),
  publisher: { name: "The Example Post" },
  tags: [{ tag: named("Shipping") }],
  bylines: [
    { role: "AUTHOR", person: { name: "Jane Doe" } },
    { role: "PHOTOGRAPHER", person: { name: "Per Photo" } },
  ],
  media: [{ id: "m1", ...CRANES }],
  blocks: [
    { kind: "PARAGRAPH", text: "Ships are back.", level: null, attribution: null, mediaId: null },
    { kind: "IMAGE", text: null, level: null, attribution: null, mediaId: "m1" },
    { kind: "PARAGRAPH", text: "The mayor was there.", level: null, attribution: null, mediaId: null },
  ],
  mentions: [
    { salience: 0.9, ...noEntity, place: named("Oslo") },
    { salience: 0.6, ...noEntity, organisation: named("Port Authority") },
    { salience: 0.2, ...noEntity, person: named("Ola Mayor") },
  ],
} as never;

describe("JSON-LD", () => {
  it("is a NewsArticle whose authors leave out photographers and whose entities split by salience", () => {
    expect(toJsonLd(article)).toEqual({
      "@context": "https://schema.org",
      "@type": "NewsArticle",
      mainEntityOfPage: "https://news.example/harbour-reopens",
      url: "https://news.example/harbour-reopens",
      headline: "The harbour reopens",
      description: "After three weeks, ships are back",
      inLanguage: "en",
      articleSection: "Local",
      datePublished: PUBLISHED.toISOString(),
      dateModified: UPDATED.toISOString(),
      wordCount: 7,
      author: [{ "@type": "Person", name: "Jane Doe" }],
      publisher: { "@type": "Organization", name: "The Example Post" },
      image: [
        {
          "@type": "ImageObject",
          url: "https://img.example/1.jpg",
          caption: "Cranes at dawn",
          creditText: "Per Photo / Agency",
        },
      ],
      about: [
        { "@type": "Place", name: "Oslo" },
        { "@type": "Organization", name: "Port Authority" },
      ],
      mentions: [{ "@type": "Person", name: "Ola Mayor" }],
    });
  });

  it("leaves out what an article does not have, rather than writing nulls", () => {
    const bare = toJsonLd({
      ...article,
      standfirst: null,
      section: null,
      publisher: null,
      publishedAt: null,
      media: [],
    });
    for (const key of ["description", "articleSection", "publisher", "datePublished"])
      expect(bare).not.toHaveProperty(key);
    expect(bare.image).toEqual([]);
  });
});

describe("ninjs", () => {
  it("writes ninjs 3.0 with a text and an HTML body, pictures as associations and entities as about/mentions", () => {
    const ninjs = toNinjs(article);
    expect(ninjs).toMatchObject({
      uri: "https://news.example/harbour-reopens",
      standard: { name: "ninjs", version: "3.0", schema: NINJS_SCHEMA },
      type: "text",
      version: "3",
      pubStatus: "usable",
      slugline: "harbour-reopens",
      by: "Jane Doe and Per Photo",
      copyrightHolder: "The Example Post",
      subjects: [
        { name: "Local", literal: "section:local", rel: "section" },
        { name: "Shipping", literal: "tag:shipping", rel: "tag" },
      ],
      places: [{ name: "Oslo", literal: "oslo", rel: "about" }],
      people: [{ name: "Ola Mayor", literal: "ola-mayor", rel: "mentions" }],
      associations: [{ name: "image-1", uri: "https://img.example/1.jpg", type: "picture", by: "Per Photo / Agency" }],
    });
    const html = (ninjs.bodies as { role: string; value: string }[]).find((b) => b.role === "html")!.value;
    expect(html).toBe(
      '<p>Ships are back.</p>\n<figure data-association="image-1"><img src="https://img.example/1.jpg" alt="Two cranes"/>' +
        "<figcaption>Cranes at dawn (Per Photo / Agency)</figcaption></figure>\n<p>The mayor was there.</p>",
    );
  });

  it("escapes text and attributes in the HTML body", () => {
    const hostile = {
      ...article,
      blocks: [
        { kind: "PARAGRAPH", text: '<script>alert("x")</script> & co', level: null, attribution: null, mediaId: null },
      ],
      media: [],
    } as never;
    const html = (toNinjs(hostile).bodies as { role: string; value: string }[]).find((b) => b.role === "html")!.value;
    expect(html).toBe('<p>&lt;script&gt;alert("x")&lt;/script&gt; &amp; co</p>');
  });

  it("reads back as the same article", () => {
    const [imported] = parseNinjs(JSON.stringify(toNinjs(article)), "round-trip.json");
    expect(imported).toMatchObject({
      canonicalUrl: article.canonicalUrl,
      slug: article.slug,
      headline: article.headline,
      standfirst: article.standfirst,
      language: "en",
      status: "PUBLISHED",
      publishedAt: PUBLISHED,
      section: { slug: "local", name: "Local" },
      tags: [{ slug: "shipping", name: "Shipping" }],
      publisher: "The Example Post",
      media: [CRANES],
    });
    expect(imported!.bylines.map((b) => b.name)).toEqual(["Jane Doe", "Per Photo"]);
    expect(imported!.blocks.map((b) => [b.kind, b.text, b.mediaIndex])).toEqual([
      ["PARAGRAPH", "Ships are back.", null],
      ["IMAGE", null, 0],
      ["PARAGRAPH", "The mayor was there.", null],
    ]);
    expect(imported!.declared).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ type: "Place", name: "Oslo" }),
        expect.objectContaining({ type: "Organisation", name: "Port Authority" }),
        expect.objectContaining({ type: "Person", name: "Ola Mayor" }),
      ]),
    );
  });
});
