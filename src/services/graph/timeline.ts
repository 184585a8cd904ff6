// An entity's timeline: the events it is part of and the articles that mention it, in date order. An event's date
// stands for a period as long as its precision (a YEAR event is the whole year), so it is in a window when that
// period overlaps the window, and it sorts at the start of the period, before more precise dates that start there.
import type { Context } from "../../context.js";
import { BadUserInputError, NotFoundError } from "../../errors.js";
import type { Article, Event, Prisma as P } from "../../generated/prisma/client.js";
import type { DatePrecision } from "../../generated/prisma/enums.js";
import { ENTITY_COLUMN, type EntityKind } from "./graph.js";
import { loadNode } from "../shared/nodes.js";
import { listedArticleWhere } from "../shared/visibility.js";

export type TimelineKind = "EVENT" | "ARTICLE";

/** A position in the timeline: the date, then the precision rank (day before month before year), events before
 * articles at the same instant, then id. */
export interface TimelineKey {
  at: Date;
  precision: number;
  kind: number;
  id: string;
}

export type TimelineEntry =
  | { kind: "EVENT"; key: TimelineKey; event: Event }
  | { kind: "ARTICLE"; key: TimelineKey; article: Article; salience: number };

export interface TimelineQuery {
  entity: { kind: EntityKind; id: string };
  from: Date | null;
  to: Date | null;
  include: TimelineKind[];
}

const PRECISIONS: DatePrecision[] = ["DAY", "MONTH", "YEAR"];
const CURSOR_PREFIX = "GPC:S:timeline:";

function truncate(date: Date, precision: DatePrecision): Date {
  if (precision === "YEAR") return new Date(Date.UTC(date.getUTCFullYear(), 0, 1));
  if (precision === "MONTH") return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1));
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
}

export function encodeTimelineCursor(key: TimelineKey): string {
  return Buffer.from(`${CURSOR_PREFIX}${key.at.toISOString()}:${key.precision}:${key.kind}:${key.id}`).toString(
    "base64",
  );
}

export function decodeTimelineCursor(cursor: string, field: string): TimelineKey {
  const text = Buffer.from(cursor, "base64").toString("utf8");
  const match = /^GPC:S:timeline:(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z):([0-2]):([01]):(.+)$/.exec(text);
  const at = match ? new Date(match[1]!) : null;
  if (!match || !at || Number.isNaN(at.getTime()))
    throw new BadUserInputError(`${field} is not a cursor this timeline handed out`, field);
  return { at, precision: Number(match[2]), kind: Number(match[3]), id: match[4]! };
}

