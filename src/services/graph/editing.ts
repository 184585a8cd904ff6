// Editors link the graph: people, mentions, affiliations and event participants. Same rules as articles: editors
// only, one transaction with its audit entry, BAD_USER_INPUT naming the field.
import type { Context } from "../../context.js";
import { BadUserInputError } from "../../errors.js";
import type { Affiliation, Mention, Participant, Person } from "../../generated/prisma/client.js";
import { decodeGlobalId, decodeGlobalIdOf } from "../../global-id.js";
import { audit } from "../shared/audit.js";
import { requireEditor } from "../shared/authz.js";
import { checkedText } from "../shared/text.js";
import {
  assertInOrder,
  assertSlugFree,
  createOnce,
  namesFrom,
  optionalText,
  referencedId,
  slugOf,
  startOfPeriod,
  type PartialDateInput,
} from "../entities/fields.js";
import { writeTransaction } from "../../platform/transactions.js";

const ENTITY_COLUMN = {
  Person: "personId",
  Organisation: "organisationId",
  Event: "eventId",
  Place: "placeId",
} as const;
type EntityType = keyof typeof ENTITY_COLUMN;

export async function createPerson(
  ctx: Context,
  input: {
    slug: string;
    name: string;
    alternateNames?: string[] | null;
    description?: string | null;
    nationality?: string | null;
    clientMutationId?: string | null;
  },
): Promise<Person> {
  requireEditor(ctx, "create people");
  const slug = slugOf(input.slug);
  const name = checkedText(input.name, "name", 200);
  const alternates = namesFrom(input.alternateNames, "alternateNames", name);
  const description = optionalText(input.description, "description", 2000) ?? null;
  const nationality = optionalText(input.nationality, "nationality", 100) ?? null;
  const now = ctx.clock();
  return writeTransaction(ctx, async (tx) => {
    const id = await createOnce(tx, ctx, "createPerson", input, async () => {
      await assertSlugFree(tx, "Person", slug);
      const id = ctx.newId();
      await tx.person.create({
        data: {
          id,
          slug,
          name,
          description,
          nationality,
          createdAt: now,
          updatedAt: now,
          alternateNames: {
            create: alternates.map((n) => ({ id: ctx.newId(), name: n, createdAt: now, updatedAt: now })),
          },
        },
      });
      await audit(tx, ctx, "createPerson", "Person", id, { ...input, clientMutationId: undefined });
      return id;
    });
    return tx.person.findUniqueOrThrow({ where: { id } });
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
    const role = input.role ? checkedText(input.role, "role", 100) : null;
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
  const role = checkedText(input.role, "role", 100);
  const start = input.start ? startOfPeriod(input.start, "start") : null;
  const end = input.end ? startOfPeriod(input.end, "end") : null;
  assertInOrder(start?.date, end?.date);
  const now = ctx.clock();
  return writeTransaction(ctx, async (tx) => {
    await referencedId(tx, input.personId, "Person", "personId");
    await referencedId(tx, input.organisationId, "Organisation", "organisationId");
    const affiliation = await tx.affiliation.create({
      data: {
        id: ctx.newId(),
        personId,
        organisationId,
        role,
        startsAt: start?.date ?? null,
        startPrecision: start?.precision ?? null,
        endsAt: end?.date ?? null,
        endPrecision: end?.precision ?? null,
        createdAt: now,
        updatedAt: now,
      },
    });
    await audit(tx, ctx, "addAffiliation", "Person", personId, input);
    return affiliation;
  });
}

/** Removes an affiliation by its id; false when there is none (a retried removal is harmless). */
export async function removeAffiliation(ctx: Context, globalId: string): Promise<boolean> {
  requireEditor(ctx, "edit affiliations");
  const id = decodeGlobalIdOf(globalId, "Affiliation");
  return writeTransaction(ctx, async (tx) => {
    const affiliation = await tx.affiliation.findUnique({ where: { id } });
    if (!affiliation) return false;
    await tx.affiliation.delete({ where: { id } });
    await audit(tx, ctx, "removeAffiliation", "Person", affiliation.personId, {
      organisationId: affiliation.organisationId,
      role: affiliation.role,
    });
    return true;
  });
}

export async function addParticipant(
  ctx: Context,
  input: { eventId: string; actorId: string; role: string },
): Promise<Participant> {
  requireEditor(ctx, "edit event participants");
  const eventId = decodeGlobalIdOf(input.eventId, "Event", "eventId");
  decodeGlobalIdOf(input.actorId, ["Person", "Organisation"], "actorId");
  const actorType = decodeGlobalId(input.actorId).typename as "Person" | "Organisation";
  const column = ENTITY_COLUMN[actorType];
  const role = checkedText(input.role, "role", 100);
  const now = ctx.clock();
  return writeTransaction(ctx, async (tx) => {
    await referencedId(tx, input.eventId, "Event", "eventId");
    const actor = await referencedId(tx, input.actorId, actorType, "actorId");
    if (await tx.participant.findFirst({ where: { eventId, [column]: actor.id, role }, select: { id: true } }))
      throw new BadUserInputError(`actorId already takes part in the event as ${role}`, "actorId");
    const participant = await tx.participant.create({
      data: { id: ctx.newId(), eventId, [column]: actor.id, role, createdAt: now, updatedAt: now },
    });
    await audit(tx, ctx, "addParticipant", "Event", eventId, input);
    return participant;
  });
}

/** Removes a participant by its id; false when there is none. */
export async function removeParticipant(ctx: Context, globalId: string): Promise<boolean> {
  requireEditor(ctx, "edit event participants");
  const id = decodeGlobalIdOf(globalId, "Participant");
  return writeTransaction(ctx, async (tx) => {
    const participant = await tx.participant.findUnique({ where: { id } });
    if (!participant) return false;
    await tx.participant.delete({ where: { id } });
    await audit(tx, ctx, "removeParticipant", "Event", participant.eventId, {
      personId: participant.personId,
      organisationId: participant.organisationId,
      role: participant.role,
    });
    return true;
  });
}
