// The XML documents: RSS 2.0 and Atom (the `feed` library), a sitemap index, article sitemaps and a Google News
// sitemap (xmlbuilder2, which escapes text and attributes). Dates: RFC 822 in RSS (the library writes
// Date#toUTCString, e.g. "Sun, 06 Dec 2026 14:08:25 GMT"), RFC 3339 in Atom and in sitemaps (W3C datetime).
import { Feed } from "feed";
import { create } from "xmlbuilder2";
import type { FeedArticle, FeedChannel, FeedScope, SitemapEntry } from "./articles.js";

/** The public site (PUBLIC_SITE_URL, no trailing slash) and its name (SITE_TITLE). */
export interface Site {
  url: string;
  title: string;
}

export type FeedFormat = "rss" | "atom";

const SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
const NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9";

/** Where each document lives, under the public site (a sitemap must be on the host of the URLs it lists, so the site
 * serves these paths from Lede: see the README). */
export const feedPath = (scope: FeedScope, format: FeedFormat) => {
  const file = format === "rss" ? "rss.xml" : "atom.xml";
  if (scope.kind === "site") return `/feeds/${file}`;
  return `/feeds/${scope.kind === "section" ? "sections" : "tags"}/${encodeURIComponent(scope.slug)}/${file}`;
};
export const SITEMAP_INDEX_PATH = "/sitemap.xml";
export const NEWS_SITEMAP_PATH = "/sitemaps/news.xml";
export const articleSitemapPath = (page: number) => `/sitemaps/articles-${page}.xml`;

/** The page a feed stands for on the site. */
const channelPagePath = (scope: FeedScope) =>
  scope.kind === "site" ? "/" : `/${scope.kind === "section" ? "sections" : "tags"}/${encodeURIComponent(scope.slug)}`;

/** RFC 3339 without milliseconds, as sitemaps show it. */
const w3cDate = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, "Z");

/** Text for a field that readers treat as HTML (Atom's type="html" titles, descriptions and summaries). */
const asHtml = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** xml-js (which `feed` writes with) splits only the first "]]>" of a CDATA text into two sections; split every later
 * one the same way, so that a headline can never end its CDATA section early. */
export const cdataSafe = (text: string) => {
  const first = text.indexOf("]]>");
  if (first < 0) return text;
  return text.slice(0, first + 3) + text.slice(first + 3).replaceAll("]]>", "]]]]><![CDATA[>");
};

export function renderFeed(site: Site, scope: FeedScope, channel: FeedChannel, format: FeedFormat): string {
  const title = channel.name ? `${site.title}: ${channel.name}` : site.title;
  const newest = channel.articles[0];
  const feed = new Feed({
    id: site.url + channelPagePath(scope),
    title,
    description: channel.description ?? title,
    link: site.url + channelPagePath(scope),
    language: newest?.language,
    // The newest change among the items: the same for the same items, so the ETag stays put between changes.
    updated: new Date(Math.max(0, ...channel.articles.map((a) => a.updatedAt.getTime()))),
    feedLinks: { [format]: site.url + feedPath(scope, format) },
    // Atom requires an author on the feed or on every entry; the site stands for entries with no byline.
    author: { name: site.title },
    generator: false,
  });
  for (const article of channel.articles) feed.addItem(feedItem(article, format));
  return format === "rss" ? feed.rss2() : feed.atom1();
}

function feedItem(article: FeedArticle, format: FeedFormat): Parameters<Feed["addItem"]>[0] {
  return {
    // RSS titles are plain text (in CDATA); Atom's are type="html", so the headline is escaped as HTML there.
    title: format === "rss" ? cdataSafe(article.headline) : asHtml(article.headline),
    link: article.canonicalUrl,
    date: article.updatedAt,
    published: article.publishedAt,
    // Both formats read a description as HTML; a standfirst is plain text.
    ...(article.standfirst ? { description: asHtml(article.standfirst) } : {}),
    // RSS 2.0's <author> must be an e-mail address, which bylines do not have: names go in Atom only.
    ...(format === "atom" && article.authors.length ? { author: article.authors.map((name) => ({ name })) } : {}),
    // The slug as the term (it needs no escaping in an attribute); RSS shows the tag's name.
    category: article.tags.map((tag) => (format === "rss" ? { name: tag.name } : { term: tag.slug })),
  };
}

const xml = () => create({ version: "1.0", encoding: "UTF-8" });

export function renderSitemapIndex(site: Site, pages: number): string {
  const index = xml().ele(SITEMAP_NS, "sitemapindex");
  for (let page = 1; page <= pages; page++)
    index
      .ele("sitemap")
      .ele("loc")
      .txt(site.url + articleSitemapPath(page));
  index
    .ele("sitemap")
    .ele("loc")
    .txt(site.url + NEWS_SITEMAP_PATH);
  return index.end({ prettyPrint: true });
}

export function renderArticleSitemap(entries: SitemapEntry[]): string {
  const urlset = xml().ele(SITEMAP_NS, "urlset");
  for (const entry of entries) {
    const url = urlset.ele("url");
    url.ele("loc").txt(entry.canonicalUrl);
    url.ele("lastmod").txt(w3cDate(entry.updatedAt));
  }
  return urlset.end({ prettyPrint: true });
}

/** Google News wants ISO 639 codes (the language alone), except zh-cn and zh-tw. */
export function newsLanguage(tag: string): string {
  const lower = tag.toLowerCase();
  if (lower === "zh-cn" || lower === "zh-tw") return lower;
  return lower.split("-")[0]!;
}

export function renderNewsSitemap(site: Site, articles: FeedArticle[]): string {
  const urlset = xml().ele(SITEMAP_NS, "urlset").att("xmlns:news", NEWS_NS);
  for (const article of articles) {
    const url = urlset.ele("url");
    url.ele("loc").txt(article.canonicalUrl);
    const news = url.ele(NEWS_NS, "news:news");
    const publication = news.ele(NEWS_NS, "news:publication");
    publication.ele(NEWS_NS, "news:name").txt(site.title);
    publication.ele(NEWS_NS, "news:language").txt(newsLanguage(article.language));
    news.ele(NEWS_NS, "news:publication_date").txt(w3cDate(article.publishedAt));
    news.ele(NEWS_NS, "news:title").txt(article.headline);
  }
  return urlset.end({ prettyPrint: true });
}
