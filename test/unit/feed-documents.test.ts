// Feed documents with no database: RSS and Atom keep any headline intact and well-formed, whatever characters it
// holds (a property over arbitrary text, with fast-check), including the "]]>" that ends a CDATA section.
import fc from "fast-check";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import type { FeedArticle } from "../../src/services/feeds/articles.js";
import { renderFeed, type FeedFormat } from "../../src/services/feeds/documents.js";

const site = { url: "https://news.example", title: "Example News" };
const parser = new XMLParser({ ignoreAttributes: false, parseTagValue: false, trimValues: false });

function article(headline: string): FeedArticle {
  return {
    id: "a1",
    canonicalUrl: "https://news.example/a1",
    headline,
    standfirst: null,
    language: "en",
    publishedAt: new Date("2026-12-01T10:00:00Z"),
    updatedAt: new Date("2026-12-01T11:00:00Z"),
    authors: [],
    tags: [],
  };
}

/** The one item's title as a feed reader gets it (Atom's type="html" title unescaped once more, as readers do). */
function titleOf(xml: string, format: FeedFormat): string {
  const doc = parser.parse(xml);
  if (format === "rss") return String(doc.rss.channel.item.title);
  const title = doc.feed.entry.title;
  const html = String(typeof title === "object" ? title["#text"] : title);
  return html
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&");
}

// XML 1.0 cannot carry most control characters at all; Lede refuses them in headlines (shared/text.ts).
const headline = fc
  .string({ unit: "grapheme", minLength: 1, maxLength: 60 })
  .filter((s) => !/[\u0000-\u001f\u007f-\u009f]/.test(s));

describe("renderFeed", () => {
  for (const format of ["rss", "atom"] as const) {
    it(`keeps a headline with several "]]>" whole in ${format}`, () => {
      const xml = renderFeed(
        site,
        { kind: "site" },
        { name: null, description: null, articles: [article("a]]>b]]>c & <d>")] },
        format,
      );
      expect(XMLValidator.validate(xml)).toBe(true);
      expect(titleOf(xml, format)).toBe("a]]>b]]>c & <d>");
    });

    it(`writes well-formed ${format} that gives back any headline`, () => {
      fc.assert(
        fc.property(
          fc.oneof(
            headline,
            fc.tuple(headline, headline).map(([a, b]) => `${a}]]>${b}]]><${a} & ${b}`),
          ),
          (text) => {
            const xml = renderFeed(
              site,
              { kind: "site" },
              { name: null, description: null, articles: [article(text)] },
              format,
            );
            expect(XMLValidator.validate(xml)).toBe(true);
            expect(titleOf(xml, format)).toBe(text);
          },
        ),
        { numRuns: 200 },
      );
    });
  }
});
