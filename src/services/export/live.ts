// A live blog in the export formats. JSON-LD: the article becomes a schema.org LiveBlogPosting with its coverage
// window and each published update as a BlogPosting with its own datePublished (newest first, as Google reads
// them). ninjs 3.0 has no live-blog type; Lede maps each published update to an association of type "text" named
// "live-update-<sequence>", a ninjs object of its own (headlines, bodies, by, firstCreated, versionCreated), with
// its marks as subjects (rel "live-mark": key-event, summary, pinned), and the coverage window as two subjects of rel
// "live-coverage" whose literal is the ISO time. The import reads that mapping back (services/import/live.ts).
import { escapeText } from "entities";
import type { Prisma as P } from "../../generated/prisma/client.js";

export const LIVE_BLOG_EXPORT_SELECT = {
  select: {
    coverageStartAt: true,
    coverageEndAt: true,
    pinnedUpdateId: true,
    updates: {
      where: { status: "PUBLISHED" },
      orderBy: { seq: "desc" },
      select: {
        id: true,
        seq: true,
        title: true,
        bodyText: true,
        keyEvent: true,
        summary: true,
        publishedAt: true,
        editedAt: true,
        authors: { orderBy: { position: "asc" }, select: { person: { select: { name: true } } } },
        blocks: { orderBy: { position: "asc" }, select: { kind: true, text: true, level: true, attribution: true } },
        corrections: { orderBy: { publishedAt: "asc" }, select: { text: true } },
      },
    },
  },
} satisfies P.Article$liveBlogArgs;

export type ExportedLiveBlog = P.LiveBlogGetPayload<typeof LIVE_BLOG_EXPORT_SELECT>;
type ExportedUpdate = ExportedLiveBlog["updates"][number];

export const LIVE_UPDATE_ASSOCIATION = /^live-update-(\d+)$/;
export const LIVE_MARK_REL = "live-mark";
export const LIVE_COVERAGE_REL = "live-coverage";

const anchor = (url: string, u: ExportedUpdate) => `${url}#update-${u.seq}`;
/** An update without a title is named by the start of its text. */
const headlineOf = (u: ExportedUpdate) =>
  u.title ?? (u.bodyText.length > 110 ? `${u.bodyText.slice(0, 109)}…` : u.bodyText);

export function liveBlogJsonLd(
  base: Record<string, unknown>,
  live: ExportedLiveBlog | null,
  url: string,
): Record<string, unknown> {
  if (!live) return base;
  return {
    ...base,
    "@type": "LiveBlogPosting",
    coverageStartTime: live.coverageStartAt.toISOString(),
    ...(live.coverageEndAt ? { coverageEndTime: live.coverageEndAt.toISOString() } : {}),
    liveBlogUpdate: live.updates.map((u) => ({
      "@type": "BlogPosting",
      url: anchor(url, u),
      headline: headlineOf(u),
      datePublished: u.publishedAt!.toISOString(),
      ...(u.editedAt ? { dateModified: u.editedAt.toISOString() } : {}),
      articleBody: u.bodyText,
      ...(u.authors.length ? { author: u.authors.map((a) => ({ "@type": "Person", name: a.person.name })) } : {}),
    })),
  };
}

function htmlOf(u: ExportedUpdate): string {
  return u.blocks
    .filter((b) => b.kind !== "IMAGE")
    .map((b) => {
      const t = escapeText(b.text ?? "");
      if (b.kind === "HEADING") return `<h${b.level ?? 2}>${t}</h${b.level ?? 2}>`;
      if (b.kind === "QUOTE")
        return `<blockquote>${t}${b.attribution ? ` <cite>${escapeText(b.attribution)}</cite>` : ""}</blockquote>`;
      return `<p>${t}</p>`;
    })
    .join("\n");
}

export function liveBlogNinjs(
  base: Record<string, unknown>,
  live: ExportedLiveBlog | null,
  url: string,
): Record<string, unknown> {
  if (!live) return base;
  const coverage = [
    { name: "coverage start", literal: live.coverageStartAt.toISOString(), rel: LIVE_COVERAGE_REL },
    ...(live.coverageEndAt
      ? [{ name: "coverage end", literal: live.coverageEndAt.toISOString(), rel: LIVE_COVERAGE_REL }]
      : []),
  ];
  const updates = live.updates.map((u) => {
    const marks = [
      ...(u.keyEvent ? ["key-event"] : []),
      ...(u.summary ? ["summary"] : []),
      ...(live.pinnedUpdateId === u.id ? ["pinned"] : []),
    ];
    return {
      name: `live-update-${u.seq}`,
      type: "text",
      uri: anchor(url, u),
      representationType: "full",
      pubStatus: "usable",
      firstCreated: u.publishedAt!.toISOString(),
      versionCreated: (u.editedAt ?? u.publishedAt!).toISOString(),
      ...(u.title ? { headlines: [{ role: "main", value: u.title }] } : {}),
      bodies: [
        { role: "text", contentType: "text/plain", value: u.bodyText },
        { role: "html", contentType: "text/html", value: htmlOf(u) },
      ],
      ...(u.authors.length ? { by: u.authors.map((a) => a.person.name).join(", ") } : {}),
      ...(marks.length ? { subjects: marks.map((m) => ({ name: m, literal: m, rel: LIVE_MARK_REL })) } : {}),
      ...(u.corrections.length
        ? { descriptions: u.corrections.map((c) => ({ role: "correction", value: c.text })) }
        : {}),
    };
  });
  const existing = (base.associations as unknown[] | undefined) ?? [];
  const subjects = (base.subjects as unknown[] | undefined) ?? [];
  return {
    ...base,
    genres: [{ name: "Live blog", literal: "live-blog" }],
    subjects: [...subjects, ...coverage],
    associations: [...existing, ...updates],
  };
}
