// Feeds and sitemaps over HTTP (src/plugins/feeds.ts): RSS 2.0 and Atom for the front page, a section and a tag, the
// sitemap index, article sitemaps and the Google News sitemap, each parsed with fast-xml-parser: their items, dates
// (RFC 822, RFC 3339), escaping of a headline with & and <, canonical URLs under PUBLIC_SITE_URL, no draft, withdrawn
// or embargoed article (until its embargo lifts), and the ETag / 304 / Cache-Control of every answer.
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { staff } from "./support/fixtures.js";
import { skipDatabase, startLede, type TestLede } from "./support/lede.js";

const SITE = "https://news.example";
const SECTION = { id: "section-feeds", slug: "feeds-desk", name: "Arts & Letters" };
const TAG = "feeds-tag";
const HEADLINE = `Ferries & <buses> return to "Bergen"`;
const HOUR = 3_600_000;

const RFC_822 =
  /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/;
const RFC_3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

const parser = new XMLParser({
  ignoreAttributes: false,
  parseTagValue: false,
  // Repeatable elements are always arrays (an RSS <link> too: the same name as Atom's).
  isArray: (name) => ["item", "entry", "url", "sitemap", "link", "category"].includes(name),
});

/** Decodes the entities of an Atom type="html" text (as a reader's HTML parser would). */
const fromHtml = (html: string) =>
  html
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&");

