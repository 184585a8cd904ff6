// Query plans of the SQL a GraphQL operation sends, and the check that none of them reads a large table in full.
// On PostgreSQL the plans are taken with sequential scans priced out (enable_seqscan = off, in a transaction of its
// own): on test-sized tables the planner may rightly prefer a scan, and what the test asks is whether an index can
// serve the query at all; a Seq Scan that remains means none can.
import type { QueryEvent } from "../../src/platform/db.js";
import type { TestLede } from "./lede.js";

/** Tables that grow with the archive; a full scan of one of these is a bug. */
export const LARGE_TABLES = [
  "Article",
  "ArticleBlock",
  "ArticleTag",
  "Byline",
  "Mention",
  "Comment",
  "CommentEvent",
  "Reaction",
  "Flag",
];

export interface Plan {
  sql: string;
  plan: string[];
  fullScans: string[];
}

/** Runs `operation` and returns the plan of every SELECT it sent. */
export async function plansOf(lede: TestLede, operation: () => Promise<unknown>): Promise<Plan[]> {
  const events: QueryEvent[] = [];
  const stop = lede.db.onQuery((event) => events.push(event));
  try {
    await operation();
  } finally {
    stop();
  }
  const selects = events.filter((e) => /^\s*(SELECT|WITH)\b/i.test(e.sql));
  const plans: Plan[] = [];
  for (const event of selects) {
    const params = JSON.parse(event.params || "[]") as unknown[];
    const plan = await explain(lede, event.sql, params);
    plans.push({ sql: event.sql, plan, fullScans: fullScans(lede.db.provider, event.sql, plan) });
  }
  return plans;
}

async function explain(lede: TestLede, sql: string, params: unknown[]): Promise<string[]> {
  const prisma = lede.db.prisma;
  if (lede.db.provider === "sqlite") {
    const rows = await prisma.$queryRawUnsafe<{ detail: string }[]>(`EXPLAIN QUERY PLAN ${sql}`, ...params);
    return rows.map((row) => row.detail);
  }
  const rows = await prisma.$transaction(async (tx) => {
    await tx.$executeRawUnsafe("SET LOCAL enable_seqscan = off");
    return tx.$queryRawUnsafe<Record<string, string>[]>(`EXPLAIN ${sql}`, ...params);
  });
  return rows.map((row) => row["QUERY PLAN"]!);
}

/**
 * The large tables (by name or by the alias the statement gives them) that a plan reads in full: SQLite's "SCAN t"
 * (with or without an index: SCAN walks all of it, SEARCH a range), PostgreSQL's Seq Scan, and its index scans
 * without an Index Cond (the whole index, which is what a Seq Scan turns into when sequential scans are off).
 */
export function fullScans(provider: string, sql: string, plan: string[]): string[] {
  const aliases = new Map<string, string>();
  for (const match of sql.matchAll(
    /(?:FROM|JOIN)\s+(?:[`"]\w+[`"]\.)?[`"](\w+)[`"](?:\s+(?:AS\s+)?[`"]?(\w+)[`"]?)?/gi,
  )) {
    aliases.set(match[1]!, match[1]!);
    if (match[2] && !/^(ON|WHERE|JOIN|LEFT|INNER|GROUP|ORDER|LIMIT)$/i.test(match[2])) aliases.set(match[2], match[1]!);
  }
  const found: string[] = [];
  plan.forEach((line, index) => {
    let scanned: string | undefined;
    if (provider === "sqlite") scanned = /^SCAN (?:\w+\.)?(\w+)/.exec(line.trim())?.[1];
    else {
      const match = /(Seq Scan|Index Scan|Index Only Scan)(?: Backward)?(?: using \S+)? on "?(\w+)"?/.exec(line);
      const indent = line.search(/\S/);
      // an index scan's conditions are the lines under it, indented deeper, before the next plan node
      const details: string[] = [];
      for (const next of plan.slice(index + 1)) {
        if (next.search(/\S/) <= indent || next.trim().startsWith("->")) break;
        details.push(next);
      }
      if (match && (match[1] === "Seq Scan" || !details.some((d) => d.includes("Index Cond")))) scanned = match[2];
    }
    const table = scanned ? (aliases.get(scanned) ?? scanned) : undefined;
    if (table && LARGE_TABLES.includes(table)) found.push(`${table}: ${line.trim()}`);
  });
  return found;
}

export function describePlans(plans: Plan[]): string {
  return plans.map((p) => `${p.sql}\n  ${p.plan.join("\n  ")}`).join("\n\n");
}
