// `npm run db:generate-corpus -- --articles 10000 [--seed N]`: adds a synthetic corpus to the database DATABASE_URL
// names, for load tests, query plans and exploring at scale.
import { parseArgs } from "node:util";
import { loadConfig } from "../platform/config.js";
import { openDatabase } from "../platform/db.js";
import { CorpusExistsError, generateCorpus, MAX_CORPUS_ARTICLES } from "../seed/corpus.js";

const usage = `usage: npm run db:generate-corpus -- --articles <n> [--seed <n>]
  Adds <n> synthetic articles (1 to ${MAX_CORPUS_ARTICLES}) to DATABASE_URL (default file:./data/lede.db), with a few
  hundred people, organisations, places and events they mention, bylines, tags, and reader comments with replies.
  --articles <n>  how many articles
  --seed <n>      which corpus (default 1): the same seed makes the same rows; different seeds can share a database
  --live-blogs    tell one article in fifty as a live blog (a few with hundreds of updates)
  --help          this text
  The database must be migrated first (npm run db:deploy, or npm start once).`;

function fail(message: string): never {
  console.error(`generate-corpus: ${message}\n\n${usage}`);
  process.exit(1);
}

async function run(): Promise<void> {
  let values: { articles?: string; seed?: string; help?: boolean; "live-blogs"?: boolean };
  try {
    ({ values } = parseArgs({
      options: {
        articles: { type: "string" },
        seed: { type: "string" },
        help: { type: "boolean" },
        "live-blogs": { type: "boolean" },
      },
    }));
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
  if (values.help) {
    console.log(usage);
    return;
  }
  const articles = Number(values.articles);
  const seed = values.seed === undefined ? 1 : Number(values.seed);
  if (values.articles === undefined) fail("--articles is required");
  if (!Number.isInteger(articles) || articles < 1 || articles > MAX_CORPUS_ARTICLES)
    fail(`--articles must be a whole number from 1 to ${MAX_CORPUS_ARTICLES}`);
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff)
    fail("--seed must be a whole number from 0 to 4294967295");

  const config = loadConfig();
  const db = await openDatabase(config.databaseUrl);
  const started = Date.now();
  let lastPrinted = 0;
  try {
    const report = await generateCorpus(db.prisma, {
      articles,
      seed,
      liveBlogs: values["live-blogs"] === true,
      onProgress(done, total) {
        if (done !== total && Date.now() - lastPrinted < 1000 && done !== 0) return;
        lastPrinted = Date.now();
        const seconds = ((Date.now() - started) / 1000).toFixed(1);
        console.log(done === 0 ? `entities written (${seconds} s)` : `${done}/${total} articles (${seconds} s)`);
      },
    });
    console.log(
      `corpus ${report.seed}: ${report.articles} articles, ${report.mentions} mentions, ${report.comments} comments, ` +
        `${report.people} people, ${report.organisations} organisations, ${report.places} places, ` +
        `${report.events} events, ${report.accounts} accounts` +
        (report.liveBlogs ? `, ${report.liveBlogs} live blogs with ${report.liveUpdates} updates` : "") +
        ` in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
  } catch (error) {
    if (error instanceof CorpusExistsError) fail(error.message);
    throw error;
  } finally {
    await db.close();
  }
}

run().catch((error) => {
  const message = error instanceof Error ? error.message : String(error);
  const hint = /does not exist|no such table/i.test(message) ? " (run npm run db:deploy first)" : "";
  console.error(`generate-corpus: ${message}${hint}`);
  process.exit(1);
});
