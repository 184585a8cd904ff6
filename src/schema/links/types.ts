// The typed links of the entity graph: mentions (article → entity), affiliations (person ↔ organisation) and event
// participants, with the unions that let one field point at several kinds of entity.
import { EventRef, OrganisationRef, PersonRef, PlaceRef } from "../shared/entity-refs.js";
import { builder } from "../../builder.js";
import { VIEWER_FILTERED } from "../shared/cache-facts.js";
import type { Context } from "../../context.js";
import { listedArticleWhere } from "../../services/shared/visibility.js";
import { PartialDateRef, partialDate } from "../shared/dates.js";
import { namedConnection } from "../shared/connections.js";
import { linkedRow } from "../shared/linked-rows.js";

export const MentionedEntity = builder.unionType("MentionedEntity", {
  description: "Anything an article can mention.",
  types: () => [PersonRef, OrganisationRef, EventRef, PlaceRef],
});

export const Actor = builder.unionType("Actor", {
  description: "A person or an organisation: who takes part in events and who is credited for media.",
  types: () => [PersonRef, OrganisationRef],
});

export const MentionRef = builder.prismaObject("Mention", {
  description: "An article's mention of an entity, with how central the entity is to the article.",
  fields: (t) => ({
    salience: t.exposeFloat("salience", {
      description: "How central the entity is to the article, from 0 (in passing) to 1 (its subject).",
    }),
    role: t.exposeString("role", {
      nullable: true,
      description: "The entity's part in the story, e.g. subject, source.",
    }),
    article: t.relation("article", { description: "The article that makes the mention." }),
    entity: t.field({
      type: MentionedEntity,
      description: "The entity mentioned.",
      resolve: async (m, _args, ctx, info) => {
        if (m.personId) return PersonRef.addBrand(await linkedRow(ctx, info, "Person", m.personId));
        if (m.organisationId)
          return OrganisationRef.addBrand(await linkedRow(ctx, info, "Organisation", m.organisationId));
        if (m.eventId) return EventRef.addBrand(await linkedRow(ctx, info, "Event", m.eventId));
        return PlaceRef.addBrand(await linkedRow(ctx, info, "Place", m.placeId!));
      },
    }),
    person: t.relation("person", { nullable: true, description: "The person mentioned, when it is a person." }),
    organisation: t.relation("organisation", { nullable: true, description: "The organisation, when it is one." }),
    event: t.relation("event", { nullable: true, description: "The event mentioned, when it is an event." }),
    place: t.relation("place", { nullable: true, description: "The place mentioned, when it is a place." }),
  }),
});

export const AffiliationRef = builder.prismaNode("Affiliation", {
  id: { field: "id" },
  description: "A person's role in an organisation over a period (open-ended when still current).",
  fields: (t) => ({
    role: t.exposeString("role", { description: "The person's role, e.g. commander, founder, reporter." }),
    person: t.relation("person", { description: "The person." }),
    organisation: t.relation("organisation", { description: "The organisation." }),
    start: t.field({
      type: PartialDateRef,
      nullable: true,
      description: "When the affiliation began, if known.",
      resolve: (a) => partialDate(a.startsAt, a.startPrecision),
    }),
    end: t.field({
      type: PartialDateRef,
      nullable: true,
      description: "When it ended; null while it lasts or when unknown.",
      resolve: (a) => partialDate(a.endsAt, a.endPrecision),
    }),
    current: t.boolean({
      description: "True while it lasts: no end is recorded, or the recorded end is still to come.",
      select: { endsAt: true },
      resolve: (a, _args, ctx) => a.endsAt === null || a.endsAt > ctx.clock(),
    }),
  }),
});

export const ParticipantRef = builder.prismaNode("Participant", {
  id: { field: "id" },
  description: "A person's or organisation's part in an event.",
  fields: (t) => ({
    role: t.exposeString("role", { description: "Their part, e.g. defendant, lawyer, leader." }),
    event: t.relation("event", { description: "The event." }),
    actor: t.field({
      type: Actor,
      description: "Who took part.",
      select: (_args, _ctx, nested) => ({
        person: nested(true, undefined, "Person"),
        organisation: nested(true, undefined, "Organisation"),
      }),
      resolve: (p) => (p.person ? PersonRef.addBrand(p.person) : OrganisationRef.addBrand(p.organisation!)),
    }),
  }),
});

export const AffiliationStatusEnum = builder.enumType("AffiliationStatus", {
  description: "Whether an affiliation still lasts.",
  values: {
    CURRENT: { description: "No end is recorded, or the recorded end is still to come." },
    FORMER: { description: "It ended: its end is in the past." },
  } as const,
});

export type AffiliationStatus = "CURRENT" | "FORMER";

/** Person.affiliations and Organisation.members: earliest first, optionally current or former only. */
export function affiliationsQuery(args: { status?: AffiliationStatus | null }, ctx: Context) {
  const now = ctx.clock();
  return {
    where: !args.status
      ? {}
      : args.status === "CURRENT"
        ? { OR: [{ endsAt: null }, { endsAt: { gt: now } }] }
        : { endsAt: { lte: now } },
    orderBy: [{ startsAt: "asc" as const }, { id: "asc" as const }],
  };
}

/** The options of Person.affiliations and Organisation.members: paged by id, optionally current or former only. */
export function affiliationListOptions(description: string, statusDescription: string) {
  return {
    description,
    args: builder.args((t) => ({
      status: t.field({ type: AffiliationStatusEnum, required: false, description: statusDescription }),
    })),
    query: affiliationsQuery,
    cursor: "id" as const,
    totalCount: true as const,
  };
}

/** The options of Person.participations and Organisation.participations: the events, earliest first. */
export function participationListOptions(description: string) {
  return {
    description,
    query: { orderBy: [{ event: { startsAt: "asc" as const } }, { id: "asc" as const }] },
    cursor: "id" as const,
    totalCount: true as const,
  };
}

export const MentionConnection = namedConnection(MentionRef, "Mention", "mentions");
export const AffiliationConnection = namedConnection(AffiliationRef, "Affiliation", "affiliations");
export const ParticipantConnection = namedConnection(ParticipantRef, "Participant", "participants");

/** The options of every entity's `mentionedIn`: the published articles that mention it, newest first. */
export function mentionedInOptions(noun: string) {
  return {
    description: `The articles that mention the ${noun}, newest first; each node carries the salience.`,
    extensions: VIEWER_FILTERED,
    cursor: "id" as const,
    totalCount: true as const,
    query: (_args: object, ctx: Context) => ({
      where: { article: listedArticleWhere(ctx.viewer) },
      orderBy: [{ article: { publishedAt: "desc" as const } }, { id: "asc" as const }],
    }),
  };
}
