// What every entity edit shares: slugs that stay unique (also against merged records' old slugs), versioned updates
// (a stale version is a CONFLICT), partial dates, alternate names and clientMutationId receipts.
import { createHash } from "node:crypto";
import type { Context } from "../../context.js";
import { BadUserInputError, ConflictError, NotFoundError } from "../../errors.js";
import type { Prisma as P } from "../../generated/prisma/client.js";
import type { DatePrecision } from "../../generated/prisma/enums.js";
import { decodeGlobalIdOf } from "../../global-id.js";
import { checkedText } from "../shared/text.js";

export type Tx = P.TransactionClient;
export type EntityType = "Person" | "Organisation" | "Event" | "Place";

interface EntityDelegate {
  findUnique(args: object): Promise<Record<string, unknown> | null>;
  updateMany(args: object): Promise<{ count: number }>;
}

export function entityDelegate(tx: Tx, type: EntityType): EntityDelegate {
  const delegates = { Person: tx.person, Organisation: tx.organisation, Event: tx.event, Place: tx.place };
  return delegates[type] as unknown as EntityDelegate;
}

export function slugOf(value: string, field = "slug"): string {
  const slug = value.trim();
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(slug) || slug.length > 200)
    throw new BadUserInputError(`${field} must be lower-case words joined by hyphens`, field);
  return slug;
}

/** A slug is taken by a record of the type, or by a record merged away (its old links still lead somewhere). */
export async function assertSlugFree(tx: Tx, type: EntityType, slug: string, exceptId?: string): Promise<void> {
  const owner = await entityDelegate(tx, type).findUnique({ where: { slug }, select: { id: true } });
  if (owner && owner.id !== exceptId) throw new BadUserInputError(`The slug ${slug} is taken`, "slug");
  // The record a slug already leads to may take it over.
  const redirect = await tx.entityRedirect.findFirst({
    where: { entityType: type, slug, ...(exceptId ? { targetId: { not: exceptId } } : {}) },
    select: { id: true },
  });
  if (redirect)
    throw new BadUserInputError(`The slug ${slug} belonged to a merged record and still leads to it`, "slug");
}

/** The slug an update moves a record to, checked before the write so that a taken one is a BAD_USER_INPUT. */
export async function newSlug(tx: Tx, type: EntityType, input: { id: string; slug?: string | null }) {
  if (input.slug === undefined) return undefined;
  const slug = slugOf(input.slug ?? "");
  await assertSlugFree(tx, type, slug, decodeGlobalIdOf(input.id, type));
  return slug;
}

/** undefined: leave as it is; null or blank: clear; otherwise the checked text. */
export function optionalText(value: string | null | undefined, field: string, max: number): string | null | undefined {
  if (value === undefined) return undefined;
  if (value === null) return null;
  return checkedText(value, field, max, false) || null;
}

/** A field that may not be cleared: null is as bad as an empty string. */
export function requiredText(value: string | null | undefined, field: string, max: number): string | undefined {
  if (value === undefined) return undefined;
  if (value === null) throw new BadUserInputError(`${field} may not be empty`, field);
  return checkedText(value, field, max);
}

export interface PartialDateInput {
  date: Date;
  precision: DatePrecision;
}

/** The first instant of the day, month or year `date` falls in, so that equal periods compare equal. */
export function startOfPeriod({ date, precision }: PartialDateInput, field: string): PartialDateInput {
  if (Number.isNaN(date.getTime())) throw new BadUserInputError(`${field}.date is not a date`, `${field}.date`);
  const year = date.getUTCFullYear();
  if (year < 1 || year > 9999) throw new BadUserInputError(`${field}.date must be in years 1–9999`, `${field}.date`);
  const month = precision === "YEAR" ? 0 : date.getUTCMonth();
  const day = precision === "DAY" ? date.getUTCDate() : 1;
  return { date: new Date(Date.UTC(year, month, day)), precision };
}

export function assertInOrder(start: Date | null | undefined, end: Date | null | undefined, field = "end"): void {
  if (start && end && end < start) throw new BadUserInputError(`${field} is before start`, field);
}

