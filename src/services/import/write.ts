// Writes one imported article inside the caller's transaction: found again by canonical URL or slug, so that importing
// the same file twice changes nothing, and updated in place when the file changed. Bylines, credits and mentions are
// linked to the graph's people, organisations and places, and new ones are created.
import type { Prisma as P } from "../../generated/prisma/client.js";
import { BadUserInputError } from "../../errors.js";
import { checkedText } from "../shared/text.js";
import { countWords } from "../shared/text.js";
import { creditedEntities } from "./credits.js";
import { findOrCreate, type EntityIndex, type ImportDeps } from "./entities.js";
import { findEntities, salienceOf } from "./mentions.js";
import { writeImportedLiveBlog } from "./live.js";
import { slugify } from "./names.js";
import { ImportError, type ImportedArticle } from "./types.js";

type Tx = P.TransactionClient;

export type Outcome = "created" | "updated" | "unchanged";

/** What an article can lack that section lists, tag pages and statistics need. */
export type Missing = "section" | "tags" | "publisher";

export interface ArticleResult {
  outcome: Outcome;
  slug: string;
  articleId: string;
  /** Names of the people, organisations and places this import created. */
  newEntities: string[];
  /** What the article has none of after the import (neither the source nor an earlier edit gave it). */
  missing: Missing[];
}

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const ENTITY_COLUMN = { Person: "personId", Organisation: "organisationId", Place: "placeId" } as const;

/** The article's checked columns; a value out of bounds is an ImportError naming the field. */
function checked(article: ImportedArticle) {
  try {
    const headline = checkedText(article.headline, "headline", 300);
    const slug = article.slug && SLUG.test(article.slug) ? article.slug.slice(0, 200) : slugify(headline);
    const url = article.canonicalUrl ?? `https://lede.example/articles/${slug}`;
    if (!/^https?:\/\/\S+$/.test(url) || url.length > 500)
      throw new BadUserInputError("uri is not an http(s) address", "uri");
    if (!/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(article.language))
      throw new BadUserInputError("language is not a BCP-47 tag such as en or nb-NO", "language");
    if (article.blocks.length > 500) throw new BadUserInputError("body has more than 500 blocks", "body");
    const blocks = article.blocks.map((b, i) => ({
      ...b,
      text: b.text === null ? null : checkedText(b.text, `body[${i}]`, 20_000),
    }));
    const standfirst = article.standfirst ? checkedText(article.standfirst, "standfirst", 600) : null;
    const media = article.media.map((m, i) => ({
      ...m,
      url: m.url ?? `${url}#image-${i + 1}`,
      caption: m.caption ? checkedText(m.caption, `media[${i}].caption`, 2000) : null,
      creditText: m.creditText ? checkedText(m.creditText, `media[${i}].credit`, 300) : null,
    }));
    return { headline, slug, url, blocks, standfirst, media };
  } catch (error) {
    // The editorial rules' messages name the field already ("headline may not be empty").
    if (error instanceof BadUserInputError) throw new ImportError(error.message);
    throw error;
  }
}

