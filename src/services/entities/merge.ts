// Two records of one thing (two spellings of a person's name, an agency entered twice) become one. The merged
// record's names, links and blanks move to the kept one, the merged record is deleted, and a redirect lets its old
// global id and slug lead to the kept record. One transaction, audited on both records.
import type { Context } from "../../context.js";
import { BadUserInputError } from "../../errors.js";
import { decodeGlobalId } from "../../global-id.js";
import { withArticle } from "../../wording.js";
import { audit } from "../shared/audit.js";
import { requireEditor } from "../shared/authz.js";
import { changeEntityAtVersion, entityDelegate, type EntityType, type Tx } from "./fields.js";
import { writeTransaction } from "../../platform/transactions.js";

export interface MergeInput {
  keepId: string;
  mergeId: string;
  keepVersion: number;
  mergeVersion: number;
}

export interface MergeResult {
  type: EntityType;
  keptId: string;
  mergedId: string;
}

const MERGEABLE: EntityType[] = ["Person", "Organisation", "Event", "Place"];
const COLUMN = { Person: "personId", Organisation: "organisationId", Event: "eventId", Place: "placeId" } as const;

type Row = Record<string, unknown> & { id: string; name: string; slug: string };

/** The merged record's columns that fill the kept record's blanks (a kept value is never overwritten). */
const FILLABLE: Record<EntityType, string[]> = {
  Person: ["description", "nationality"],
  Organisation: ["description", "countryId"],
  Event: ["description", "placeId", "endsAt", "endPrecision"],
  Place: ["description", "parentId"],
};

function typeOf(globalId: string, field: string): EntityType {
  let typename: string;
  try {
    typename = decodeGlobalId(globalId).typename;
  } catch {
    throw new BadUserInputError(`${field} is not a valid id`, field);
  }
  if (!MERGEABLE.includes(typename as EntityType))
    throw new BadUserInputError(`${field} must be a Person, Organisation, Event or Place id`, field);
  return typename as EntityType;
}

/** Alternate names: the merged record's name and its alternates, except what the kept record is already called. */
async function moveNames(tx: Tx, ctx: Context, type: "Person" | "Organisation", kept: Row, merged: Row) {
  const table = (type === "Person" ? tx.personName : tx.organisationName) as unknown as {
    findMany(args: object): Promise<{ name: string }[]>;
    createMany(args: object): Promise<{ count: number }>;
  };
  const column = COLUMN[type];
  const [keptNames, mergedNames] = await Promise.all([
    table.findMany({ where: { [column]: kept.id }, select: { name: true } }),
    table.findMany({ where: { [column]: merged.id }, select: { name: true } }),
  ]);
  const have = new Set([kept.name, ...keptNames.map((n) => n.name)]);
  const now = ctx.clock();
  const names = [...new Set([merged.name, ...mergedNames.map((n) => n.name)])].filter((n) => !have.has(n));
  await table.createMany({
    data: names.map((name) => ({ id: ctx.newId(), [column]: kept.id, name, createdAt: now, updatedAt: now })),
  });
  return names.length;
}

/** Mentions: one per article; where both records are mentioned, the higher salience (and any role) stays. */
async function moveMentions(tx: Tx, type: EntityType, keptId: string, mergedId: string, touched: Set<string>) {
  const column = COLUMN[type];
  const mentions = await tx.mention.findMany({ where: { [column]: { in: [keptId, mergedId] } } });
  const keptByArticle = new Map(mentions.filter((m) => m[column] === keptId).map((m) => [m.articleId, m]));
  for (const mention of mentions.filter((m) => m[column] === mergedId)) {
    touched.add(mention.articleId);
    const kept = keptByArticle.get(mention.articleId);
    if (!kept) continue;
    await tx.mention.update({
      where: { id: kept.id },
      data: { salience: Math.max(kept.salience, mention.salience), role: kept.role ?? mention.role },
    });
    await tx.mention.delete({ where: { id: mention.id } });
  }
  const { count } = await tx.mention.updateMany({ where: { [column]: mergedId }, data: { [column]: keptId } });
  return count;
}

