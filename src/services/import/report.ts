// What `npm run import` prints: a line per article (what happened, or would in a dry run; the new entities; what the
// article still lacks) and a summary, with a word on how to fill in what is missing.
import { listOf } from "../../wording.js";
import type { ImportLine, ImportReport } from "./run.js";
import type { Missing } from "./write.js";

/** A dry run's lines say what would happen: nothing was written. */
const DRY_RUN_OUTCOMES: Record<ImportLine["outcome"], string> = {
  created: "would create",
  updated: "would update",
  unchanged: "unchanged",
  failed: "failed",
};

const MISSING: Record<Missing, { without: string; flag: string; line: string }> = {
  section: { without: "a section", flag: "--section", line: "Section:" },
  tags: { without: "tags", flag: "--tag", line: "Tags:" },
  publisher: { without: "a publisher", flag: "--publisher", line: "Publisher:" },
};

export function reportLine(l: ImportLine, dryRun: boolean): string {
  const width = dryRun ? 12 : 10;
  const outcome = (dryRun ? DRY_RUN_OUTCOMES[l.outcome] : l.outcome).padEnd(width);
  const indent = " ".repeat(width + 1);
  const what = l.outcome === "failed" ? `${outcome} ${l.source}: ${l.reason}` : `${outcome} ${l.source}`;
  const slug = l.slug ? ` → ${l.slug}` : "";
  const entities = l.newEntities.length ? `\n${indent}new: ${l.newEntities.join(", ")}` : "";
  const missing = l.missing.length ? `\n${indent}missing: ${listOf(l.missing)}` : "";
  return `${what}${slug}${entities}${missing}`;
}

/** The counts, and for articles that lack a section, tags or a publisher, how many and how to give them one. */
export function reportSummary(report: ImportReport, dryRun: boolean): string[] {
  const { created, updated, unchanged, failed } = report.counts;
  const counts = dryRun
    ? `dry run, nothing written: would create ${created}, would update ${updated}, ${unchanged} unchanged, ${failed} failed`
    : `${created} created, ${updated} updated, ${unchanged} unchanged, ${failed} failed`;
  const lacking = (Object.keys(MISSING) as Missing[]).filter((what) => report.missing[what] > 0);
  if (lacking.length === 0) return [counts];
  const without = lacking.map((what) => `${report.missing[what]} without ${MISSING[what].without}`);
  const flags = listOf(
    lacking.map((what) => MISSING[what].flag),
    "or",
  );
  const lines = listOf(
    lacking.map((what) => MISSING[what].line),
    "or",
  );
  return [
    counts,
    `missing: ${without.join(", ")} (left out of section lists, tag pages and statistics); give ${flags}, or start ` +
      `a plain-text file with ${lines} lines`,
  ];
}
