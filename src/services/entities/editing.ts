// Editors create and correct people and organisations (events and places: event-place-editing.ts). Each write is
// one transaction with its audit entry; every update names the version the editor saw (a stale one is a CONFLICT);
// creates take a clientMutationId; a bad field is a BAD_USER_INPUT naming it.
import type { Context } from "../../context.js";
import { BadUserInputError } from "../../errors.js";
import type { OrganisationKind } from "../../generated/prisma/enums.js";
import { audit } from "../shared/audit.js";
import { requireEditor } from "../shared/authz.js";
import {
  changeEntityAtVersion,
  entityDelegate,
  createOnce,
  namesFrom,
  optionalText,
  referencedId,
  requiredText,
  newSlug,
  assertSlugFree,
  slugOf,
  type Tx,
} from "./fields.js";
import { writeTransaction } from "../../platform/transactions.js";

interface Versioned {
  id: string;
  version: number;
}

interface AlternateNameChanges {
  addAlternateNames?: string[] | null;
  removeAlternateNames?: string[] | null;
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
