// Editors create and correct the graph's records: people, organisations, events and places. Each write is one
// transaction with its audit entry; every update names the version the editor saw (a stale one is a CONFLICT);
// creates take a clientMutationId; a bad field is a BAD_USER_INPUT naming it.
import type { Context } from "../context.js";
import { BadUserInputError } from "../errors.js";
import type { EventKind, OrganisationKind, PlaceKind } from "../generated/prisma/enums.js";
import { audit, requireEditor } from "./editorial.js";
import {
  assertInOrder,
  assertSlugFree,
  changeEntityAtVersion,
  entityDelegate,
  createOnce,
  namesFrom,
  optionalText,
  referencedId,
  requiredText,
  slugOf,
  startOfPeriod,
  type EntityType,
  type PartialDateInput,
  type Tx,
} from "./entity-fields.js";
import { decodeGlobalIdOf } from "../global-id.js";
import { writeTransaction } from "./transactions.js";

interface Versioned {
  id: string;
  version: number;
}

interface AlternateNameChanges {
  addAlternateNames?: string[] | null;
  removeAlternateNames?: string[] | null;
}

/** The slug an update moves a record to, checked before the write so that a taken one is a BAD_USER_INPUT. */
async function newSlug(tx: Tx, type: EntityType, input: { id: string; slug?: string | null }) {
  if (input.slug === undefined) return undefined;
  const slug = slugOf(input.slug ?? "");
  await assertSlugFree(tx, type, slug, decodeGlobalIdOf(input.id, type));
  return slug;
}

type NameTable = "personName" | "organisationName";
const OWNER_COLUMN = { personName: "personId", organisationName: "organisationId" } as const;

/** Adds and removes alternate names; a name to remove that the record does not have is a BAD_USER_INPUT. */
async function changeAlternateNames(
  tx: Tx,
  ctx: Context,
  table: NameTable,
  ownerId: string,
  changes: AlternateNameChanges,
): Promise<void> {
  const column = OWNER_COLUMN[table];
  const names = tx[table] as unknown as {
    findMany(args: object): Promise<{ id: string; name: string }[]>;
    deleteMany(args: object): Promise<{ count: number }>;
    createMany(args: object): Promise<{ count: number }>;
  };
  const owner = (await entityDelegate(tx, table === "personName" ? "Person" : "Organisation").findUnique({
    where: { id: ownerId },
    select: { name: true },
  })) as { name: string };
  const toAdd = namesFrom(changes.addAlternateNames, "addAlternateNames", owner.name);
  const toRemove = namesFrom(changes.removeAlternateNames, "removeAlternateNames");
  const both = toAdd.find((n) => toRemove.includes(n));
  if (both) throw new BadUserInputError(`${JSON.stringify(both)} is both added and removed`, "removeAlternateNames");
  // The primary name is never an alternate too (a rename to an alternate name promotes it).
  const existing = await names.findMany({ where: { [column]: ownerId }, select: { id: true, name: true } });
  const have = new Set(existing.map((n) => n.name));
  for (const [index, name] of (changes.removeAlternateNames ?? []).entries()) {
    if (!have.has(name.trim()))
      throw new BadUserInputError(`${JSON.stringify(name)} is not an alternate name`, `removeAlternateNames[${index}]`);
  }
  await names.deleteMany({ where: { [column]: ownerId, name: { in: [...toRemove, owner.name] } } });
  const now = ctx.clock();
  await names.createMany({
    data: toAdd
      .filter((n) => !have.has(n))
      .map((name) => ({ id: ctx.newId(), [column]: ownerId, name, createdAt: now, updatedAt: now })),
  });
}

export async function updatePerson(
  ctx: Context,
  input: Versioned &
    AlternateNameChanges & {
      slug?: string | null;
      name?: string | null;
      description?: string | null;
      nationality?: string | null;
    },
): Promise<string> {
  requireEditor(ctx, "edit people");
  const data = {
    name: requiredText(input.name, "name", 200),
    description: optionalText(input.description, "description", 2000),
    nationality: optionalText(input.nationality, "nationality", 100),
  };
  return writeTransaction(ctx, async (tx) => {
    const slug = await newSlug(tx, "Person", input);
    const id = await changeEntityAtVersion(tx, ctx, "Person", input.id, input.version, { ...data, slug });
    await changeAlternateNames(tx, ctx, "personName", id, input);
    await audit(tx, ctx, "updatePerson", "Person", id, { ...input, id: undefined });
    return id;
  });
}

