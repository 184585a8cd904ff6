// `npm run import -- <files or folders…> [--dry-run]`: plain-text and ninjs articles into DATABASE_URL.
import { SingleBar } from "cli-progress";
import { loadConfig } from "../platform/config.js";
import { openDatabase } from "../platform/db.js";
import { createLogger } from "../platform/logger.js";
import { createLedePubSub } from "../platform/pubsub.js";
import { collectFiles, importFiles, type ImportLine } from "../services/import/run.js";
import { ImportError } from "../services/import/types.js";

const usage = `usage: npm run import -- <files or folders…> [--dry-run]
  Imports articles into DATABASE_URL (default file:./data/lede.db):
    *.txt   plain text as copied from a news page: headline, standfirst, byline, dateline, captions with
            credits in parentheses, paragraphs (comment prompts and other page furniture are dropped)
    *.json  IPTC ninjs 3.x (generations 1 and 2 are read too): one item or an array of items
  Folders are searched recursively for .txt and .json files. An article already in the database (same canonical
  URL or slug) is left alone when the file says the same, and updated when it says something else. New people,
  organisations and places are created; mentions are found in the text.
  --dry-run   report what would change and write nothing
  Prints one line per article (created, updated, unchanged or failed with the reason) and exits with 1 when any
  article failed.`;

function line(l: ImportLine): string {
  const what = l.outcome === "failed" ? `failed     ${l.source}: ${l.reason}` : `${l.outcome.padEnd(10)} ${l.source}`;
  const slug = l.slug ? ` → ${l.slug}` : "";
  const entities = l.newEntities.length ? `\n           new: ${l.newEntities.join(", ")}` : "";
  return `${what}${slug}${entities}`;
}

async function run(): Promise<number> {
  const args = process.argv.slice(2);
  if (args.includes("--help") || args.includes("-h")) {
    console.log(usage);
    return 0;
  }
  const dryRun = args.includes("--dry-run");
  const unknown = args.filter((a) => a.startsWith("-") && a !== "--dry-run");
  const paths = args.filter((a) => !a.startsWith("-"));
  if (unknown.length || paths.length === 0) {
    console.error(`${unknown.length ? `import: unknown option ${unknown[0]}\n\n` : ""}${usage}`);
    return 1;
  }
  const total = (await collectFiles(paths)).length;
  const config = loadConfig();
  const db = await openDatabase(config.databaseUrl);
  const bar = new SingleBar({
    stream: process.stderr,
    format: "importing [{bar}] {value}/{total} files  {file}",
    hideCursor: true,
    noTTYOutput: true,
    notTTYSchedule: 5000,
  });
  bar.start(total, 0, { file: "" });
  try {
    const report = await importFiles(db.prisma, paths, {
      dryRun,
      progress: (done, _total, file) => bar.update(done, { file }),
    });
    bar.stop();
    for (const l of report.lines) console.log(line(l));
    const { created, updated, unchanged, failed } = report.counts;
    console.log(
      `${dryRun ? "dry run, nothing written: would have " : ""}${created} created, ${updated} updated, ${unchanged} unchanged, ${failed} failed`,
    );
    if (!dryRun && created + updated > 0) await tellRunningInstances(config);
    return failed > 0 ? 1 : 0;
  } finally {
    bar.stop();
    await db.close();
  }
}

/** Running instances cache anonymous answers: with Redis they hear this and drop them (without Redis, what the
 * import changed shows once the cached answers' TTLs run out). */
async function tellRunningInstances(config: ReturnType<typeof loadConfig>): Promise<void> {
  if (!config.redisUrl) return;
  const handle = createLedePubSub({
    redisUrl: config.redisUrl,
    namespace: config.pubsubNamespace,
    logger: createLogger("silent"),
  });
  handle.pubsub.publish("cache:invalidate", "all", { origin: `import-${process.pid}`, all: true });
  await handle.flush();
  await handle.close();
}

run()
  .then((code) => process.exit(code))
  .catch((error) => {
    console.error(`import: ${error instanceof ImportError || error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