export async function writeArticle(
  tx: Tx,
  deps: ImportDeps,
  index: EntityIndex,
  article: ImportedArticle,
): Promise<ArticleResult> {
  const { headline, slug, url, blocks, standfirst, media } = checked(article);
  // Found again by the source's canonical URL; a source without one (plain text) by its slug. A source with a URL
  // of its own whose slug another article holds is a different article, and gets a numbered slug.
  const byUrl = await tx.article.findUnique({ where: { canonicalUrl: url }, select: { id: true, slug: true } });
  const bySlug = byUrl ? null : await tx.article.findUnique({ where: { slug }, select: { id: true, slug: true } });
  const existing = byUrl ?? (article.canonicalUrl ? null : bySlug);
  let newSlug = slug;
  for (let n = 2; !existing && bySlug; n++) {
    newSlug = `${slug.slice(0, 190)}-${n}`;
    if (!(await tx.article.findUnique({ where: { slug: newSlug }, select: { id: true } }))) break;
  }
  const now = deps.clock();
  const stored = existing ? await storedArticle(tx, existing.id) : null;

  const bylines = [];
  for (const [position, b] of article.bylines.entries()) {
    const personId = (await findOrCreate(tx, deps, index, "Person", b.name)).id;
    const role = b.role ?? stored?.bylines.find((s) => s.personId === personId)?.role ?? "AUTHOR";
    bylines.push({ personId, role, position });
  }
  // A credit the graph cannot resolve keeps the links an editor gave the same credit before.
  const credits: { personId: string | null; organisationId: string | null }[] = [];
  for (const [position, m] of media.entries()) {
    const found = m.creditText ? await creditedEntities(tx, deps, index, m.creditText) : null;
    const before = stored?.media.find((s) => s.position === position && s.creditText === m.creditText);
    credits.push({
      personId: found?.person?.id ?? before?.creditPersonId ?? null,
      organisationId: found?.organisation?.id ?? before?.creditOrganisationId ?? null,
    });
  }
  const section =
    article.section &&
    (await tx.section.upsert({
      where: { slug: article.section.slug },
      create: { id: deps.newId(), ...article.section, createdAt: now, updatedAt: now },
      update: {},
    }));
  const tagIds = [];
  for (const tag of article.tags ?? [])
    tagIds.push(
      (
        await tx.tag.upsert({
          where: { slug: tag.slug },
          create: { id: deps.newId(), ...tag, createdAt: now, updatedAt: now },
          update: {},
        })
      ).id,
    );
  const publisher = article.publisher
    ? await findOrCreate(tx, deps, index, "Organisation", article.publisher, { organisationKind: "PUBLISHER" })
    : null;

  const bodyText = blocks.flatMap((b) => (b.kind !== "IMAGE" && b.text ? [b.text] : [])).join("\n\n");
  const columns = {
    headline,
    standfirst,
    bodyText,
    wordCount: countWords(bodyText),
    language: article.language,
    publishedAt: article.publishedAt,
    ...(article.status ? { status: article.status } : {}),
    ...(article.section !== undefined ? { sectionId: section ? section.id : null } : {}),
    ...(publisher ? { publisherId: publisher.id } : {}),
  };
  const mediaRows = media.map((m, position) => ({
    position,
    url: m.url,
    caption: m.caption,
    altText: m.altText,
    creditText: m.creditText,
    creditPersonId: credits[position]!.personId,
    creditOrganisationId: credits[position]!.organisationId,
    width: m.width,
    height: m.height,
  }));
  const blockRows = blocks.map((b, position) => ({
    position,
    kind: b.kind,
    text: b.text,
    level: b.level,
    attribution: b.attribution,
    mediaPosition: b.mediaIndex,
  }));
  const desired = { columns, mediaRows, blockRows, bylines, tagIds: article.tags ? tagIds : undefined };
  const missing: Missing[] = [];
  if (!(article.section !== undefined ? section : stored?.sectionId)) missing.push("section");
  if (!(article.tags ? tagIds.length : stored?.tags.length)) missing.push("tags");
  if (!(publisher ?? stored?.publisherId)) missing.push("publisher");

  let articleId: string;
  let outcome: Outcome;
  if (existing) {
    articleId = existing.id;
    const liveChanged = article.liveBlog ? await writeImportedLiveBlog(tx, deps, existing.id, article.liveBlog) : false;
    if (!liveChanged && JSON.stringify(stateOf(stored!, desired)) === JSON.stringify(desired))
      return { outcome: "unchanged", slug: existing.slug, articleId, newEntities: created(index), missing };
    outcome = "updated";
    await tx.articleBlock.deleteMany({ where: { articleId } });
    await tx.media.deleteMany({ where: { articleId } });
    await tx.byline.deleteMany({ where: { articleId } });
    if (article.tags) await tx.articleTag.deleteMany({ where: { articleId } });
    await tx.article.update({
      where: { id: articleId },
      data: { ...columns, version: { increment: 1 }, updatedAt: article.updatedAt ?? now },
    });
  } else {
    articleId = deps.newId();
    outcome = "created";
    await tx.article.create({
      data: {
        id: articleId,
        slug: newSlug,
        canonicalUrl: url,
        status: article.publishedAt ? "PUBLISHED" : "DRAFT",
        ...columns,
        createdAt: article.publishedAt ?? now,
        updatedAt: article.updatedAt ?? article.publishedAt ?? now,
      },
    });
  }
  const at = { createdAt: now, updatedAt: now };
  const mediaIds = mediaRows.map(() => deps.newId());
  await tx.media.createMany({ data: mediaRows.map((m, i) => ({ id: mediaIds[i]!, articleId, ...m, ...at })) });
  await tx.articleBlock.createMany({
    data: blockRows.map(({ mediaPosition, ...b }) => ({
      id: deps.newId(),
      articleId,
      ...b,
      mediaId: mediaPosition === null ? null : (mediaIds[mediaPosition] ?? null),
      ...at,
    })),
  });
  await tx.byline.createMany({ data: bylines.map((b) => ({ id: deps.newId(), articleId, ...b, ...at })) });
  if (article.tags)
    await tx.articleTag.createMany({ data: tagIds.map((tagId, position) => ({ articleId, tagId, position, ...at })) });

  // Mentions: what the text names, plus what the source declares.
  const lead = [headline, standfirst].filter(Boolean).join("\n\n");
  const captions = media.flatMap((m) => (m.caption ? [m.caption] : []));
  const fullText = [lead, bodyText, ...captions].join("\n\n");
  const found = findEntities(fullText, index);
  const salience = new Map<string, { type: keyof typeof ENTITY_COLUMN; salience: number }>();
  for (const f of found) {
    const entity = f.entity ?? (await findOrCreate(tx, deps, index, f.type, f.name));
    salience.set(entity.id, { type: entity.type, salience: salienceOf(f, found, fullText.length, lead.length) });
  }
  for (const d of article.declared) {
    const entity = await findOrCreate(tx, deps, index, d.type, d.name, { slug: d.slug });
    if (!salience.has(entity.id)) salience.set(entity.id, { type: entity.type, salience: d.salience ?? 0.3 });
  }
  const existingMentions = await tx.mention.findMany({
    where: { articleId },
    select: { id: true, personId: true, organisationId: true, placeId: true },
  });
  const fresh = [];
  for (const [entityId, m] of salience) {
    const column = ENTITY_COLUMN[m.type];
    const mention = existingMentions.find((e) => e[column] === entityId);
    if (mention) await tx.mention.update({ where: { id: mention.id }, data: { salience: m.salience, updatedAt: now } });
    else fresh.push({ id: deps.newId(), articleId, [column]: entityId, salience: m.salience, role: null, ...at });
  }
  await tx.mention.createMany({ data: fresh });
  await tx.auditEntry.create({
    data: {
      id: deps.newId(),
      actorId: null,
      action: outcome === "created" ? "importArticle" : "reimportArticle",
      entityType: "Article",
      entityId: articleId,
      changes: JSON.stringify({
        source: article.source,
        slug: existing?.slug ?? newSlug,
        url,
        newEntities: created(index),
      }),
      ...at,
    },
  });
  if (!existing && article.liveBlog) await writeImportedLiveBlog(tx, deps, articleId, article.liveBlog);
  return { outcome, slug: existing?.slug ?? newSlug, articleId, newEntities: created(index), missing };
}

