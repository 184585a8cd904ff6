// Editors link the graph: people, mentions and affiliations. Same rules as articles: editors only, one transaction
// with its audit entry, BAD_USER_INPUT naming the field.
import type { Context } from "../context.js";
import { BadUserInputError, NotFoundError } from "../errors.js";
import type { DatePrecision } from "../generated/prisma/enums.js";
import type { Affiliation, Mention, Person } from "../generated/prisma/client.js";
import { decodeGlobalId, decodeGlobalIdOf } from "../global-id.js";
import { audit, requireEditor, text } from "./editorial.js";
import { writeTransaction } from "./transactions.js";

const ENTITY_COLUMN = {
  Person: "personId",
  Organisation: "organisationId",
  Event: "eventId",
  Place: "placeId",
} as const;
type EntityType = keyof typeof ENTITY_COLUMN;

function slugOf(value: string, field = "slug"): string {
  const slug = value.trim();
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(slug) || slug.length > 200)
    throw new BadUserInputError(`${field} must be lower-case words joined by hyphens`, field);
  return slug;
}

export async function createPerson(
  ctx: Context,
  input: {
    slug: string;
    name: string;
    alternateNames?: string[] | null;
    description?: string | null;
    nationality?: string | null;
  },
): Promise<Person> {
  requireEditor(ctx, "create people");
  const slug = slugOf(input.slug);
  const name = text(input.name, "name", 200);
  const alternates = [
    ...new Set((input.alternateNames ?? []).map((n, i) => text(n, `alternateNames[${i}]`, 200))),
  ].filter((n) => n !== name);
  const now = ctx.clock();
  return writeTransaction(ctx, async (tx) => {
    if (await tx.person.findUnique({ where: { slug }, select: { id: true } }))
      throw new BadUserInputError(`The slug ${slug} is taken`, "slug");
    const id = ctx.newId();
    const person = await tx.person.create({
      data: {
        id,
        slug,
        name,
        description: input.description ? text(input.description, "description", 2000) : null,
        nationality: input.nationality ? text(input.nationality, "nationality", 100) : null,
        createdAt: now,
        updatedAt: now,
        alternateNames: {
          create: alternates.map((n) => ({ id: ctx.newId(), name: n, createdAt: now, updatedAt: now })),
        },
      },
    });
    await audit(tx, ctx, "createPerson", "Person", id, input);
    return person;
  });
}

export async function addMention(
  ctx: Context,
  input: { articleId: string; entityId: string; salience: number; role?: string | null },
): Promise<Mention> {
  requireEditor(ctx, "edit mentions");
  const articleId = decodeGlobalIdOf(input.articleId, "Article", "articleId");
  let entity: { typename: string; id: string };
  try {
    entity = decodeGlobalId(input.entityId);
  } catch {
    throw new BadUserInputError("entityId is not a valid id", "entityId");
  }
  if (!(entity.typename in ENTITY_COLUMN))
    throw new BadUserInputError("entityId must name a Person, Organisation, Event or Place", "entityId");
  if (!Number.isFinite(input.salience) || input.salience < 0 || input.salience > 1)
    throw new BadUserInputError("salience must be between 0 and 1", "salience");
  const column = ENTITY_COLUMN[entity.typename as EntityType];
  const now = ctx.clock();
  return writeTransaction(ctx, async (tx) => {
    if (!(await tx.article.findUnique({ where: { id: articleId }, select: { id: true } })))
      throw new BadUserInputError("articleId names no article", "articleId");
    const delegate = { personId: tx.person, organisationId: tx.organisation, eventId: tx.event, placeId: tx.place }[
      column
    ] as unknown as {
      findUnique(args: object): Promise<unknown>;
    };
    if (!(await delegate.findUnique({ where: { id: entity.id }, select: { id: true } })))
      throw new BadUserInputError("entityId names nothing", "entityId");
    const existing = await tx.mention.findFirst({ where: { articleId, [column]: entity.id } });
    const role = input.role ? text(input.role, "role", 100) : null;
    const mention = existing
      ? await tx.mention.update({
          where: { id: existing.id },
          data: { salience: input.salience, role, updatedAt: now },
        })
      : await tx.mention.create({
          data: {
            id: ctx.newId(),
            articleId,
            [column]: entity.id,
            salience: input.salience,
            role,
            createdAt: now,
            updatedAt: now,
          },
        });
    await tx.article.update({ where: { id: articleId }, data: { version: { increment: 1 }, updatedAt: now } });
    await audit(tx, ctx, "addMention", "Article", articleId, input);
    return mention;
  });
}

export async function removeMention(ctx: Context, input: { articleId: string; entityId: string }): Promise<boolean> {
  requireEditor(ctx, "edit mentions");
  const articleId = decodeGlobalIdOf(input.articleId, "Article", "articleId");
  const entity = decodeGlobalIdOf(input.entityId, ["Person", "Organisation", "Event", "Place"], "entityId");
  const typename = decodeGlobalId(input.entityId).typename as EntityType;
  return writeTransaction(ctx, async (tx) => {
    const { count } = await tx.mention.deleteMany({ where: { articleId, [ENTITY_COLUMN[typename]]: entity } });
    if (count > 0) {
      await tx.article.update({
        where: { id: articleId },
        data: { version: { increment: 1 }, updatedAt: ctx.clock() },
      });
      await audit(tx, ctx, "removeMention", "Article", articleId, input);
    }
    return count > 0;
  });
}

interface PartialDateInput {
  date: Date;
  precision: DatePrecision;
}

export async function addAffiliation(
  ctx: Context,
  input: {
    personId: string;
    organisationId: string;
    role: string;
    start?: PartialDateInput | null;
    end?: PartialDateInput | null;
  },
): Promise<Affiliation> {
  requireEditor(ctx, "edit affiliations");
  const personId = decodeGlobalIdOf(input.personId, "Person", "personId");
  const organisationId = decodeGlobalIdOf(input.organisationId, "Organisation", "organisationId");
  const role = text(input.role, "role", 100);
  if (input.start && input.end && input.end.date < input.start.date)
    throw new BadUserInputError("end is before start", "end");
  const now = ctx.clock();
  return writeTransaction(ctx, async (tx) => {
    if (!(await tx.person.findUnique({ where: { id: personId }, select: { id: true } })))
      throw new NotFoundError("Person", input.personId);
    if (!(await tx.organisation.findUnique({ where: { id: organisationId }, select: { id: true } }))) {
      throw new NotFoundError("Organisation", input.organisationId);
    }
    const affiliation = await tx.affiliation.create({
      data: {
        id: ctx.newId(),
        personId,
        organisationId,
        role,
        startsAt: input.start?.date ?? null,
        startPrecision: input.start?.precision ?? null,
        endsAt: input.end?.date ?? null,
        endPrecision: input.end?.precision ?? null,
        createdAt: now,
        updatedAt: now,
      },
    });
    await audit(tx, ctx, "addAffiliation", "Person", personId, input);
    return affiliation;
  });
}
