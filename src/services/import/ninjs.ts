// IPTC ninjs (News in JSON) 3.x, one object or an array of them. Generation 1 and 2 spellings (versioncreated,
// pubstatus, headline, body_text) are read too, as archives hold all of them. Validated with zod: a field of the
// wrong shape is reported by its path.
import sanitizeHtml from "sanitize-html";
import { decodeHTMLStrict } from "entities";
import { z } from "zod";
import type { ArticleStatus } from "../../generated/prisma/enums.js";
import { slugify } from "./names.js";
import { bylineNames } from "./plain-text.js";
import { liveBlogFromNinjs } from "./live.js";
import { ImportError, type EntityType, type ImportedArticle, type ImportedBlock, type ImportedMedia } from "./types.js";

const valued = z.object({ value: z.string(), role: z.string().optional(), contentType: z.string().optional() });
const named = z.object({
  name: z.string().optional(),
  literal: z.string().optional(),
  uri: z.string().optional(),
  rel: z.string().optional(),
  relevance: z.number().min(0).max(100).optional(),
});
const date = z.string().refine((value) => !Number.isNaN(Date.parse(value)), "is not a date");
const rendition = z.object({
  href: z.string().optional(),
  width: z.number().optional(),
  height: z.number().optional(),
});
const association = z.object({
  name: z.string().optional(),
  uri: z.string().optional(),
  type: z.string().optional(),
  by: z.string().optional(),
  headlines: z.array(valued).optional(),
  descriptions: z.array(valued).optional(),
  renditions: z.array(rendition).optional(),
  // a live blog's updates (import/live.ts)
  firstCreated: date.optional(),
  versionCreated: date.optional(),
  bodies: z.array(valued).optional(),
  subjects: z.array(named).optional(),
});
const ninjsItem = z.object({
  uri: z.string().min(1),
  type: z.string().optional(),
  version: z.union([z.string(), z.number()]).optional(),
  slugline: z.string().optional(),
  language: z.string().optional(),
  firstCreated: date.optional(),
  firstcreated: date.optional(),
  versionCreated: date.optional(),
  versioncreated: date.optional(),
  contentCreated: date.optional(),
  contentcreated: date.optional(),
  pubStatus: z.enum(["usable", "withheld", "canceled"]).optional(),
  pubstatus: z.enum(["usable", "withheld", "canceled"]).optional(),
  headlines: z.array(valued).optional(),
  headline: z.string().optional(),
  descriptions: z.array(valued).optional(),
  description_text: z.string().optional(),
  bodies: z.array(valued).optional(),
  body_text: z.string().optional(),
  body_html: z.string().optional(),
  by: z.string().optional(),
  copyrightHolder: z.string().optional(),
  people: z.array(named).optional(),
  organisations: z.array(named).optional(),
  places: z.array(named).optional(),
  subjects: z.array(named).optional(),
  associations: z.union([z.array(association), z.record(z.string(), association)]).optional(),
});
type NinjsItem = z.infer<typeof ninjsItem>;

const STATUS: Record<string, ArticleStatus> = { usable: "PUBLISHED", withheld: "DRAFT", canceled: "WITHDRAWN" };

function pick(values: z.infer<typeof valued>[] | undefined, roles: string[]): string | undefined {
  if (!values?.length) return undefined;
  for (const role of roles) {
    const found = values.find((v) => (v.role ?? "").toLowerCase() === role);
    if (found) return found.value;
  }
  return values.find((v) => !v.role)?.value ?? values[0]!.value;
}

