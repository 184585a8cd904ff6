// `npm run db:deploy` applies pending migrations; `npm run db:seed` seeds (idempotently) the database DATABASE_URL names.
import { loadConfig } from "../platform/config.js";
import { openDatabase } from "../platform/db.js";
import { migrateDeploy } from "../platform/migrate.js";
import { seedDatabase } from "../seed/seed.js";

const usage = `usage: npm run db:deploy
       npm run db:seed
  db:deploy  applies pending migrations to DATABASE_URL (default file:./data/lede.db)
  db:seed    writes the seed story; rows that exist already are left as they are, so it can run any number of times`;

async function run(): Promise<void> {
  const [command] = process.argv.slice(2);
  const help = process.argv.includes("--help") || process.argv.includes("-h");
  if (!command || help) {
    console.log(usage);
    process.exit(help ? 0 : 1);
  }
  const config = loadConfig();
  if (command === "deploy") {
    const { output } = await migrateDeploy(config.databaseUrl);
    console.log(output.trim());
    return;
  }
  if (command === "seed") {
    const db = await openDatabase(config.databaseUrl);
    try {
      const report = await seedDatabase(db.prisma, {
        progress: (step, done, total) => console.log(`[${done}/${total}] ${step}`),
      });
      console.log(`seed: ${report.created} rows created, ${report.total - report.created} already present`);
    } finally {
      await db.close();
    }
    return;
  }
  console.error(usage);
  process.exit(1);
}

run().catch((error) => {
  console.error(`db: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
