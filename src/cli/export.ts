// `npm run export -- --format ninjs|jsonld --out <dir>`: every published article of DATABASE_URL, one file each.
import { SingleBar } from "cli-progress";
import { loadConfig } from "../platform/config.js";
import { openDatabase } from "../platform/db.js";
import { EXPORT_FORMATS, exportArticles, type ExportFormat } from "../services/export/run.js";

const usage = `usage: npm run export -- --format <ninjs|jsonld> --out <folder>
  Writes every published article of DATABASE_URL (default file:./data/lede.db) to the folder, one file each:
    ninjs   IPTC ninjs 3.0, <slug>.ninjs.json (npm run import reads these back)
    jsonld  schema.org NewsArticle as JSON-LD, <slug>.jsonld
  Files of the same name are replaced; the folder is created when missing.`;

function option(args: string[], name: string): string | undefined {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
}

async function run(): Promise<number> {
  const args = process.argv.slice(2);
  if (args.includes("--help") || args.includes("-h")) {
    console.log(usage);
    return 0;
  }
  const format = option(args, "--format") as ExportFormat | undefined;
  const outDir = option(args, "--out");
  if (!format || !EXPORT_FORMATS.includes(format) || !outDir || outDir.startsWith("-")) {
    console.error(`export: needs --format (${EXPORT_FORMATS.join(" or ")}) and --out <folder>\n\n${usage}`);
    return 1;
  }
  const db = await openDatabase(loadConfig().databaseUrl);
  const bar = new SingleBar({
    stream: process.stderr,
    format: "exporting [{bar}] {value}/{total} articles",
    hideCursor: true,
    noTTYOutput: true,
    notTTYSchedule: 5000,
  });
  try {
    const { files } = await exportArticles(db.prisma, {
      format,
      outDir,
      progress: (done, total) => (done === 0 ? bar.start(total, 0) : bar.update(done)),
    });
    bar.stop();
    console.log(`exported ${files.length} published article${files.length === 1 ? "" : "s"} as ${format} to ${outDir}`);
    return 0;
  } finally {
    bar.stop();
    await db.close();
  }
}

run()
  .then((code) => process.exit(code))
  .catch((error) => {
    console.error(`export: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
