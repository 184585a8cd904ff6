// Editors create and correct events (dates to a precision, in order; a place) and places (nested, never in
// themselves). The same rules as the other records: editors only, one transaction with its audit entry, versioned
// updates, idempotent creates, BAD_USER_INPUT naming the field.
import type { Context } from "../../context.js";
import { BadUserInputError } from "../../errors.js";
import type { EventKind, PlaceKind } from "../../generated/prisma/enums.js";
import { decodeGlobalIdOf } from "../../global-id.js";
import { audit } from "../shared/audit.js";
import { requireEditor } from "../shared/authz.js";
import {
  assertInOrder,
  assertSlugFree,
  changeEntityAtVersion,
  createOnce,
  newSlug,
  optionalText,
  referencedId,
  requiredText,
  slugOf,
  startOfPeriod,
  type PartialDateInput,
  type Tx,
} from "./fields.js";
import { writeTransaction } from "../../platform/transactions.js";

interface Versioned {
  id: string;
  version: number;
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
