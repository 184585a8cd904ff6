// What feeds and sitemaps list: the articles any anonymous reader may see in lists (published, not under embargo:
// listedArticleWhere for no viewer), so a draft, a withdrawn or an embargoed article never appears in one.
import type { Prisma as P } from "../../generated/prisma/client.js";
import type { Database } from "../../platform/db.js";
import { listedArticleWhere } from "../shared/visibility.js";

type Prisma = Database["prisma"];

/** Items in one RSS or Atom feed: the newest ones. */
export const FEED_SIZE = 50;
/** URLs in one article sitemap (the protocol allows 50,000; smaller files are cheaper to build and to re-fetch). */
export const SITEMAP_PAGE_SIZE = 10_000;
/** Google News: articles published in the last two days, at most 1,000 URLs. */
export const NEWS_WINDOW_MS = 2 * 24 * 3_600_000;
export const NEWS_MAX_URLS = 1_000;

/** A feed's articles: the whole site, one section or one tag (by slug). */
export type FeedScope = { kind: "site" } | { kind: "section"; slug: string } | { kind: "tag"; slug: string };

export interface FeedArticle {
  id: string;
  canonicalUrl: string;
  headline: string;
  standfirst: string | null;
  language: string;
  publishedAt: Date;
  updatedAt: Date;
  authors: string[];
  tags: { slug: string; name: string }[];
}

export interface FeedChannel {
  /** The section's or tag's name (null for the whole site). */
  name: string | null;
  description: string | null;
  articles: FeedArticle[];
}

const publicArticles = (): P.ArticleWhereInput => ({ ...listedArticleWhere(null), publishedAt: { not: null } });

const NEWEST_FIRST = [{ publishedAt: "desc" as const }, { id: "asc" as const }];

const FEED_SELECT = {
  id: true,
  canonicalUrl: true,
  headline: true,
  standfirst: true,
  language: true,
  publishedAt: true,
  updatedAt: true,
  bylines: { orderBy: { position: "asc" as const }, select: { person: { select: { name: true } } } },
  tags: { orderBy: { position: "asc" as const }, select: { tag: { select: { slug: true, name: true } } } },
} satisfies P.ArticleSelect;

type FeedRow = P.ArticleGetPayload<{ select: typeof FEED_SELECT }>;

/** An article's canonical URL as an absolute http(s) URL, or null for one that does not parse (an old import, say):
 * such an article is left out rather than making the whole document invalid. */
function canonical(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === "https:" || parsed.protocol === "http:" ? parsed.toString() : null;
  } catch {
    return null;
  }
}

const withCanonicalUrl = <T extends { canonicalUrl: string }>(rows: T[]): T[] =>
  rows.flatMap((row) => {
    const url = canonical(row.canonicalUrl);
    return url ? [{ ...row, canonicalUrl: url }] : [];
  });

const toFeedArticle = (row: FeedRow): FeedArticle => ({
  id: row.id,
  canonicalUrl: row.canonicalUrl,
  headline: row.headline,
  standfirst: row.standfirst,
  language: row.language,
  publishedAt: row.publishedAt!,
  updatedAt: row.updatedAt,
  authors: row.bylines.map((b) => b.person.name),
  tags: row.tags.map((t) => t.tag),
});

/** The newest articles of a scope; null for an unknown section or tag. */
export async function feedChannel(prisma: Prisma, scope: FeedScope): Promise<FeedChannel | null> {
  let channel: Omit<FeedChannel, "articles"> = { name: null, description: null };
  let where = publicArticles();
  if (scope.kind === "section") {
    const section = await prisma.section.findUnique({ where: { slug: scope.slug } });
    if (!section) return null;
    channel = { name: section.name, description: section.description };
    where = { ...where, sectionId: section.id };
  } else if (scope.kind === "tag") {
    const tag = await prisma.tag.findUnique({ where: { slug: scope.slug } });
    if (!tag) return null;
    channel = { name: tag.name, description: null };
    where = { ...where, tags: { some: { tagId: tag.id } } };
  }
  const rows = await prisma.article.findMany({ where, orderBy: NEWEST_FIRST, take: FEED_SIZE, select: FEED_SELECT });
  return { ...channel, articles: withCanonicalUrl(rows).map(toFeedArticle) };
}

/** How many article sitemaps there are (at least one, so that the index never points at nothing). */
export async function sitemapPageCount(prisma: Prisma): Promise<number> {
  const count = await prisma.article.count({ where: publicArticles() });
  return Math.max(1, Math.ceil(count / SITEMAP_PAGE_SIZE));
}

export interface SitemapEntry {
  canonicalUrl: string;
  updatedAt: Date;
}

/** One article sitemap (pages count from 1), oldest first so that a page's content stays put as articles are added;
 * null past the last page. */
export async function sitemapPage(prisma: Prisma, page: number): Promise<SitemapEntry[] | null> {
  if (page < 1 || page > (await sitemapPageCount(prisma))) return null;
  const rows = await prisma.article.findMany({
    where: publicArticles(),
    orderBy: [{ publishedAt: "asc" }, { id: "asc" }],
    skip: (page - 1) * SITEMAP_PAGE_SIZE,
    take: SITEMAP_PAGE_SIZE,
    select: { canonicalUrl: true, updatedAt: true },
  });
  return withCanonicalUrl(rows);
}

/** The Google News sitemap's articles: published in the last two days, newest first, at most 1,000. */
export async function newsArticles(prisma: Prisma, now: Date): Promise<FeedArticle[]> {
  const rows = await prisma.article.findMany({
    where: { ...publicArticles(), publishedAt: { gte: new Date(now.getTime() - NEWS_WINDOW_MS), lte: now } },
    orderBy: NEWEST_FIRST,
    take: NEWS_MAX_URLS,
    select: FEED_SELECT,
  });
  return withCanonicalUrl(rows).map(toFeedArticle);
}
