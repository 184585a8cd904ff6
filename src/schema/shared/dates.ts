// Dates known only to a precision (June 2023), as an output type and as an input; spans of time for filters.
import { builder } from "../../builder.js";
import type { DatePrecision } from "../../generated/prisma/enums.js";
import type { DateRange } from "../../services/articles/filter.js";
import { DatePrecisionEnum } from "./enums.js";

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
    precision: t.field({
      type: DatePrecisionEnum,
      description: "How precisely the date is known.",
      resolve: (d) => d.precision,
    }),
    iso: t.string({
      description: "The date to its precision in ISO-8601: 2023, 2023-06 or 2023-06-24.",
      resolve: partialDateIso,
    }),
    text: t.string({
      description: "The date in words, in English: 2023, June 2023, 24 June 2023.",
      resolve: partialDateText,
    }),
  }),
});

export const PartialDateInput = builder.inputType("PartialDateInput", {
  description:
    "A date known to a precision: the first instant of the day, month or year it stands for (a later instant in the period is moved to its start).",
  fields: (t) => ({
    date: t.field({ type: "DateTime", required: true, description: "The first instant of the period." }),
    precision: t.field({ type: DatePrecisionEnum, required: true, description: "DAY, MONTH or YEAR." }),
  }),
});

export const DateRangeInput = builder.inputRef<DateRange>("DateRange").implement({
  description: "A span of time: from (inclusive) up to to (exclusive); either end may be left open.",
  fields: (t) => ({
    from: t.field({ type: "DateTime", required: false, description: "The first instant included." }),
    to: t.field({ type: "DateTime", required: false, description: "The first instant no longer included." }),
  }),
});