/** Resolves a global id that an input refers to; an unknown one is a BAD_USER_INPUT naming the field. */
export async function referencedId(
  tx: Tx,
  globalId: string,
  type: EntityType,
  field: string,
  select: Record<string, true> = { id: true },
): Promise<Record<string, unknown> & { id: string }> {
  const id = decodeGlobalIdOf(globalId, type, field);
  const row = await entityDelegate(tx, type).findUnique({ where: { id }, select: { ...select, id: true } });
  if (!row) throw new BadUserInputError(`${field} names no ${type.toLowerCase()}`, field);
  return row as Record<string, unknown> & { id: string };
}

/**
 * Applies `data` only if the record is still at `version`, bumping it. A stale version is a CONFLICT naming the
 * current one; an unknown id is NOT_FOUND, or BAD_USER_INPUT naming `field` when given.
 */
export async function changeEntityAtVersion(
  tx: Tx,
  ctx: Context,
  type: EntityType,
  globalId: string,
  version: number,
  data: Record<string, unknown>,
  field?: string,
): Promise<string> {
  const id = decodeGlobalIdOf(globalId, type, field ?? "id");
  const delegate = entityDelegate(tx, type);
  const { count } = await delegate.updateMany({
    where: { id, version },
    data: { ...data, version: { increment: 1 }, updatedAt: ctx.clock() },
  });
  if (count === 1) return id;
  const current = await delegate.findUnique({ where: { id }, select: { version: true } });
  if (!current) {
    if (field) throw new BadUserInputError(`${field} names no ${type.toLowerCase()}`, field);
    throw new NotFoundError(type, globalId);
  }
  throw new ConflictError(
    `The ${type.toLowerCase()} changed meanwhile: you edited version ${version}, it is now at version ${String(current.version)}`,
    field ? field.replace(/Id$/, "Version") : "version",
  );
}

/** Checks a list of names, dropping repeats and `except` (the record's own name). */
export function namesFrom(values: readonly string[] | null | undefined, field: string, except?: string): string[] {
  if (!values) return [];
  if (values.length > 100) throw new BadUserInputError(`${field} may have at most 100 names`, field);
  const names = values.map((n, i) => checkedText(n, `${field}[${i}]`, 200));
  return [...new Set(names)].filter((n) => n !== except);
}

function canonicalJson(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(canonicalJson);
  if (value && typeof value === "object")
    return Object.fromEntries(
      Object.keys(value)
        .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
        .sort()
        .map((k) => [k, canonicalJson((value as Record<string, unknown>)[k])]),
    );
  return value;
}

/**
 * Makes a create idempotent by the caller's clientMutationId: the first call runs `create` and keeps a receipt; a
 * retry with the same id and input returns the same record's id, and the same id with other input is a CONFLICT.
 */
export async function createOnce(
  tx: Tx,
  ctx: Context,
  mutation: string,
  input: { clientMutationId?: string | null },
  create: () => Promise<string>,
): Promise<string> {
  const clientMutationId = input.clientMutationId;
  if (!clientMutationId) return create();
  if (clientMutationId.length > 200)
    throw new BadUserInputError("clientMutationId may be at most 200 characters", "clientMutationId");
  const actorId = ctx.viewer!.id;
  const inputHash = createHash("sha256")
    .update(JSON.stringify(canonicalJson({ ...input, clientMutationId: undefined })))
    .digest("hex");
  const receipt = await tx.mutationReceipt.findUnique({
    where: { actorId_mutation_clientMutationId: { actorId, mutation, clientMutationId } },
  });
  if (receipt) {
    if (receipt.inputHash !== inputHash)
      throw new ConflictError("That clientMutationId was used with different input", "clientMutationId");
    // The record made then may have been merged into another since: the retry gets that one.
    const redirect = await tx.entityRedirect.findUnique({
      where: { id: receipt.resultId },
      select: { targetId: true },
    });
    return redirect?.targetId ?? receipt.resultId;
  }
  const resultId = await create();
  const now = ctx.clock();
  await tx.mutationReceipt.create({
    data: { id: ctx.newId(), actorId, mutation, clientMutationId, inputHash, resultId, createdAt: now, updatedAt: now },
  });
  return resultId;
}