/** Paragraphs, headings, quotes and figures (by their association's name) of an HTML body; the rest is dropped. */
function blocksFromHtml(html: string): (ImportedBlock & { association?: string })[] {
  const clean = sanitizeHtml(html, {
    allowedTags: ["p", "h2", "h3", "h4", "blockquote", "figure", "cite"],
    allowedAttributes: { figure: ["data-association"] },
    nonTextTags: ["style", "script", "textarea", "option", "noscript", "title", "figcaption"],
  });
  const blocks: (ImportedBlock & { association?: string })[] = [];
  const pattern = /<(p|h2|h3|h4|blockquote|figure)(?: data-association="([^"]*)")?>([\s\S]*?)<\/\1>/g;
  for (const match of clean.matchAll(pattern)) {
    const tag = match[1]!;
    if (tag === "figure") {
      if (match[2])
        blocks.push({
          kind: "IMAGE",
          text: null,
          level: null,
          attribution: null,
          mediaIndex: null,
          association: match[2],
        });
      continue;
    }
    const cite = /<cite>([\s\S]*?)<\/cite>/.exec(match[3]!);
    const plain = (value: string) =>
      decodeHTMLStrict(value.replace(/<[^>]+>/g, ""))
        .replace(/\s+/g, " ")
        .trim();
    const text = plain(match[3]!.replace(/<cite>[\s\S]*?<\/cite>/, ""));
    if (!text) continue;
    const kind = tag === "p" ? "PARAGRAPH" : tag === "blockquote" ? "QUOTE" : "HEADING";
    blocks.push({
      kind,
      text,
      level: kind === "HEADING" ? Number(tag[1]) : null,
      attribution: kind === "QUOTE" && cite ? plain(cite[1]!) || null : null,
      mediaIndex: null,
    });
  }
  return blocks;
}

function blocksFromText(text: string): ImportedBlock[] {
  return text
    .replace(/\r\n?/g, "\n")
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, " ").trim())
    .filter(Boolean)
    .map((p) => ({ kind: "PARAGRAPH" as const, text: p, level: null, attribution: null, mediaIndex: null }));
}

