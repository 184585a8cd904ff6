// timeline(entity:, from:, to:): the events an entity is part of and the articles that mention it, in date order.
import { resolveCursorConnection } from "@pothos/plugin-relay";
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
import { TimelineEntryRef, TimelineKindEnum } from "./types.js";

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
        const decoded = decodeGlobalId(String(args.entity), "entity");
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
