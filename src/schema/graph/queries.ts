// timeline(entity:, from:, to:): the events an entity is part of and the articles that mention it, in date order.
import { resolveCursorConnection } from "@pothos/plugin-relay";
import { brandWithType } from "@pothos/core";
import { builder } from "../../builder.js";
import { decodeGlobalId } from "../../global-id.js";
import { BadUserInputError } from "../../errors.js";
import type { EntityKind } from "../../services/graph/graph.js";
import {
  checkWindow,
  countTimeline,
  decodeTimelineCursor,
  encodeTimelineCursor,
  loadTimeline,
  requireEntity,
  type TimelineEntry,
  type TimelineKind,
  type TimelineQuery,
} from "../../services/graph/timeline.js";
import { ArticleRef } from "../article/types.js";
import { PartialDateRef, partialDate } from "../shared/enums.js";
import { EventRef } from "../event/types.js";

const KIND_OF_TYPENAME: Record<string, EntityKind> = {
  Person: "PERSON",
  Organisation: "ORGANISATION",
  Event: "EVENT",
  Place: "PLACE",
};

interface TimelinePage {
  edges: { cursor: string; node: TimelineEntry }[];
  pageInfo: { startCursor: string; endCursor: string; hasPreviousPage: boolean; hasNextPage: boolean };
}

const TimelineKindEnum = builder.enumType("TimelineItemKind", {
  description: "What a timeline entry is.",
  values: {
    EVENT: { description: "An event the entity is part of (or, for a place, that happened there)." },
    ARTICLE: { description: "A published article that mentions the entity." },
  } as const,
});

const TimelineItem = builder.unionType("TimelineItem", {
  description: "An entry of a timeline: an event or an article.",
  types: () => [EventRef, ArticleRef],
});

const TimelineEntryRef = builder.objectRef<TimelineEntry>("TimelineEntry").implement({
  description: "One entry of an entity's timeline, with the date it sorts by.",
  fields: (t) => ({
    kind: t.field({ type: TimelineKindEnum, description: "Event or article.", resolve: (e) => e.kind }),
    date: t.field({
      type: PartialDateRef,
      description: "When: an event's start to the precision it is known, an article's publication (to the day).",
      resolve: (e) =>
        e.kind === "EVENT"
          ? partialDate(e.event.startsAt, e.event.startPrecision)!
          : { at: e.article.publishedAt!, precision: "DAY" as const },
    }),
    endDate: t.field({
      type: PartialDateRef,
      nullable: true,
      description: "When an event that lasted ended, if known; null for articles.",
      resolve: (e) => (e.kind === "EVENT" ? partialDate(e.event.endsAt, e.event.endPrecision) : null),
    }),
    item: t.field({
      type: TimelineItem,
      description: "The event or the article.",
      resolve: (e) => {
        const row = e.kind === "EVENT" ? e.event : e.article;
        brandWithType(row, e.kind === "EVENT" ? ("Event" as never) : ("Article" as never));
        return row as never;
      },
    }),
    salience: t.float({
      nullable: true,
      description: "For an article, how central the entity is to it (0–1); null for events.",
      resolve: (e) => (e.kind === "ARTICLE" ? e.salience : null),
    }),
  }),
});

builder.queryField("timeline", (t) =>
  t.connection(
    {
      type: TimelineEntryRef,
      description:
        "The events an entity is part of and the published articles that mention it, oldest first. An event dated " +
        "to a month or a year stands for that whole period: it is in the window when the period overlaps it, and " +
        "sorts at the period's start, after more precise dates that start there.",
      args: {
        entity: t.arg.id({ required: true, description: "A Person, Organisation, Event or Place." }),
        from: t.arg({ type: "DateTime", required: false, description: "Only what overlaps this instant or later." }),
        to: t.arg({ type: "DateTime", required: false, description: "Only what starts at this instant or earlier." }),
        include: t.arg({
          type: [TimelineKindEnum],
          required: false,
          description: "Which kinds of entry (default: events and articles).",
        }),
      },
      resolve: async (_root, args, ctx) => {
        const decoded = decodeGlobalId(String(args.entity));
        const kind = KIND_OF_TYPENAME[decoded.typename];
        if (!kind) throw new BadUserInputError("entity must be a Person, Organisation, Event or Place id", "entity");
        checkWindow(args.from ?? null, args.to ?? null);
        const entityId = await requireEntity(ctx, kind, decoded.id, String(args.entity));
        const include: TimelineKind[] = args.include?.length ? [...new Set(args.include)] : ["EVENT", "ARTICLE"];
        const query: TimelineQuery = {
          entity: { kind, id: entityId },
          from: args.from ?? null,
          to: args.to ?? null,
          include,
        };
        const after = args.after ? decodeTimelineCursor(args.after, "after") : null;
        const before = args.before ? decodeTimelineCursor(args.before, "before") : null;
        const connection = (await resolveCursorConnection(
          { args, toCursor: (entry) => encodeTimelineCursor((entry as TimelineEntry).key) },
          ({ limit, inverted }): Promise<TimelineEntry[]> =>
            loadTimeline(ctx, query, { after, before, limit, inverted }),
        )) as TimelinePage;
        return { ...connection, totalCount: () => countTimeline(ctx, query) };
      },
    },
    {
      name: "TimelineConnection",
      description: "A page of a timeline, with cursors to fetch the pages around it.",
      fields: (t) => ({
        totalCount: t.int({
          description: "How many entries the whole timeline (within from/to) holds, across all pages.",
          resolve: (connection) => (connection as unknown as { totalCount: () => Promise<number> }).totalCount(),
        }),
      }),
    },
    { name: "TimelineEdge", description: "One entry of a timeline page, with its cursor." },
  ),
);
