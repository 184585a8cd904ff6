// Article.jsonLd: schema.org NewsArticle with the fields search engines and aggregators require.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { skipDatabase, startLede, type TestLede } from "./support/lede.js";
import { REFERENCE_SLUG } from "./support/fixtures.js";

describe.skipIf(skipDatabase)("JSON-LD", () => {
  let lede: TestLede;
  beforeAll(async () => {
    lede = await startLede();
  });
  afterAll(async () => {
    await lede?.close();
  });

  it("describes the reference article as a NewsArticle", async () => {
    const { article } = (await lede.query(`query($s: String!) { article(slug: $s) { jsonLd } }`, {
      s: REFERENCE_SLUG,
    })) as {
      article: { jsonLd: Record<string, any> };
    };
    const ld = article.jsonLd;
    expect(ld).toMatchObject({
      "@context": "https://schema.org",
      "@type": "NewsArticle",
      datePublished: "2024-02-07T11:22:00.000Z",
      author: [{ "@type": "Person", name: "Rich Booth" }],
      publisher: { "@type": "Organization", name: "The Independent" },
      articleSection: "World",
      inLanguage: "en",
    });
    expect(typeof ld.headline).toBe("string");
    expect(ld.dateModified).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(ld.image).toHaveLength(3);
    expect(ld.image[0]).toMatchObject({ "@type": "ImageObject", creditText: "Gorm Kallestad / NTB" });
    expect(ld.about).toEqual(
      expect.arrayContaining([
        { "@type": "Person", name: "Andrei Medvedev" },
        { "@type": "Organization", name: "Wagner Group" },
      ]),
    );
    expect(ld.mentions.map((m: { name: string }) => m.name)).toContain("Vladimir Putin");
  });

  it("costs no extra SQL per article in a list", async () => {
    const query = `query($n: Int!) { articles(first: $n) { edges { node { jsonLd } } } }`;
    const one = await lede.countStatements(() => lede.query(query, { n: 1 }));
    const all = await lede.countStatements(() => lede.query(query, { n: 3 }));
    expect(all.statements).toBe(one.statements);
  });
});