interface OrganisationFields extends AlternateNameChanges {
  slug?: string | null;
  name?: string | null;
  kind?: OrganisationKind | null;
  countryId?: string | null;
  description?: string | null;
}

async function organisationColumns(tx: Tx, input: OrganisationFields) {
  let countryId: string | null | undefined;
  if (input.countryId === null) countryId = null;
  else if (input.countryId !== undefined) {
    const country = await referencedId(tx, input.countryId, "Place", "countryId", { kind: true });
    if (country.kind !== "COUNTRY") throw new BadUserInputError("countryId must name a country", "countryId");
    countryId = country.id;
  }
  if (input.kind === null) throw new BadUserInputError("kind may not be empty", "kind");
  return {
    name: requiredText(input.name, "name", 200),
    kind: input.kind,
    countryId,
    description: optionalText(input.description, "description", 2000),
  };
}

export async function createOrganisation(
  ctx: Context,
  input: OrganisationFields & {
    slug: string;
    name: string;
    kind: OrganisationKind;
    alternateNames?: string[] | null;
    clientMutationId?: string | null;
  },
): Promise<string> {
  requireEditor(ctx, "create organisations");
  const slug = slugOf(input.slug);
  const alternateNames = namesFrom(input.alternateNames, "alternateNames");
  return writeTransaction(ctx, (tx) =>
    createOnce(tx, ctx, "createOrganisation", input, async () => {
      await assertSlugFree(tx, "Organisation", slug);
      const id = ctx.newId();
      const now = ctx.clock();
      const columns = await organisationColumns(tx, input);
      await tx.organisation.create({
        data: { ...columns, id, slug, name: columns.name!, kind: input.kind, createdAt: now, updatedAt: now },
      });
      await changeAlternateNames(tx, ctx, "organisationName", id, { addAlternateNames: alternateNames });
      await audit(tx, ctx, "createOrganisation", "Organisation", id, { ...input, clientMutationId: undefined });
      return id;
    }),
  );
}

export async function updateOrganisation(ctx: Context, input: Versioned & OrganisationFields): Promise<string> {
  requireEditor(ctx, "edit organisations");
  return writeTransaction(ctx, async (tx) => {
    const slug = await newSlug(tx, "Organisation", input);
    const columns = await organisationColumns(tx, input);
    const id = await changeEntityAtVersion(tx, ctx, "Organisation", input.id, input.version, { ...columns, slug });
    await changeAlternateNames(tx, ctx, "organisationName", id, input);
    await audit(tx, ctx, "updateOrganisation", "Organisation", id, { ...input, id: undefined });
    return id;
  });
}

interface EventFields {
  slug?: string | null;
  name?: string | null;
  kind?: EventKind | null;
  description?: string | null;
  start?: PartialDateInput | null;
  end?: PartialDateInput | null;
  placeId?: string | null;
}

async function eventColumns(tx: Tx, input: EventFields, current?: { startsAt: Date; endsAt: Date | null }) {
  if (input.kind === null) throw new BadUserInputError("kind may not be empty", "kind");
  if (input.start === null) throw new BadUserInputError("start may not be empty", "start");
  const start = input.start ? startOfPeriod(input.start, "start") : undefined;
  const end = input.end ? startOfPeriod(input.end, "end") : input.end;
  // Dates in order also when only one of them changes.
  assertInOrder(start?.date ?? current?.startsAt, end === undefined ? current?.endsAt : end?.date);
  const placeId =
    input.placeId == null ? input.placeId : (await referencedId(tx, input.placeId, "Place", "placeId")).id;
  return {
    name: requiredText(input.name, "name", 200),
    kind: input.kind,
    description: optionalText(input.description, "description", 2000),
    startsAt: start?.date,
    startPrecision: start?.precision,
    endsAt: end === undefined ? undefined : (end?.date ?? null),
    endPrecision: end === undefined ? undefined : (end?.precision ?? null),
    placeId,
  };
}

