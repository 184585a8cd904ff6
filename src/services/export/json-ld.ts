// An article as schema.org NewsArticle (JSON-LD), for a <script type="application/ld+json"> tag or a feed.
import type { Prisma as P } from "../../generated/prisma/client.js";
import { LIVE_BLOG_EXPORT_SELECT, liveBlogJsonLd } from "./live.js";

export const JSON_LD_SELECT = {
  headline: true,
  standfirst: true,
  canonicalUrl: true,
  language: true,
  publishedAt: true,
  updatedAt: true,
  wordCount: true,
  section: { select: { name: true } },
  publisher: { select: { name: true } },
  bylines: { orderBy: { position: "asc" }, select: { role: true, person: { select: { name: true } } } },
  media: { orderBy: { position: "asc" }, select: { url: true, caption: true, creditText: true } },
  mentions: {
    orderBy: [{ salience: "desc" }, { id: "asc" }],
    select: {
      salience: true,
      person: { select: { name: true } },
      organisation: { select: { name: true } },
      event: { select: { name: true } },
      place: { select: { name: true } },
    },
  },
  liveBlog: LIVE_BLOG_EXPORT_SELECT,
} satisfies P.ArticleSelect;

export type JsonLdArticle = P.ArticleGetPayload<{ select: typeof JSON_LD_SELECT }>;

const SCHEMA_ORG_TYPE = { person: "Person", organisation: "Organization", event: "Event", place: "Place" } as const;

/** A live blog adds its coverage and updates (live.ts). */
export function toJsonLd(a: JsonLdArticle): Record<string, unknown> {
  return liveBlogJsonLd(standard(a), a.liveBlog, a.canonicalUrl);
}

function standard(a: JsonLdArticle): Record<string, unknown> {
  const entities = a.mentions.flatMap((m) =>
    (Object.keys(SCHEMA_ORG_TYPE) as (keyof typeof SCHEMA_ORG_TYPE)[]).flatMap((key) =>
      m[key] ? [{ "@type": SCHEMA_ORG_TYPE[key], name: m[key]!.name, salience: m.salience }] : [],
    ),
  );
  return {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    mainEntityOfPage: a.canonicalUrl,
    url: a.canonicalUrl,
    headline: a.headline,
    ...(a.standfirst ? { description: a.standfirst } : {}),
    inLanguage: a.language,
    ...(a.section ? { articleSection: a.section.name } : {}),
    ...(a.publishedAt ? { datePublished: a.publishedAt.toISOString() } : {}),
    dateModified: a.updatedAt.toISOString(),
    wordCount: a.wordCount,
    author: a.bylines.filter((b) => b.role !== "PHOTOGRAPHER").map((b) => ({ "@type": "Person", name: b.person.name })),
    ...(a.publisher ? { publisher: { "@type": "Organization", name: a.publisher.name } } : {}),
    image: a.media.map((m) => ({
      "@type": "ImageObject",
      url: m.url,
      ...(m.caption ? { caption: m.caption } : {}),
      ...(m.creditText ? { creditText: m.creditText } : {}),
    })),
    // The most salient entities are what the article is about; the rest it mentions.
    about: entities.filter((e) => e.salience >= 0.5).map(({ salience: _s, ...e }) => e),
    mentions: entities.filter((e) => e.salience < 0.5).map(({ salience: _s, ...e }) => e),
  };
}