/** Bylines: a person credited twice in the same role on one article keeps one credit, and the byline closes up. */
async function moveBylines(tx: Tx, keptId: string, mergedId: string, touched: Set<string>) {
  const bylines = await tx.byline.findMany({ where: { personId: { in: [keptId, mergedId] } } });
  const keptCredits = new Set(bylines.filter((b) => b.personId === keptId).map((b) => `${b.articleId} ${b.role}`));
  const duplicates = bylines.filter((b) => b.personId === mergedId && keptCredits.has(`${b.articleId} ${b.role}`));
  for (const byline of bylines.filter((b) => b.personId === mergedId)) touched.add(byline.articleId);
  if (duplicates.length > 0) {
    await tx.byline.deleteMany({ where: { id: { in: duplicates.map((b) => b.id) } } });
    for (const articleId of new Set(duplicates.map((b) => b.articleId))) {
      const rest = await tx.byline.findMany({
        where: { articleId },
        orderBy: { position: "asc" },
        select: { id: true },
      });
      await tx.byline.updateMany({ where: { articleId }, data: { position: { increment: 1_000_000 } } });
      for (const [position, b] of rest.entries()) await tx.byline.update({ where: { id: b.id }, data: { position } });
    }
  }
  const { count } = await tx.byline.updateMany({ where: { personId: mergedId }, data: { personId: keptId } });
  return count;
}

/** Moves rows of a link table from the merged record to the kept one, dropping those the kept record already has. */
async function moveLinks(
  tx: Tx,
  table: "affiliation" | "participant",
  column: string,
  keptId: string,
  mergedId: string,
  sameLink: (row: Record<string, unknown>) => string,
): Promise<number> {
  const delegate = tx[table] as unknown as {
    findMany(args: object): Promise<(Record<string, unknown> & { id: string })[]>;
    deleteMany(args: object): Promise<{ count: number }>;
    updateMany(args: object): Promise<{ count: number }>;
  };
  const rows = await delegate.findMany({ where: { [column]: { in: [keptId, mergedId] } } });
  const keptLinks = new Set(rows.filter((r) => r[column] === keptId).map(sameLink));
  const duplicates = rows.filter((r) => r[column] === mergedId && keptLinks.has(sameLink(r))).map((r) => r.id);
  if (duplicates.length > 0) await delegate.deleteMany({ where: { id: { in: duplicates } } });
  const { count } = await delegate.updateMany({ where: { [column]: mergedId }, data: { [column]: keptId } });
  return count;
}

const time = (value: unknown) => (value instanceof Date ? value.toISOString() : "");

async function moveEverything(tx: Tx, ctx: Context, type: EntityType, kept: Row, merged: Row) {
  const touched = new Set<string>();
  const moved: Record<string, number> = {};
  const k = kept.id;
  const m = merged.id;
  moved.mentions = await moveMentions(tx, type, k, m, touched);
  if (type === "Person" || type === "Organisation") {
    moved.alternateNames = await moveNames(tx, ctx, type, kept, merged);
    const column = COLUMN[type];
    const other = type === "Person" ? "organisationId" : "personId";
    moved.affiliations = await moveLinks(tx, "affiliation", column, k, m, (r) =>
      [r[other], r.role, time(r.startsAt), time(r.endsAt)].join(" "),
    );
    moved.participations = await moveLinks(tx, "participant", column, k, m, (r) => `${String(r.eventId)} ${r.role}`);
    const creditColumn = type === "Person" ? "creditPersonId" : "creditOrganisationId";
    const credited = await tx.media.findMany({ where: { [creditColumn]: m }, select: { articleId: true } });
    for (const media of credited) touched.add(media.articleId);
    moved.credits = (await tx.media.updateMany({ where: { [creditColumn]: m }, data: { [creditColumn]: k } })).count;
  }
  if (type === "Person") moved.bylines = await moveBylines(tx, k, m, touched);
  if (type === "Organisation") {
    const published = await tx.article.findMany({ where: { publisherId: m }, select: { id: true } });
    for (const article of published) touched.add(article.id);
    moved.publishedArticles = (
      await tx.article.updateMany({ where: { publisherId: m }, data: { publisherId: k } })
    ).count;
  }
  if (type === "Event") {
    moved.participants = await moveLinks(tx, "participant", "eventId", k, m, (r) =>
      [r.personId ?? "", r.organisationId ?? "", r.role].join(" "),
    );
  }
  if (type === "Place") {
    moved.children = (
      await tx.place.updateMany({ where: { parentId: m, id: { not: k } }, data: { parentId: k } })
    ).count;
    moved.events = (await tx.event.updateMany({ where: { placeId: m }, data: { placeId: k } })).count;
    moved.organisations = (await tx.organisation.updateMany({ where: { countryId: m }, data: { countryId: k } })).count;
  }
  // An article whose credits or mentions now point elsewhere has changed: an editor holding it must reload.
  await tx.article.updateMany({
    where: { id: { in: [...touched] } },
    data: { version: { increment: 1 }, updatedAt: ctx.clock() },
  });
  return moved;
}

