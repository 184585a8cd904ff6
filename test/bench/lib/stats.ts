// Medians and percentiles of the rounds, and the one table a run prints.
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

export function median(values: number[]): number {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export const pct = (a: number, b: number) => `${((100 * a) / b).toFixed(0)} %`;
export const times = (a: number, b: number) => `${(a / b).toFixed(2)}×`;

/** A measured HTTP subject's columns of the table. */
export function figures(m: { rps: number; p50: number; p95: number; p99: number; rssMb: number; wrong: number }) {
  return {
    rps: m.rps,
    p50: m.p50,
    p95: m.p95,
    p99: m.p99,
    rssMb: m.rssMb,
    ...(m.wrong ? { note: `${m.wrong} wrong answers` } : {}),
  };
}

export interface Row {
  scenario: string;
  subject: string;
  db?: string;
  rps?: number;
  p50?: number;
  p95?: number;
  p99?: number;
  /** The measure compared with the target (a ratio, a time, a count), as printed. */
  ratio?: string;
  sql?: number;
  rssMb?: number;
  target?: string;
  /** "ok", "MISS", "FAIL" (wrong answers or errors) or "n/a". */
  verdict: "ok" | "MISS" | "FAIL" | "n/a" | "";
  note?: string;
}

const fixed = (value: number | undefined, digits = 1) =>
  value === undefined || !Number.isFinite(value) ? "" : value.toFixed(digits);

export function formatTable(rows: Row[]): string {
  const header = [
    "#",
    "subject",
    "db",
    "req/s",
    "p50 ms",
    "p95 ms",
    "p99 ms",
    "measure",
    "SQL",
    "RSS MB",
    "target",
    "",
  ];
  const body = rows.map((r) => [
    r.scenario,
    r.subject,
    r.db ?? "",
    r.rps === undefined ? "" : Math.round(r.rps).toString(),
    fixed(r.p50),
    fixed(r.p95),
    fixed(r.p99),
    r.ratio ?? "",
    r.sql === undefined ? "" : String(r.sql),
    r.rssMb === undefined ? "" : Math.round(r.rssMb).toString(),
    r.target ?? "",
    r.verdict + (r.note ? ` ${r.note}` : ""),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => row[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(" | ")} |`;
  return [line(header), `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`, ...body.map(line)].join("\n");
}

export function progress(message: string): void {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}
