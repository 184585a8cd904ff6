// Serves the public feeds and sitemaps over HTTP, in onRequest (like the widget's script): RSS 2.0 and Atom for the
// front page, each section and each tag, a sitemap index, its article sitemaps and a Google News sitemap. Each answer
// carries a strong ETag (a hash of the document) and a short public Cache-Control, and If-None-Match gets a 304.
// What they list is in services/feeds (published, never embargoed, withdrawn or draft); how, in its documents.ts.
import { createHash } from "node:crypto";
import type { Plugin } from "graphql-yoga";
import type { Clock } from "../context.js";
import type { Database } from "../platform/db.js";
import type { Logger } from "../platform/logger.js";
import {
  feedChannel,
  newsArticles,
  sitemapPage,
  sitemapPageCount,
  type FeedScope,
} from "../services/feeds/articles.js";
import {
  NEWS_SITEMAP_PATH,
  SITEMAP_INDEX_PATH,
  renderArticleSitemap,
  renderFeed,
  renderNewsSitemap,
  renderSitemapIndex,
  type FeedFormat,
  type Site,
} from "../services/feeds/documents.js";

export interface FeedDeps {
  db: Pick<Database, "prisma">;
  clock: Clock;
  site: Site;
  logger: Logger;
}

/** A minute: a withdrawal, an embargo or a correction reaches readers and crawlers soon, and a feed reader that
 * polls more often than that gets a 304 for the price of one query. */
const CACHE_CONTROL = "public, max-age=60";
const SLUG = "([a-z0-9][a-z0-9-]*)";
const FEED_FILE = "(rss|atom)\\.xml";

interface Document {
  body: string;
  contentType: string;
}

type Route = (deps: FeedDeps, match: RegExpExecArray) => Promise<Document | null>;

const feed =
  (scopeOf: (match: RegExpExecArray) => FeedScope): Route =>
  async (deps, match) => {
    const format = (match.at(-1) === "rss" ? "rss" : "atom") satisfies FeedFormat;
    const scope = scopeOf(match);
    const channel = await feedChannel(deps.db.prisma, scope);
    if (!channel) return null;
    return {
      body: renderFeed(deps.site, scope, channel, format),
      contentType: format === "rss" ? "application/rss+xml; charset=utf-8" : "application/atom+xml; charset=utf-8",
    };
  };

const sitemap = (body: string): Document => ({ body, contentType: "application/xml; charset=utf-8" });

const ROUTES: [RegExp, Route][] = [
  [new RegExp(`^/feeds/${FEED_FILE}$`), feed(() => ({ kind: "site" }))],
  [new RegExp(`^/feeds/sections/${SLUG}/${FEED_FILE}$`), feed((m) => ({ kind: "section", slug: m[1]! }))],
  [new RegExp(`^/feeds/tags/${SLUG}/${FEED_FILE}$`), feed((m) => ({ kind: "tag", slug: m[1]! }))],
  [
    new RegExp(`^${SITEMAP_INDEX_PATH.replace(".", "\\.")}$`),
    async (deps) => sitemap(renderSitemapIndex(deps.site, await sitemapPageCount(deps.db.prisma))),
  ],
  [
    /^\/sitemaps\/articles-([1-9][0-9]{0,5})\.xml$/,
    async (deps, m) => {
      const entries = await sitemapPage(deps.db.prisma, Number(m[1]));
      return entries && sitemap(renderArticleSitemap(entries));
    },
  ],
  [
    new RegExp(`^${NEWS_SITEMAP_PATH.replace(".", "\\.")}$`),
    async (deps) => sitemap(renderNewsSitemap(deps.site, await newsArticles(deps.db.prisma, deps.clock()))),
  ],
];

function routeOf(pathname: string): [Route, RegExpExecArray] | null {
  for (const [pattern, route] of ROUTES) {
    const match = pattern.exec(pathname);
    if (match) return [route, match];
  }
  return null;
}

const etagOf = (body: string) => `"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"`;

/** If-None-Match: a list of tags, weak or strong (a GET compares them weakly), or "*". */
function matches(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch
    .split(",")
    .map((tag) => tag.trim().replace(/^W\//, ""))
    .some((tag) => tag === etag || tag === "*");
}

export function useFeeds(deps: FeedDeps): Plugin {
  return {
    async onRequest({ request, url, endResponse }) {
      const found = routeOf(url.pathname);
      if (!found) return;
      const shared = { "x-content-type-options": "nosniff" };
      if (request.method !== "GET" && request.method !== "HEAD") {
        endResponse(new Response(null, { status: 405, headers: { ...shared, allow: "GET, HEAD" } }));
        return;
      }
      let document: Document | null;
      try {
        document = await found[0](deps, found[1]);
      } catch (error) {
        deps.logger.error("a feed or sitemap could not be built", { path: url.pathname, error: String(error) });
        endResponse(new Response(null, { status: 503, headers: { ...shared, "retry-after": "30" } }));
        return;
      }
      if (!document) {
        endResponse(new Response("not found", { status: 404, headers: { ...shared, "cache-control": CACHE_CONTROL } }));
        return;
      }
      const etag = etagOf(document.body);
      const headers = { ...shared, "cache-control": CACHE_CONTROL, etag, vary: "Accept-Encoding" };
      if (matches(request.headers.get("if-none-match"), etag)) {
        endResponse(new Response(null, { status: 304, headers }));
        return;
      }
      endResponse(
        new Response(request.method === "HEAD" ? null : document.body, {
          headers: { ...headers, "content-type": document.contentType },
        }),
      );
    },
  };
}