/** A place may not be merged with one it lies inside or that lies inside it: the hierarchy would loop. */
async function assertNotNested(tx: Tx, kept: Row, merged: Row) {
  for (const [inner, outer] of [
    [kept, merged],
    [merged, kept],
  ] as const) {
    let parentId = inner.parentId as string | null;
    for (let depth = 0; parentId && depth < 100; depth++) {
      if (parentId === outer.id)
        throw new BadUserInputError("Places that lie inside one another cannot be merged", "mergeId");
      parentId = (await tx.place.findUnique({ where: { id: parentId }, select: { parentId: true } }))?.parentId ?? null;
    }
  }
}

export async function mergeEntities(ctx: Context, input: MergeInput): Promise<MergeResult> {
  requireEditor(ctx, "merge records");
  const type = typeOf(input.keepId, "keepId");
  if (typeOf(input.mergeId, "mergeId") !== type)
    throw new BadUserInputError(`mergeId must be ${withArticle(type)} id, like keepId`, "mergeId");
  if (input.keepId === input.mergeId) throw new BadUserInputError("A record cannot be merged with itself", "mergeId");
  return writeTransaction(ctx, async (tx) => {
    // Bumping both versions first checks them (and makes a concurrent edit of either one a CONFLICT).
    const keptId = await changeEntityAtVersion(tx, ctx, type, input.keepId, input.keepVersion, {}, "keepId");
    const mergedId = await changeEntityAtVersion(tx, ctx, type, input.mergeId, input.mergeVersion, {}, "mergeId");
    // On PostgreSQL, also hold off links being added to either record meanwhile (their foreign-key checks wait for
    // this lock): a mention added to the merged record after its mentions moved would vanish with it.
    if (ctx.db.provider === "postgresql")
      await tx.$queryRawUnsafe(`SELECT "id" FROM "${type}" WHERE "id" IN ($1, $2) FOR UPDATE`, keptId, mergedId);
    const delegate = entityDelegate(tx, type);
    const kept = (await delegate.findUnique({ where: { id: keptId } })) as Row;
    const merged = (await delegate.findUnique({ where: { id: mergedId } })) as Row;
    if (type === "Place") await assertNotNested(tx, kept, merged);
    const moved = await moveEverything(tx, ctx, type, kept, merged);
    const blanks = Object.fromEntries(
      FILLABLE[type].filter((c) => kept[c] == null && merged[c] != null).map((c) => [c, merged[c]]),
    );
    // An event's end comes with its precision, and only when it is not before the kept start.
    if (type === "Event" && blanks.endsAt && (blanks.endsAt as Date) < (kept.startsAt as Date)) {
      delete blanks.endsAt;
      delete blanks.endPrecision;
    }
    await delegate.updateMany({ where: { id: keptId }, data: blanks });
    const now = ctx.clock();
    await tx.entityRedirect.updateMany({ where: { targetId: mergedId }, data: { targetId: keptId, updatedAt: now } });
    await tx.entityRedirect.create({
      data: { id: mergedId, entityType: type, slug: merged.slug, targetId: keptId, createdAt: now, updatedAt: now },
    });
    await (delegate as unknown as { delete(args: object): Promise<unknown> }).delete({ where: { id: mergedId } });
    await audit(tx, ctx, "mergeEntities", type, keptId, {
      merged: { id: input.mergeId, name: merged.name, slug: merged.slug },
      moved,
      filled: Object.keys(blanks),
    });
    await audit(tx, ctx, "mergedInto", type, mergedId, { keptId: input.keepId, name: merged.name });
    return { type, keptId, mergedId };
  });
}
