// `npm run import -- <files or folders…> [--dry-run] [--section …] [--tag …] [--publisher …]`: plain-text and ninjs
// articles into DATABASE_URL.
import { parseArgs } from "node:util";
import { SingleBar } from "cli-progress";
import { loadConfig } from "../platform/config.js";
import { openDatabase } from "../platform/db.js";
import { createLogger } from "../platform/logger.js";
import { createLedePubSub } from "../platform/pubsub.js";
import { reportLine, reportSummary } from "../services/import/report.js";
import { collectFiles, importFiles } from "../services/import/run.js";
import { ImportError } from "../services/import/types.js";

const usage = `usage: npm run import -- <files or folders…> [--dry-run] [--section <name>] [--tag <name>]… [--publisher <name>]
  Imports articles into DATABASE_URL (default file:./data/lede.db):
    *.txt   plain text as copied from a news page: headline, standfirst, byline, dateline, captions with
            credits in parentheses, paragraphs (comment prompts and other page furniture are dropped); it may
            start with "Section: World", "Tags: Arctic, Border towns" and "Publisher: The Independent" lines
    *.json  IPTC ninjs 3.x (generations 1 and 2 are read too): one item or an array of items
  Folders are searched recursively for .txt and .json files. An article already in the database (same canonical
  URL or slug) is left alone when the file says the same, and updated when it says something else. New people,
  organisations and places are created; mentions are found in the text.
  --dry-run           report what would change and write nothing
  --section <name>    the section of articles whose file names none (a name, "World", or a slug, "world")
  --tag <name>        a tag for articles whose file names none; give it again for more tags
  --publisher <name>  the publishing organisation of articles whose file names none
  --help              this text
  Prints one line per article (created, updated, unchanged or failed with the reason; in a dry run "would create"
  and "would update"), with the new people, organisations and places and what the article still lacks, then a
  summary. Exits with 1 when any article failed.
  Example: npm run import -- --section world --tag arctic --publisher "The Independent" archive/`;

function fail(message: string): number {
  console.error(`import: ${message}\n\n${usage}`);
  return 1;
}

async function run(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
        "dry-run": { type: "boolean" },
        section: { type: "string" },
        tag: { type: "string", multiple: true },
        publisher: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (error) {
    return fail(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals: paths } = parsed;
  if (values.help) {
    console.log(usage);
    return 0;
  }
  if (paths.length === 0) return fail("name the files or folders to import");
  for (const [flag, value] of [
    ["--section", values.section],
    ["--publisher", values.publisher],
    ...(values.tag ?? []).map((t) => ["--tag", t]),
  ])
    if (value !== undefined && value.trim() === "") return fail(`${flag} needs a name`);
  const dryRun = values["dry-run"] ?? false;
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
      defaults: { section: values.section, tags: values.tag, publisher: values.publisher },
      progress: (done, _total, file) => bar.update(done, { file }),
    });
    bar.stop();
    for (const l of report.lines) console.log(reportLine(l, dryRun));
    for (const line of reportSummary(report, dryRun)) console.log(line);
    const { created, updated, failed } = report.counts;
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
