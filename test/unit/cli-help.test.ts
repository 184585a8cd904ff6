// Every command's --help shows how to run it the way the README does (`npm run X -- …`), on stdout with exit code 0,
// before it opens a database; and npm run import's report says "would create" in a dry run and what an article lacks.
import { describe, expect, it } from "vitest";
import { runScript } from "../support/process.js";
import { reportLine, reportSummary } from "../../src/services/import/report.js";
import { reportOf, type ImportLine } from "../../src/services/import/run.js";

/** Runs a script with a database address that must not be opened: --help answers before any database. */
const runHelp = (script: string, args: string[]) =>
  runScript(script, args, { DATABASE_URL: "postgresql://nobody@127.0.0.1:1/none" });

describe("--help", () => {
  // [script, arguments as the npm script passes them plus --help, the usage line's start]
  const commands: [string, string[], RegExp][] = [
    ["src/cli/import.ts", ["--help"], /^usage: npm run import -- </],
    ["src/cli/import.ts", ["-h"], /^usage: npm run import -- </],
    ["src/cli/export.ts", ["--help"], /^usage: npm run export -- --format/],
    ["src/cli/token.ts", ["--help"], /^usage: npm run token -- </],
    ["src/cli/token.ts", ["create", "--help"], /^usage: npm run token -- </],
    ["src/cli/db.ts", ["deploy", "--help"], /^usage: npm run db:deploy\n\s+npm run db:seed/],
    ["src/cli/db.ts", ["seed", "--help"], /^usage: npm run db:deploy\n\s+npm run db:seed/],
    ["src/cli/generate-corpus.ts", ["--help"], /^usage: npm run db:generate-corpus -- --articles/],
    ["prisma/scripts/new-migration.ts", ["--help"], /^usage: npm run db:migration -- <name>/],
    ["prisma/scripts/write-postgres-schema.ts", ["--help"], /^usage: npm run generate:prisma/],
    ["src/widget/build.ts", ["--help"], /^usage: npm run build:widget/],
    ["test/bench/run.ts", ["--help"], /^usage: npm run bench -- /],
    ["test/soak/run.ts", ["--help"], /^usage: npm run soak -- /],
    ["src/main.ts", ["--help"], /^usage: npm start/],
  ];

  it("shows the npm run form for every command, and exits 0", async () => {
    const results = await Promise.all(commands.map(([script, args]) => runHelp(script, args)));
    for (const [i, [script, args, usage]] of commands.entries()) {
      const { code, stdout, stderr } = results[i]!;
      expect([code, stdout], `${script} ${args.join(" ")}\n${stderr}`).toEqual([0, expect.stringMatching(usage)]);
    }
  }, 120_000);
});

describe("npm run import's report", () => {
  const line = (outcome: ImportLine["outcome"], extra: Partial<ImportLine> = {}): ImportLine => ({
    source: "archive/a.txt",
    outcome,
    slug: "a-headline",
    newEntities: [],
    missing: [],
    ...extra,
  });

  it("says what happened, or in a dry run what would", () => {
    expect(reportLine(line("created"), false)).toBe("created    archive/a.txt → a-headline");
    expect(reportLine(line("created"), true)).toBe("would create archive/a.txt → a-headline");
    expect(reportLine(line("updated"), true)).toBe("would update archive/a.txt → a-headline");
    expect(reportLine(line("unchanged"), true)).toBe("unchanged    archive/a.txt → a-headline");
    const lines = [line("created"), line("updated"), line("unchanged")];
    expect(reportSummary(reportOf(lines), false)).toEqual(["1 created, 1 updated, 1 unchanged, 0 failed"]);
    expect(reportSummary(reportOf(lines), true)).toEqual([
      "dry run, nothing written: would create 1, would update 1, 1 unchanged, 0 failed",
    ]);
    for (const dryRun of [false, true])
      expect(lines.map((l) => reportLine(l, dryRun)).join("\n")).not.toMatch(dryRun ? /^created/m : /would/);
  });

  it("says under each article what it lacks, and in the summary how to give it", () => {
    const lacking = line("created", { newEntities: ["Place Bergen"], missing: ["section", "tags", "publisher"] });
    expect(reportLine(lacking, false).split("\n")).toEqual([
      "created    archive/a.txt → a-headline",
      "           new: Place Bergen",
      "           missing: section, tags and publisher",
    ]);
    const summary = reportSummary(reportOf([lacking, line("created", { missing: ["tags"] })]), false);
    expect(summary[1]).toBe(
      "missing: 1 without a section, 2 without tags, 1 without a publisher (left out of section lists, tag pages and " +
        "statistics); give --section, --tag or --publisher, or start a plain-text file with Section:, Tags: or " +
        "Publisher: lines",
    );
    expect(reportSummary(reportOf([line("created", { missing: ["tags"] })]), false)[1]).toMatch(
      /^missing: 1 without tags \(.*\); give --tag, or start a plain-text file with Tags: lines$/,
    );
  });
});