function toArticle(item: NinjsItem, source: string): ImportedArticle {
  if (item.type && item.type !== "text" && item.type !== "composite")
    throw new ImportError(`type is ${JSON.stringify(item.type)}: only text items are articles`);
  const headline = (pick(item.headlines, ["main", "headline"]) ?? item.headline)?.trim();
  if (!headline) throw new ImportError("headlines: an article needs a headline");
  const plain = item.bodies?.find((b) => !b.contentType || b.contentType === "text/plain");
  const html = item.bodies?.find((b) => b.contentType === "text/html");
  const blocks: (ImportedBlock & { association?: string })[] = html
    ? blocksFromHtml(html.value)
    : plain
      ? blocksFromText(plain.value)
      : item.body_html
        ? blocksFromHtml(item.body_html)
        : blocksFromText(item.body_text ?? "");
  if (!blocks.some((b) => b.kind !== "IMAGE")) throw new ImportError("bodies: the article has no text");

  const associations = Array.isArray(item.associations)
    ? item.associations
    : Object.entries(item.associations ?? {}).map(([name, a]) => ({ name, ...a }));
  const pictures = associations.filter((a) => !a.type || a.type === "picture" || a.type === "graphic");
  const media: ImportedMedia[] = pictures.map((a) => {
    const largest = [...(a.renditions ?? [])].sort((x, y) => (y.width ?? 0) - (x.width ?? 0))[0];
    const url = largest?.href ?? a.uri ?? null;
    return {
      url: url && /^https?:\/\//.test(url) ? url : null,
      caption: pick(a.descriptions, ["caption", "text"]) ?? pick(a.headlines, ["main"]) ?? null,
      altText: a.descriptions?.find((d) => d.role === "alt")?.value ?? null,
      creditText: a.by ?? null,
      width: largest?.width ?? null,
      height: largest?.height ?? null,
    };
  });
  // Pictures stand where the HTML body has their figure; the others come first, as the lead.
  const nameIndex = new Map(pictures.map((a, index) => [a.name, index]));
  const body: ImportedBlock[] = blocks.flatMap(({ association, ...b }) => {
    if (b.kind !== "IMAGE") return [b];
    const index = association === undefined ? undefined : nameIndex.get(association);
    return index === undefined ? [] : [{ ...b, mediaIndex: index }];
  });
  const placed = new Set(body.map((b) => b.mediaIndex));
  const lead: ImportedBlock[] = media.flatMap((_m, index) =>
    placed.has(index)
      ? []
      : [{ kind: "IMAGE" as const, text: null, level: null, attribution: null, mediaIndex: index }],
  );

  const declared: ImportedArticle["declared"] = [];
  const lists: [EntityType, z.infer<typeof named>[] | undefined][] = [
    ["Person", item.people],
    ["Organisation", item.organisations],
    ["Place", item.places],
  ];
  for (const [type, list] of lists) {
    for (const entity of list ?? []) {
      if (!entity.name?.trim()) continue;
      const slug = entity.literal && /^[a-z0-9]+(-[a-z0-9]+)*$/.test(entity.literal) ? entity.literal : null;
      const salience = entity.relevance !== undefined ? entity.relevance / 100 : null;
      declared.push({ type, name: entity.name.trim(), slug, salience });
    }
  }
  const section = item.subjects?.find((s) => s.rel === "section" && s.name);
  const tags = item.subjects?.filter((s) => s.rel === "tag" && s.name) ?? [];
  const canonicalUrl = /^https?:\/\/\S+$/.test(item.uri) ? item.uri : null;
  const lastSegment = canonicalUrl ? new URL(canonicalUrl).pathname.split("/").filter(Boolean).at(-1) : undefined;
  const status = item.pubStatus ?? item.pubstatus;
  const first = item.firstCreated ?? item.firstcreated ?? item.contentCreated ?? item.contentcreated;
  const version = item.versionCreated ?? item.versioncreated;
  return {
    source,
    canonicalUrl,
    slug:
      lastSegment && /^[a-z0-9]+(-[a-z0-9]+)*$/.test(lastSegment)
        ? lastSegment
        : slugify(item.slugline || headline) || null,
    headline,
    standfirst: pick(item.descriptions, ["summary", "standfirst", "text"])?.trim() || item.description_text || null,
    language: item.language ?? "en",
    status: status ? STATUS[status]! : null,
    publishedAt: (status ?? "usable") === "usable" && (first ?? version) ? new Date((first ?? version)!) : null,
    updatedAt: version ? new Date(version) : null,
    bylines: item.by ? bylineNames(item.by).map((name) => ({ name, role: null })) : [],
    media,
    blocks: [...lead, ...body],
    section: section ? { slug: slugOfSubject(section), name: section.name! } : undefined,
    tags: item.subjects ? tags.map((t) => ({ slug: slugOfSubject(t), name: t.name! })) : undefined,
    publisher: item.copyrightHolder ?? null,
    declared,
    liveBlog: liveBlogFromNinjs(item.subjects, associations, (html, text) =>
      (html ? blocksFromHtml(html) : blocksFromText(text ?? "")).flatMap((b) =>
        b.kind === "IMAGE" || !b.text
          ? []
          : [{ kind: b.kind, text: b.text, level: b.level, attribution: b.attribution }],
      ),
    ),
  };
}

function slugOfSubject(subject: z.infer<typeof named>): string {
  const literal = subject.literal?.replace(/^(section|tag):/, "");
  return literal && /^[a-z0-9]+(-[a-z0-9]+)*$/.test(literal) ? literal : slugify(subject.name!);
}

/** The articles of a ninjs file; a malformed item fails the whole file, naming the item and the field. */
export function parseNinjs(text: string, source: string): ImportedArticle[] {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    throw new ImportError(`not valid JSON: ${(error as Error).message}`);
  }
  const items = Array.isArray(json) ? json : [json];
  if (items.length === 0) throw new ImportError("the file holds an empty array");
  return items.map((raw, index) => {
    const where = Array.isArray(json) ? `${source}#${index}` : source;
    const parsed = ninjsItem.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new ImportError(`${where}: ${issue.path.join(".") || "item"} ${issue.message}`);
    }
    try {
      return toArticle(parsed.data, where);
    } catch (error) {
      if (error instanceof ImportError) throw new ImportError(`${where}: ${error.message}`);
      throw error;
    }
  });
}