export function compareKeys(a: TimelineKey, b: TimelineKey): number {
  return (
    a.at.getTime() - b.at.getTime() ||
    a.precision - b.precision ||
    a.kind - b.kind ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

export function checkWindow(from: Date | null, to: Date | null): void {
  if (from && to && from > to) throw new BadUserInputError("to must not be before from", "to");
}

/** Which events belong on the entity's timeline. */
function eventsOf(entity: TimelineQuery["entity"]): P.EventWhereInput {
  switch (entity.kind) {
    case "PERSON":
      return { participants: { some: { personId: entity.id } } };
    case "ORGANISATION":
      return { participants: { some: { organisationId: entity.id } } };
    case "PLACE":
      return { OR: [{ placeId: entity.id }, { place: { parentId: entity.id } }] };
    case "EVENT":
      return { id: entity.id };
  }
}

/** Events whose period (start to the end of the end's precision, or of the start's) overlaps [from, to]. */
function eventWindow(from: Date | null, to: Date | null): P.EventWhereInput[] {
  const where: P.EventWhereInput[] = [];
  if (to) where.push({ startsAt: { lte: to } });
  if (from)
    where.push({
      OR: PRECISIONS.flatMap((precision): P.EventWhereInput[] => [
        { startPrecision: precision, startsAt: { gte: truncate(from, precision) } },
        { endPrecision: precision, endsAt: { gte: truncate(from, precision) } },
      ]).concat({ endPrecision: null, endsAt: { gte: truncate(from, "DAY") } }),
    });
  return where;
}

/** Rows after (or, inverted, before) `cursor` in timeline order, for one source whose kind rank is `kind`. */
function eventsAfter(cursor: TimelineKey | null, inverted: boolean): P.EventWhereInput[] {
  if (!cursor) return [];
  const op = inverted ? "lt" : "gt";
  const ranks = PRECISIONS.filter((_, rank) => (inverted ? rank < cursor.precision : rank > cursor.precision));
  const sameInstant: P.EventWhereInput[] = [{ startsAt: cursor.at, startPrecision: { in: ranks } }];
  const precision = PRECISIONS[cursor.precision]!;
  // Events rank 0: after an article at the same instant and precision come only articles (not for events).
  if (cursor.kind === 0) sameInstant.push({ startsAt: cursor.at, startPrecision: precision, id: { [op]: cursor.id } });
  else if (inverted) sameInstant.push({ startsAt: cursor.at, startPrecision: precision });
  return [{ OR: [{ startsAt: { [op]: cursor.at } }, ...sameInstant] }];
}

function mentionsAfter(cursor: TimelineKey | null, inverted: boolean): P.MentionWhereInput[] {
  if (!cursor) return [];
  const op = inverted ? "lt" : "gt";
  const sameInstant: P.MentionWhereInput[] = [];
  // Articles are exact instants (precision rank 0, kind rank 1).
  if (cursor.precision === 0) {
    if (cursor.kind === 1) sameInstant.push({ article: { publishedAt: cursor.at }, articleId: { [op]: cursor.id } });
    else if (!inverted) sameInstant.push({ article: { publishedAt: cursor.at } });
  } else if (inverted) sameInstant.push({ article: { publishedAt: cursor.at } });
  return [{ OR: [{ article: { publishedAt: { [op]: cursor.at } } }, ...sameInstant] }];
}

export async function loadTimeline(
  ctx: Context,
  query: TimelineQuery,
  page: { after: TimelineKey | null; before: TimelineKey | null; limit: number; inverted: boolean },
): Promise<TimelineEntry[]> {
  const cursor = page.inverted ? page.before : page.after;
  const direction = page.inverted ? ("desc" as const) : ("asc" as const);
  const bound = page.inverted ? page.after : page.before;
  const within = (entry: TimelineEntry) =>
    !bound || (page.inverted ? compareKeys(entry.key, bound) > 0 : compareKeys(entry.key, bound) < 0);
  const [events, mentions] = await Promise.all([
    query.include.includes("EVENT")
      ? ctx.prisma.event.findMany({
          where: {
            AND: [eventsOf(query.entity), ...eventWindow(query.from, query.to), ...eventsAfter(cursor, page.inverted)],
          },
          orderBy: [{ startsAt: direction }, { startPrecision: direction }, { id: direction }],
          take: page.limit,
        })
      : [],
    query.include.includes("ARTICLE")
      ? ctx.prisma.mention.findMany({
          where: { AND: [mentionWhere(ctx, query), ...mentionsAfter(cursor, page.inverted)] },
          orderBy: [{ article: { publishedAt: direction } }, { articleId: direction }],
          take: page.limit,
          select: { salience: true, article: true },
        })
      : [],
  ]);
  const entries: TimelineEntry[] = [
    ...events.map((event) => ({
      kind: "EVENT" as const,
      key: { at: event.startsAt, precision: PRECISIONS.indexOf(event.startPrecision), kind: 0, id: event.id },
      event,
    })),
    ...mentions.map(({ article, salience }) => ({
      kind: "ARTICLE" as const,
      key: { at: article.publishedAt!, precision: 0, kind: 1, id: article.id },
      article,
      salience,
    })),
  ];
  entries.sort((a, b) => (page.inverted ? compareKeys(b.key, a.key) : compareKeys(a.key, b.key)));
  return entries.filter(within).slice(0, page.limit);
}

function mentionWhere(ctx: Context, query: TimelineQuery): P.MentionWhereInput {
  return {
    [ENTITY_COLUMN[query.entity.kind]]: query.entity.id,
    article: {
      ...listedArticleWhere(ctx.viewer),
      publishedAt: { not: null, ...(query.from ? { gte: query.from } : {}), ...(query.to ? { lte: query.to } : {}) },
    },
  };
}

/** How many entries the whole timeline (in its window) holds. */
export async function countTimeline(ctx: Context, query: TimelineQuery): Promise<number> {
  const [events, articles] = await Promise.all([
    query.include.includes("EVENT")
      ? ctx.prisma.event.count({ where: { AND: [eventsOf(query.entity), ...eventWindow(query.from, query.to)] } })
      : 0,
    query.include.includes("ARTICLE") ? ctx.prisma.mention.count({ where: mentionWhere(ctx, query) }) : 0,
  ]);
  return events + articles;
}

/** The entity's id, or that of the record it was merged into (an old id keeps working, as in node(id:)). */
export async function requireEntity(ctx: Context, kind: EntityKind, id: string, globalId: string): Promise<string> {
  const loaders = { PERSON: "Person", ORGANISATION: "Organisation", EVENT: "Event", PLACE: "Place" } as const;
  const row = (await loadNode(ctx, loaders[kind], id)) as { id: string } | null;
  if (!row) throw new NotFoundError(loaders[kind], globalId);
  return row.id;
}