describe.skipIf(skipDatabase)("feeds and sitemaps", () => {
  let lede: TestLede;
  let editor: string;
  const urls = { published: "", embargoed: "", draft: "", withdrawn: "" };
  let publishedAt = "";

  async function get(path: string, headers: Record<string, string> = {}) {
    const response = await lede.fetch(path, { headers });
    return { response, body: await response.text() };
  }

  /** Fetches and parses a document, checking that it is well-formed XML and cacheable. */
  async function xml(path: string, contentType: string) {
    const { response, body } = await get(path);
    expect(response.status, path).toBe(200);
    expect(response.headers.get("content-type")).toBe(`${contentType}; charset=utf-8`);
    expect(response.headers.get("cache-control")).toBe("public, max-age=60");
    expect(XMLValidator.validate(body), path).toBe(true);
    return parser.parse(body);
  }

  async function article(slug: string, headline: string, then: "publish" | "embargo" | "draft" | "withdraw") {
    const url = `${SITE}/articles/${slug}`;
    const created = (await lede.query(
      `mutation($i: CreateArticleInput!) { createArticle(input: $i) { id } }`,
      {
        i: { slug, headline, url, standfirst: "Timetables & <fares>", sectionSlug: SECTION.slug, tags: [TAG] },
      },
      { token: editor },
    )) as any;
    const id = created.createArticle.id;
    if (then === "draft") return url;
    const published = (await lede.query(
      `mutation($id: ID!) { publishArticle(id: $id, version: 1) { publishedAt } }`,
      { id },
      { token: editor },
    )) as any;
    if (then === "publish") publishedAt = published.publishArticle.publishedAt;
    if (then === "embargo")
      await lede.query(
        `mutation($id: ID!, $u: DateTime) { embargoArticle(id: $id, version: 2, until: $u) { id } }`,
        { id, u: new Date(lede.clock.now().getTime() + HOUR).toISOString() },
        { token: editor },
      );
    if (then === "withdraw")
      await lede.query(
        `mutation($id: ID!) { withdrawArticle(id: $id, version: 2, reason: "Legal") { id } }`,
        { id },
        { token: editor },
      );
    return url;
  }

  beforeAll(async () => {
    lede = await startLede({
      env: { PUBLIC_SITE_URL: `${SITE}/`, SITE_TITLE: "The Example Times", SCHEDULER: "false" },
    });
    editor = (await staff(lede, "EDITOR")).token;
    await lede.db.prisma.section.create({ data: SECTION });
    // A published article whose stored canonical URL does not parse (as an old import might have left it): left out,
    // and every document stays valid.
    await article("feeds-broken-url", "Broken address", "publish");
    await lede.db.prisma.article.update({
      where: { slug: "feeds-broken-url" },
      data: { canonicalUrl: "http://[broken" },
    });
    lede.clock.advance(60_000);
    urls.published = await article("feeds-published", HEADLINE, "publish");
    lede.clock.advance(60_000);
    urls.embargoed = await article("feeds-embargoed", "Embargoed until noon", "embargo");
    urls.draft = await article("feeds-draft", "Still a draft", "draft");
    urls.withdrawn = await article("feeds-withdrawn", "Withdrawn for legal reasons", "withdraw");
  });
  afterAll(async () => {
    await lede?.close();
  });

  const expectOnlyThePublishedOne = (links: string[]) => {
    expect(links).toContain(urls.published);
    for (const hidden of [urls.embargoed, urls.draft, urls.withdrawn]) expect(links).not.toContain(hidden);
  };

  it("serves RSS 2.0 for the front page, a section and a tag", async () => {
    const front = (await xml("/feeds/rss.xml", "application/rss+xml")).rss;
    expect(front["@_version"]).toBe("2.0");
    expect(front.channel.title).toBe("The Example Times");
    expect(front.channel.link).toEqual([`${SITE}/`]);
    expect(front.channel["atom:link"]["@_href"]).toBe(`${SITE}/feeds/rss.xml`);
    expectOnlyThePublishedOne(front.channel.item.map((i: any) => i.link[0]));

    for (const path of [`/feeds/sections/${SECTION.slug}/rss.xml`, `/feeds/tags/${TAG}/rss.xml`]) {
      const { channel } = (await xml(path, "application/rss+xml")).rss;
      expect(channel.item.map((i: any) => i.link[0])).toEqual([urls.published]);
      const [item] = channel.item;
      expect(item.title).toBe(HEADLINE);
      expect(item.guid["#text"]).toBe(urls.published);
      expect(item.pubDate).toMatch(RFC_822);
      expect(new Date(item.pubDate).getTime()).toBe(Math.floor(Date.parse(publishedAt) / 1000) * 1000);
      expect(fromHtml(item.description)).toBe("Timetables & <fares>");
      expect(channel.lastBuildDate).toMatch(RFC_822);
    }
    const section = (await xml(`/feeds/sections/${SECTION.slug}/rss.xml`, "application/rss+xml")).rss;
    expect(section.channel.title).toBe("The Example Times: Arts & Letters");
    expect(section.channel.link).toEqual([`${SITE}/sections/${SECTION.slug}`]);
  });

  it("serves Atom for the front page, a section and a tag", async () => {
    const front = (await xml("/feeds/atom.xml", "application/atom+xml")).feed;
    expect(front["@_xmlns"]).toBe("http://www.w3.org/2005/Atom");
    expectOnlyThePublishedOne(front.entry.map((e: any) => e.link[0]["@_href"]));

    for (const path of [`/feeds/sections/${SECTION.slug}/atom.xml`, `/feeds/tags/${TAG}/atom.xml`]) {
      const feed = (await xml(path, "application/atom+xml")).feed;
      expect(feed.updated).toMatch(RFC_3339);
      expect(feed.link.find((l: any) => l["@_rel"] === "self")["@_href"]).toBe(`${SITE}${path}`);
      expect(feed.entry).toHaveLength(1);
      const [entry] = feed.entry;
      expect(entry.id).toBe(urls.published);
      expect(entry.title["@_type"]).toBe("html");
      expect(fromHtml(entry.title["#text"])).toBe(HEADLINE);
      expect(entry.published).toMatch(RFC_3339);
      expect(Date.parse(entry.published)).toBe(Date.parse(publishedAt));
      expect(entry.updated).toMatch(RFC_3339);
      expect(entry.category.map((c: any) => c["@_term"])).toEqual([TAG]);
    }
    const { response } = await get("/feeds/sections/no-such-section/atom.xml");
    expect(response.status).toBe(404);
  });

  it("serves a sitemap index, article sitemaps and a Google News sitemap", async () => {
    const index = (await xml("/sitemap.xml", "application/xml")).sitemapindex;
    expect(index["@_xmlns"]).toBe("http://www.sitemaps.org/schemas/sitemap/0.9");
    const locs: string[] = index.sitemap.map((s: any) => s.loc);
    expect(locs).toContain(`${SITE}/sitemaps/news.xml`);
    const pages = locs.filter((l) => /\/sitemaps\/articles-\d+\.xml$/.test(l));
    expect(pages[0]).toBe(`${SITE}/sitemaps/articles-1.xml`);

    const listed: string[] = [];
    for (const page of pages) {
      const urlset = (await xml(new URL(page).pathname, "application/xml")).urlset;
      for (const url of urlset.url) {
        expect(url.lastmod).toMatch(RFC_3339);
        listed.push(url.loc);
      }
    }
    expectOnlyThePublishedOne(listed);
    expect((await get(`/sitemaps/articles-${pages.length + 1}.xml`)).response.status).toBe(404);

    const news = (await xml("/sitemaps/news.xml", "application/xml")).urlset;
    expect(news["@_xmlns:news"]).toBe("http://www.google.com/schemas/sitemap-news/0.9");
    expect(news.url.length).toBeLessThanOrEqual(1000);
    expectOnlyThePublishedOne(news.url.map((u: any) => u.loc));
    const now = lede.clock.now().getTime();
    for (const url of news.url) {
      const date = url["news:news"]["news:publication_date"];
      expect(date).toMatch(RFC_3339);
      expect(now - Date.parse(date)).toBeLessThanOrEqual(2 * 24 * HOUR);
    }
    const ours = news.url.find((u: any) => u.loc === urls.published)["news:news"];
    expect(ours["news:publication"]).toEqual({ "news:name": "The Example Times", "news:language": "en" });
    expect(ours["news:title"]).toBe(HEADLINE);
    expect(Date.parse(ours["news:publication_date"])).toBe(Math.floor(Date.parse(publishedAt) / 1000) * 1000);

    // Two days later the article has left the news sitemap, but not the article sitemap.
    lede.clock.advance(2 * 24 * HOUR + 60_000);
    try {
      const later = (await xml("/sitemaps/news.xml", "application/xml")).urlset;
      expect((later.url ?? []).map((u: any) => u.loc)).not.toContain(urls.published);
    } finally {
      lede.clock.advance(-(2 * 24 * HOUR + 60_000));
    }
  });

  it("lists an embargoed article once the embargo lifts", async () => {
    const { article } = (await lede.query(
      `query { article(slug: "feeds-embargoed") { id version } }`,
      {},
      { token: editor },
    )) as any;
    await lede.query(
      `mutation($id: ID!, $v: Int!) { embargoArticle(id: $id, version: $v, until: null) { id } }`,
      { id: article.id, v: article.version },
      { token: editor },
    );
    const feed = (await xml(`/feeds/tags/${TAG}/rss.xml`, "application/rss+xml")).rss;
    expect(feed.channel.item.map((i: any) => i.link[0])).toEqual([urls.embargoed, urls.published]);
    const news = (await xml("/sitemaps/news.xml", "application/xml")).urlset;
    expect(news.url.map((u: any) => u.loc)).toContain(urls.embargoed);
  });

  it("answers a revalidation with 304, and a changed feed with a new ETag", async () => {
    const path = `/feeds/sections/${SECTION.slug}/rss.xml`;
    const first = await get(path);
    const etag = first.response.headers.get("etag")!;
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{27}"$/);
    const again = await get(path, { "if-none-match": etag });
    expect(again.response.status).toBe(304);
    expect(again.body).toBe("");
    expect(again.response.headers.get("etag")).toBe(etag);
    expect(again.response.headers.get("cache-control")).toBe("public, max-age=60");
    expect((await get(path, { "if-none-match": `W/${etag}` })).response.status).toBe(304);

    lede.clock.advance(60_000);
    await article("feeds-second", "A second story", "publish");
    const changed = await get(path, { "if-none-match": etag });
    expect(changed.response.status).toBe(200);
    expect(changed.response.headers.get("etag")).not.toBe(etag);
    expect(changed.body).toContain(`${SITE}/articles/feeds-second`);

    const head = await lede.fetch(path, { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe("");
    const post = await lede.fetch(path, { method: "POST" });
    expect(post.status).toBe(405);
    expect(post.headers.get("allow")).toBe("GET, HEAD");
  });
});
