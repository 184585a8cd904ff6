// A synthetic corpus for scale: thousands of articles over ten years with realistic shapes (Zipf-like popularity of
// people, organisations, places and events; storylines that recur; comment threads with a heavy tail and replies;
// readers of whom a few write most comments). The same seed writes the same rows. It is added next to whatever the
// database holds (sections and tags are shared by slug), in one transaction, with batched inserts.
import type { Prisma, Provider } from "../platform/db.js";
import type { Prisma as P } from "../generated/prisma/client.js";
import { ArticleFactory, type ArticleRows } from "./corpus-articles.js";
import { buildEntities, CORPUS_START } from "./corpus-entities.js";
import { liveBlogRowsFor } from "./corpus-live.js";
import { Random } from "./corpus-random.js";
import { FIRST_NAMES, SECTIONS, SURNAMES, TOPICS } from "./corpus-vocabulary.js";

export interface CorpusOptions {
  articles: number;
  /** Same seed, same corpus (default 1). Corpora of different seeds can live in one database. */
  seed?: number;
  /** Tell some articles as live blogs (corpus-live.ts): one in fifty, a few with hundreds of updates. */
  liveBlogs?: boolean;
  /** Called after each batch of articles is written. */
  onProgress?: (done: number, total: number) => void;
}

export interface CorpusReport {
  seed: number;
  articles: number;
  people: number;
  organisations: number;
  places: number;
  events: number;
  accounts: number;
  mentions: number;
  comments: number;
  liveBlogs: number;
  liveUpdates: number;
}

/** Articles built and written at a time: small enough to keep memory flat at any corpus size. */
const ARTICLES_PER_BATCH = 500;
/** Entities and accounts were "created" at the start of the corpus's time, so that the same seed writes the same rows. */
const ENTITY_TIME = new Date(CORPUS_START);
export const MAX_CORPUS_ARTICLES = 1_000_000;

export async function generateCorpus(prisma: Prisma, options: CorpusOptions): Promise<CorpusReport> {
  const seed = options.seed ?? 1;
  if (!Number.isInteger(options.articles) || options.articles < 1 || options.articles > MAX_CORPUS_ARTICLES)
    throw new RangeError(`articles must be a whole number from 1 to ${MAX_CORPUS_ARTICLES}`);
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff)
    throw new RangeError("seed must be a whole number from 0 to 4294967295");
  const tag = `corpus${seed}`;
  const random = new Random(seed);
  const entities = buildEntities(random, tag);
  const accountCount = Math.max(200, Math.min(20_000, Math.round(options.articles * 0.3)));
  const accounts = Array.from({ length: accountCount }, (_, i) => ({
    id: `${tag}-account-${i}`,
    displayName: `${random.pick(FIRST_NAMES)[0]} ${random.pick(SURNAMES)[0]!.charAt(0)}.`,
    role: "READER" as const,
    createdAt: new Date(Date.UTC(2015, 0, 1) + random.next() * 10 * 365 * 86_400_000),
  }));
  const report: CorpusReport = {
    seed,
    articles: options.articles,
    people: entities.people.length,
    organisations: entities.organisations.length,
    places: entities.places.length,
    events: entities.events.length,
    accounts: accounts.length,
    mentions: 0,
    comments: 0,
    liveBlogs: 0,
    liveUpdates: 0,
  };

  const provider = providerOf(prisma);
  await prisma.$transaction(
    async (tx) => {
      const insert = (table: string, rows: readonly Row[]) => insertRows(tx, provider, table, rows);
      if (await tx.person.findUnique({ where: { id: entities.people[0]!.id }, select: { id: true } }))
        throw new CorpusExistsError(seed);
      const sectionIds = await sharedBySlug(
        (slugs) => tx.section.findMany({ where: { slug: { in: slugs } }, select: { id: true, slug: true } }),
        (rows) => insert("Section", rows.map(stamped)),
        SECTIONS.map((s) => ({ id: `${tag}-section-${s.slug}`, ...s })),
      );
      const tagIds = await sharedBySlug(
        (slugs) => tx.tag.findMany({ where: { slug: { in: slugs } }, select: { id: true, slug: true } }),
        (rows) => insert("Tag", rows.map(stamped)),
        TOPICS.map((slug) => ({ id: `${tag}-tag-${slug}`, slug, name: capitalise(slug.replace("-", " ")) })),
      );
      // Places refer to their parents, which come earlier in the list, and rows go in in order.
      await insert("Place", entities.places.map(stamped));
      await insert("Person", entities.people.map(stamped));
      await insert("PersonName", entities.personNames.map(stamped));
      await insert("Organisation", entities.organisations.map(stamped));
      await insert("OrganisationName", entities.organisationNames.map(stamped));
      await insert("Event", entities.events.map(stamped));
      await insert("Participant", entities.participants.map(stamped));
      await insert("Affiliation", entities.affiliations.map(stamped));
      await insert(
        "Account",
        accounts.map((a) => ({ ...a, updatedAt: a.createdAt })),
      );
      options.onProgress?.(0, options.articles);

      const factory = new ArticleFactory(random, {
        tag,
        entities,
        sectionIds,
        tagIds,
        accountIds: accounts.map((a) => a.id),
      });
      for (let start = 0; start < options.articles; start += ARTICLES_PER_BATCH) {
        const end = Math.min(options.articles, start + ARTICLES_PER_BATCH);
        const built: ArticleRows[] = [];
        for (let index = start; index < end; index++) built.push(factory.build(index));
        // An article's parts were written when it was.
        const at = (b: ArticleRows) => ({ createdAt: b.article.createdAt, updatedAt: b.article.createdAt });
        const parts = <T>(pick: (b: ArticleRows) => T[]) =>
          built.flatMap((b) => pick(b).map((row) => ({ ...at(b), ...row })));
        const mentions = parts((b) => b.mentions);
        const comments = built.flatMap((b) => b.comments);
        await insert(
          "Article",
          built.map((b) => b.article),
        );
        await insert(
          "ArticleBlock",
          parts((b) => b.blocks),
        );
        await insert(
          "ArticleTag",
          parts((b) => b.tags),
        );
        await insert(
          "Byline",
          parts((b) => b.bylines),
        );
        await insert("Mention", mentions);
        await insert("Comment", comments);
        await insert(
          "CommentEvent",
          built.flatMap((b) => b.events),
        );
        if (options.liveBlogs) {
          const live = built.flatMap((b, i) => liveBlogRowsFor(seed, start + i, b.article) ?? []);
          await insert(
            "LiveBlog",
            live.map((l) => l.blog),
          );
          await insert(
            "LiveUpdate",
            live.flatMap((l) => l.updates),
          );
          await insert(
            "LiveUpdateBlock",
            live.flatMap((l) => l.blocks),
          );
          await insert(
            "LiveBlogEvent",
            live.flatMap((l) => l.events),
          );
          report.liveBlogs += live.length;
          report.liveUpdates += live.reduce((sum, l) => sum + l.updates.length, 0);
        }
        report.mentions += mentions.length;
        report.comments += comments.length;
        options.onProgress?.(end, options.articles);
      }
    },
    // One transaction, so that a failed run leaves nothing behind; a large corpus takes minutes, not seconds.
    { timeout: 60 * 60_000, maxWait: 30_000 },
  );
  return report;
}

