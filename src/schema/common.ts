// Types shared by several domains: the enums, partial dates and the entity unions.
import { builder } from "../builder.js";
import {
  ArticleStatus,
  BlockKind,
  BylineRole,
  CommentStatus,
  DatePrecision,
  EventKind,
  OrganisationKind,
  PlaceKind,
  Role,
} from "../generated/prisma/enums.js";

export const RoleEnum = builder.enumType(Role, {
  name: "Role",
  description: "What an account may do: READER comments; ANALYST explores; MODERATOR moderates; EDITOR writes; ADMIN all.",
});
export const ArticleStatusEnum = builder.enumType(ArticleStatus, {
  name: "ArticleStatus",
  description: "DRAFT is visible to editors only; PUBLISHED to everyone; WITHDRAWN stays reachable by id or slug.",
});
export const BlockKindEnum = builder.enumType(BlockKind, {
  name: "BlockKind",
  description: "What an article body block is: a paragraph, a heading, a quotation or an image.",
});
export const BylineRoleEnum = builder.enumType(BylineRole, {
  name: "BylineRole",
  description: "What a person credited on an article did for it.",
});
export const CommentStatusEnum = builder.enumType(CommentStatus, {
  name: "CommentStatus",
  description:
    "VISIBLE to everyone; PENDING review (visible to its author and moderators); REJECTED by a moderator; REMOVED.",
});
export const DatePrecisionEnum = builder.enumType(DatePrecision, {
  name: "DatePrecision",
  description: "How precisely a date is known: to the DAY, the MONTH or only the YEAR.",
});
export const EventKindEnum = builder.enumType(EventKind, { name: "EventKind", description: "What kind of event." });
export const OrganisationKindEnum = builder.enumType(OrganisationKind, {
  name: "OrganisationKind",
  description: "What kind of organisation.",
});
export const PlaceKindEnum = builder.enumType(PlaceKind, { name: "PlaceKind", description: "What kind of place." });

export const EntityTypeEnum = builder.enumType("EntityType", {
  description: "The kinds of entity an article can mention.",
  values: {
    PERSON: { description: "A Person." },
    ORGANISATION: { description: "An Organisation." },
    EVENT: { description: "An Event." },
    PLACE: { description: "A Place." },
  } as const,
});

export interface PartialDate {
  at: Date;
  precision: DatePrecision;
}

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

export function partialDateIso({ at, precision }: PartialDate): string {
  const iso = at.toISOString();
  return precision === "YEAR" ? iso.slice(0, 4) : precision === "MONTH" ? iso.slice(0, 7) : iso.slice(0, 10);
}

export function partialDateText({ at, precision }: PartialDate): string {
  const year = at.getUTCFullYear();
  const month = MONTHS[at.getUTCMonth()]!;
  if (precision === "YEAR") return String(year);
  if (precision === "MONTH") return `${month} ${year}`;
  return `${at.getUTCDate()} ${month} ${year}`;
}

export function partialDate(at: Date | null, precision: DatePrecision | null): PartialDate | null {
  return at ? { at, precision: precision ?? "DAY" } : null;
}

export const PartialDateRef = builder.objectRef<PartialDate>("PartialDate").implement({
  description: "A date known only to a given precision: 'June 2023' is a date with MONTH precision.",
  fields: (t) => ({
    start: t.field({
      type: "DateTime",
      description: "The first instant of the day, month or year the date stands for.",
      resolve: (date) => date.at,
    }),
    precision: t.field({ type: DatePrecisionEnum, description: "How precisely the date is known.", resolve: (d) => d.precision }),
    iso: t.string({
      description: "The date to its precision in ISO-8601: 2023, 2023-06 or 2023-06-24.",
      resolve: partialDateIso,
    }),
    text: t.string({ description: "The date in words, in English: 2023, June 2023, 24 June 2023.", resolve: partialDateText }),
  }),
});
