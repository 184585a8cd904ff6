// Assembles a running Lede from a config: database, migrations, seed, pub/sub and the server. main.ts and the tests
// both start Lede through here, so what the tests exercise is what `npm start` runs.
import type { Config } from "./platform/config.js";
import { systemClock, uuidGenerator, type AppDeps, type Clock, type IdGenerator } from "./context.js";
import { openDatabase, type Database } from "./platform/db.js";
import { createLogger, type Logger } from "./platform/logger.js";
import { isFullyMigrated, migrateDeploy } from "./platform/migrate.js";
import { createLedePubSub, type PubSubHandle } from "./platform/pubsub.js";
import { isEmpty, seedDatabase } from "./seed/seed.js";
import { createLedeServer, type LedeServer } from "./server.js";
import { startBackgroundWork } from "./services/background.js";

export interface LedeApp {
  deps: AppDeps;
  server: LedeServer;
  logger: Logger;
  /** Closes the server (draining requests), then the pub/sub and the database. */
  close(): Promise<void>;
}

export interface AppOptions {
  clock?: Clock;
  newId?: IdGenerator;
  logger?: Logger;
  /** An already-open database (tests share one per file); closed by the caller, not by app.close(). */
  db?: Database;
  /** `prisma migrate deploy` already under way (main.ts starts it early for a database that does not exist yet). */
  migrating?: Promise<{ ms: number }>;
}

export async function createApp(config: Config, options: AppOptions = {}): Promise<LedeApp> {
  const logger = options.logger ?? createLogger(config.logLevel);
  if (options.migrating) logger.info("migrations applied", await options.migrating);
  let db = options.db ?? (await openDatabase(config.databaseUrl, { poolSize: config.databasePoolSize }));
  if (config.migrateOnStart && !options.db && !(await isFullyMigrated(db))) {
    // The CLI migrates over its own connection; ours reopens afterwards so that it sees the new tables.
    await db.close();
    const started = Date.now();
    await migrateDeploy(config.databaseUrl);
    logger.info("migrations applied", { ms: Date.now() - started });
    db = await openDatabase(config.databaseUrl, { poolSize: config.databasePoolSize });
  }
  let pubsub: PubSubHandle | undefined;
  try {
    if (config.seedOnStart && (await isEmpty(db.prisma))) {
      try {
        const report = await seedDatabase(db.prisma);
        logger.info("seeded an empty database", { records: report.created });
      } catch (error) {
        // Two instances started on one empty database: the other one seeded it first, which is just as good.
        if ((error as { code?: string }).code !== "P2002") throw error;
        logger.info("the database was seeded by another instance meanwhile");
      }
    }
    pubsub = createLedePubSub({ redisUrl: config.redisUrl, namespace: config.pubsubNamespace, logger });
    const deps: AppDeps = {
      config,
      db,
      pubsub: pubsub.pubsub,
      clock: options.clock ?? systemClock,
      newId: options.newId ?? uuidGenerator,
    };
    const server = createLedeServer(deps, logger);
    // The webhook dispatcher and the publishing scheduler (each switched off by config).
    const background = startBackgroundWork(deps, logger);
    const handle = pubsub;
    return {
      deps,
      server,
      logger,
      async close() {
        await background.stop();
        await server.stop();
        await handle.close();
        if (!options.db) await db.close();
      },
    };
  } catch (error) {
    await pubsub?.close();
    if (!options.db) await db.close();
    throw error;
  }
}