export class CorpusExistsError extends Error {
  constructor(seed: number) {
    super(`a corpus with seed ${seed} is already in this database; generate another with --seed <n>`);
  }
}

/** Rows that other content may already have (sections, tags): the existing row of each slug is used, the rest made. */
async function sharedBySlug<T extends { id: string; slug: string }>(
  find: (slugs: string[]) => Promise<{ id: string; slug: string }[]>,
  create: (rows: T[]) => Promise<unknown>,
  wanted: T[],
): Promise<Map<string, string>> {
  const ids = new Map((await find(wanted.map((w) => w.slug))).map((row) => [row.slug, row.id]));
  const missing = wanted.filter((w) => !ids.has(w.slug));
  if (missing.length) await create(missing);
  for (const row of missing) ids.set(row.slug, row.id);
  return ids;
}

type Row = Record<string, unknown>;

function stamped<T extends Row>(row: T): T & { createdAt: Date; updatedAt: Date } {
  return { createdAt: ENTITY_TIME, updatedAt: ENTITY_TIME, ...row };
}

function providerOf(prisma: Prisma): Provider {
  return (prisma as unknown as { _activeProvider: string })._activeProvider === "postgresql" ? "postgresql" : "sqlite";
}

/**
 * Multi-row INSERTs as raw SQL: Prisma's createMany spends about 0.3 ms of CPU per row building its query, which is
 * most of the time of a large corpus. Values stay bound parameters; table and column names are ours, not input.
 * Every row of a table is given the same columns (a missing one is NULL), and rows go in in the order given.
 */
async function insertRows(tx: P.TransactionClient, provider: Provider, table: string, rows: readonly Row[]) {
  if (rows.length === 0) return;
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  // SQLite binds at most 32,766 values in one statement, PostgreSQL 65,535.
  const perStatement = Math.max(1, Math.min(1000, Math.floor(30_000 / columns.length)));
  const head = `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES `;
  for (let start = 0; start < rows.length; start += perStatement) {
    const batch = rows.slice(start, start + perStatement);
    const values: unknown[] = [];
    const tuples = batch.map((row) => {
      const marks = columns.map((column) => {
        values.push(row[column] ?? null);
        return provider === "postgresql" ? `$${values.length}` : "?";
      });
      return `(${marks.join(", ")})`;
    });
    await tx.$executeRawUnsafe(head + tuples.join(", "), ...values);
  }
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