function created(index: EntityIndex): string[] {
  return index.createdNames();
}

/** The article with its pictures, blocks, bylines and tags, one statement after the other (one connection). */
async function storedArticle(tx: Tx, articleId: string) {
  const article = await tx.article.findUniqueOrThrow({ where: { id: articleId } });
  const media = await tx.media.findMany({ where: { articleId }, orderBy: { position: "asc" } });
  const blocks = await tx.articleBlock.findMany({ where: { articleId }, orderBy: { position: "asc" } });
  const bylines = await tx.byline.findMany({ where: { articleId }, orderBy: { position: "asc" } });
  const tags = await tx.articleTag.findMany({ where: { articleId }, orderBy: { position: "asc" } });
  return { ...article, media, blocks, bylines, tags };
}

/** The stored article in the shape of `desired`, to tell whether the file changed anything. */
function stateOf(a: Awaited<ReturnType<typeof storedArticle>>, desired: { columns: object; tagIds?: string[] }) {
  const columns = Object.fromEntries(Object.keys(desired.columns).map((key) => [key, a[key as keyof typeof a]]));
  const positionOf = new Map(a.media.map((m) => [m.id, m.position]));
  return {
    columns,
    mediaRows: a.media.map((m) => ({
      position: m.position,
      url: m.url,
      caption: m.caption,
      altText: m.altText,
      creditText: m.creditText,
      creditPersonId: m.creditPersonId,
      creditOrganisationId: m.creditOrganisationId,
      width: m.width,
      height: m.height,
    })),
    blockRows: a.blocks.map((b) => ({
      position: b.position,
      kind: b.kind,
      text: b.text,
      level: b.level,
      attribution: b.attribution,
      mediaPosition: b.mediaId ? (positionOf.get(b.mediaId) ?? null) : null,
    })),
    bylines: a.bylines.map((b) => ({ personId: b.personId, role: b.role, position: b.position })),
    tagIds: desired.tagIds ? a.tags.map((t) => t.tagId) : undefined,
  };
}