export async function createEvent(
  ctx: Context,
  input: EventFields & {
    slug: string;
    name: string;
    kind: EventKind;
    start: PartialDateInput;
    clientMutationId?: string | null;
  },
): Promise<string> {
  requireEditor(ctx, "create events");
  const slug = slugOf(input.slug);
  return writeTransaction(ctx, (tx) =>
    createOnce(tx, ctx, "createEvent", input, async () => {
      await assertSlugFree(tx, "Event", slug);
      const columns = await eventColumns(tx, input);
      const id = ctx.newId();
      const now = ctx.clock();
      await tx.event.create({
        data: {
          ...columns,
          id,
          slug,
          name: columns.name!,
          kind: input.kind,
          startsAt: columns.startsAt!,
          startPrecision: columns.startPrecision!,
          createdAt: now,
          updatedAt: now,
        },
      });
      await audit(tx, ctx, "createEvent", "Event", id, { ...input, clientMutationId: undefined });
      return id;
    }),
  );
}

export async function updateEvent(ctx: Context, input: Versioned & EventFields): Promise<string> {
  requireEditor(ctx, "edit events");
  return writeTransaction(ctx, async (tx) => {
    const current = await tx.event.findUnique({
      where: { id: decodeGlobalIdOf(input.id, "Event") },
      select: { startsAt: true, endsAt: true },
    });
    const columns = await eventColumns(tx, input, current ?? undefined);
    const slug = await newSlug(tx, "Event", input);
    const id = await changeEntityAtVersion(tx, ctx, "Event", input.id, input.version, { ...columns, slug });
    await audit(tx, ctx, "updateEvent", "Event", id, { ...input, id: undefined });
    return id;
  });
}

interface PlaceFields {
  slug?: string | null;
  name?: string | null;
  kind?: PlaceKind | null;
  parentId?: string | null;
  description?: string | null;
}

/** The parent a place may have: it exists and is not the place itself or inside it. */
async function parentFor(tx: Tx, parentGlobalId: string | null | undefined, placeId?: string) {
  if (parentGlobalId == null) return parentGlobalId;
  const parent = await referencedId(tx, parentGlobalId, "Place", "parentId", { parentId: true });
  let ancestor: { id: string; parentId: string | null } | null = parent as never;
  for (let depth = 0; ancestor && placeId; depth++) {
    if (ancestor.id === placeId || depth > 100)
      throw new BadUserInputError("parentId would put the place inside itself", "parentId");
    if (!ancestor.parentId) break;
    ancestor = await tx.place.findUnique({ where: { id: ancestor.parentId }, select: { id: true, parentId: true } });
  }
  return parent.id;
}

function placeColumns(input: PlaceFields) {
  if (input.kind === null) throw new BadUserInputError("kind may not be empty", "kind");
  return {
    name: requiredText(input.name, "name", 200),
    kind: input.kind,
    description: optionalText(input.description, "description", 2000),
  };
}

export async function createPlace(
  ctx: Context,
  input: PlaceFields & { slug: string; name: string; kind: PlaceKind; clientMutationId?: string | null },
): Promise<string> {
  requireEditor(ctx, "create places");
  const slug = slugOf(input.slug);
  const columns = placeColumns(input);
  return writeTransaction(ctx, (tx) =>
    createOnce(tx, ctx, "createPlace", input, async () => {
      await assertSlugFree(tx, "Place", slug);
      const parentId = await parentFor(tx, input.parentId);
      const id = ctx.newId();
      const now = ctx.clock();
      await tx.place.create({
        data: { ...columns, id, slug, name: columns.name!, kind: input.kind, parentId, createdAt: now, updatedAt: now },
      });
      await audit(tx, ctx, "createPlace", "Place", id, { ...input, clientMutationId: undefined });
      return id;
    }),
  );
}

export async function updatePlace(ctx: Context, input: Versioned & PlaceFields): Promise<string> {
  requireEditor(ctx, "edit places");
  const columns = placeColumns(input);
  return writeTransaction(ctx, async (tx) => {
    const parentId = await parentFor(tx, input.parentId, decodeGlobalIdOf(input.id, "Place"));
    const slug = await newSlug(tx, "Place", input);
    const id = await changeEntityAtVersion(tx, ctx, "Place", input.id, input.version, { ...columns, slug, parentId });
    await audit(tx, ctx, "updatePlace", "Place", id, { ...input, id: undefined });
    return id;
  });
}
