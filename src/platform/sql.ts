// A small builder for the raw SQL that Prisma cannot express (full-text search, keyset paging over computed ranks):
// parameters are always bound, never spliced, and each value is written the way the database stores it.
import type { Provider } from "./db.js";

export class Sql {
  readonly params: unknown[] = [];
  constructor(readonly provider: Provider) {}

  /** Binds a value and returns its placeholder. */
  param(value: string | number | boolean | null): string {
    this.params.push(typeof value === "boolean" && this.provider === "sqlite" ? Number(value) : value);
    return this.provider === "postgresql" ? `$${this.params.length}` : "?";
  }

  /** Binds a list of values: "(?, ?, ?)". */
  list(values: readonly string[]): string {
    return `(${values.map((v) => this.param(v)).join(", ")})`;
  }

  /** Binds an instant: SQLite stores Prisma DateTimes as ISO text with +00:00, PostgreSQL as timestamp(3) in UTC. */
  date(value: Date): string {
    const iso = value.toISOString();
    if (this.provider === "sqlite") return this.param(iso.replace("Z", "+00:00"));
    return `CAST(${this.param(iso.slice(0, -1))} AS timestamp(3))`;
  }

  /** Binds a float (scores): PostgreSQL gets double precision explicitly. */
  float(value: number): string {
    return this.provider === "postgresql" ? `CAST(${this.param(value)} AS double precision)` : this.param(value);
  }

  /** An instant's year and month as YYYY-MM text. */
  month(expression: string): string {
    return this.provider === "sqlite" ? `substr(${expression}, 1, 7)` : `to_char(${expression}, 'YYYY-MM')`;
  }
}

export interface OrderColumn {
  /** An SQL expression, e.g. a."publishedAt". */
  expression: string;
  descending: boolean;
  /** Null values sort after every other value in either direction. */
  nullable?: boolean;
}

export function orderByClause(columns: OrderColumn[]): string {
  return columns
    .map((c) => `${c.expression} ${c.descending ? "DESC" : "ASC"}${c.nullable ? " NULLS LAST" : ""}`)
    .join(", ");
}

/** The same order backwards (for `last`/`before`): directions flip, and nulls come first. */
export function reversed(columns: OrderColumn[]): (OrderColumn & { nullsFirst?: boolean })[] {
  return columns.map((c) => ({ ...c, descending: !c.descending, nullsFirst: c.nullable }));
}

export function orderByClauseOf(columns: (OrderColumn & { nullsFirst?: boolean })[]): string {
  return columns
    .map((c) => {
      const nulls = c.nullable ? (c.nullsFirst ? " NULLS FIRST" : " NULLS LAST") : "";
      return `${c.expression} ${c.descending ? "DESC" : "ASC"}${nulls}`;
    })
    .join(", ");
}

/**
 * "Comes strictly after the cursor row" for an order: `cursorValues[i]` is an SQL expression holding the cursor row's
 * value of column i. Nulls sit last (or first, for a reversed order), as orderByClauseOf puts them.
 */
export function keysetAfter(columns: (OrderColumn & { nullsFirst?: boolean })[], cursorValues: string[]): string {
  const after = (i: number): string => {
    if (i === columns.length) return "1 = 0";
    const column = columns[i]!;
    const x = column.expression;
    const c = cursorValues[i]!;
    const op = column.descending ? "<" : ">";
    const rest = after(i + 1);
    const notNull = `(${x} ${op} ${c} OR (${x} = ${c} AND ${rest}))`;
    if (!column.nullable) return notNull;
    if (column.nullsFirst) {
      return `((${c} IS NULL AND (${x} IS NOT NULL OR ${rest})) OR (${c} IS NOT NULL AND ${x} IS NOT NULL AND ${notNull}))`;
    }
    return `((${c} IS NULL AND ${x} IS NULL AND ${rest}) OR (${c} IS NOT NULL AND (${x} IS NULL OR ${notNull})))`;
  };
  return after(0);
}
