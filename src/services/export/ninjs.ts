// An article as IPTC ninjs 3.0 (News in JSON), the format news agencies and archives exchange. Everything Lede knows
// that ninjs has a place for goes in: headlines, the standfirst as a description, the body as plain text and HTML
// (pictures as figures pointing at their associations), bylines, section and tags as subjects, and the people,
// organisations, places and events the article mentions. `npm run import` reads it back.
import { escapeAttribute, escapeText } from "entities";
import type { Prisma as P } from "../../generated/prisma/client.js";
import { LIVE_BLOG_EXPORT_SELECT, liveBlogNinjs } from "./live.js";
import type { ArticleStatus } from "../../generated/prisma/enums.js";
import { listOf } from "../../wording.js";

export const NINJS_SCHEMA = "https://www.iptc.org/std/ninjs/ninjs-schema_3.0.json";

const entity = { select: { name: true, slug: true } } as const;

export const NINJS_SELECT = {
  slug: true,
  headline: true,
  standfirst: true,
  canonicalUrl: true,
  language: true,
  status: true,
  version: true,
  publishedAt: true,
  createdAt: true,
  updatedAt: true,
  bodyText: true,
  wordCount: true,
  section: { select: { name: true, slug: true } },
  publisher: { select: { name: true } },
  tags: { orderBy: { position: "asc" }, select: { tag: { select: { name: true, slug: true } } } },
  bylines: { orderBy: { position: "asc" }, select: { person: { select: { name: true } } } },
  media: {
    orderBy: { position: "asc" },
    select: { id: true, url: true, caption: true, altText: true, creditText: true, width: true, height: true },
  },
  blocks: {
    orderBy: { position: "asc" },
    select: { kind: true, text: true, level: true, attribution: true, mediaId: true },
  },
  mentions: {
    orderBy: [{ salience: "desc" }, { id: "asc" }],
    select: { salience: true, person: entity, organisation: entity, event: entity, place: entity },
  },
  liveBlog: LIVE_BLOG_EXPORT_SELECT,
} satisfies P.ArticleSelect;

export type NinjsArticle = P.ArticleGetPayload<{ select: typeof NINJS_SELECT }>;

const PUB_STATUS: Record<ArticleStatus, string> = { PUBLISHED: "usable", DRAFT: "withheld", WITHDRAWN: "canceled" };

function htmlOf(a: NinjsArticle, associationOf: Map<string, string>): string {
  const mediaById = new Map(a.media.map((m) => [m.id, m]));
  return a.blocks
    .map((b) => {
      const t = escapeText(b.text ?? "");
      if (b.kind === "HEADING") return `<h${b.level ?? 2}>${t}</h${b.level ?? 2}>`;
      if (b.kind === "QUOTE")
        return `<blockquote>${t}${b.attribution ? ` <cite>${escapeText(b.attribution)}</cite>` : ""}</blockquote>`;
      if (b.kind === "IMAGE") {
        const m = b.mediaId ? mediaById.get(b.mediaId) : undefined;
        if (!m) return "";
        const caption = [m.caption, m.creditText && `(${m.creditText})`].filter(Boolean).join(" ");
        return `<figure data-association="${associationOf.get(m.id)}"><img src="${escapeAttribute(m.url)}" alt="${escapeAttribute(m.altText ?? m.caption ?? "")}"/>${caption ? `<figcaption>${escapeText(caption)}</figcaption>` : ""}</figure>`;
      }
      return `<p>${t}</p>`;
    })
    .filter(Boolean)
    .join("\n");
}

/** A live blog adds its coverage and updates (live.ts). */
export function toNinjs(a: NinjsArticle): Record<string, unknown> {
  return liveBlogNinjs(standard(a), a.liveBlog, a.canonicalUrl);
}

function standard(a: NinjsArticle): Record<string, unknown> {
  const associationOf = new Map(a.media.map((m, i) => [m.id, `image-${i + 1}`]));
  const listed = (key: "person" | "organisation" | "place" | "event") =>
    a.mentions.flatMap((m) =>
      m[key] ? [{ name: m[key]!.name, literal: m[key]!.slug, rel: m.salience >= 0.5 ? "about" : "mentions" }] : [],
    );
  const subjects = [
    ...(a.section ? [{ name: a.section.name, literal: `section:${a.section.slug}`, rel: "section" }] : []),
    ...a.tags.map((t) => ({ name: t.tag.name, literal: `tag:${t.tag.slug}`, rel: "tag" })),
  ];
  const people = listed("person");
  const organisations = listed("organisation");
  const places = listed("place");
  const events = listed("event");
  return {
    uri: a.canonicalUrl,
    standard: { name: "ninjs", version: "3.0", schema: NINJS_SCHEMA },
    type: "text",
    representationType: "full",
    version: String(a.version),
    firstCreated: (a.publishedAt ?? a.createdAt).toISOString(),
    versionCreated: a.updatedAt.toISOString(),
    contentCreated: a.createdAt.toISOString(),
    pubStatus: PUB_STATUS[a.status],
    language: a.language,
    slugline: a.slug,
    headlines: [{ role: "main", value: a.headline }],
    ...(a.standfirst ? { descriptions: [{ role: "summary", value: a.standfirst }] } : {}),
    bodies: [
      {
        role: "text",
        contentType: "text/plain",
        value: a.bodyText,
        charCount: a.bodyText.length,
        wordCount: a.wordCount,
      },
      { role: "html", contentType: "text/html", value: htmlOf(a, associationOf), wordCount: a.wordCount },
    ],
    ...(a.bylines.length ? { by: listOf(a.bylines.map((b) => b.person.name)) } : {}),
    ...(a.publisher ? { copyrightHolder: a.publisher.name } : {}),
    ...(subjects.length ? { subjects } : {}),
    ...(people.length ? { people } : {}),
    ...(organisations.length ? { organisations } : {}),
    ...(places.length ? { places } : {}),
    ...(events.length ? { events } : {}),
    ...(a.media.length
      ? {
          associations: a.media.map((m) => ({
            name: associationOf.get(m.id),
            uri: m.url,
            type: "picture",
            ...(m.creditText ? { by: m.creditText } : {}),
            ...(m.caption || m.altText
              ? {
                  descriptions: [
                    ...(m.caption ? [{ role: "caption", value: m.caption }] : []),
                    ...(m.altText ? [{ role: "alt", value: m.altText }] : []),
                  ],
                }
              : {}),
            renditions: [
              {
                name: "original",
                href: m.url,
                ...(m.width ? { width: m.width } : {}),
                ...(m.height ? { height: m.height } : {}),
              },
            ],
          })),
        }
      : {}),
  };
}
