// `npm start`: reads the config, migrates, seeds an empty database, serves, and shuts down cleanly on SIGTERM/SIGINT.
import { existsSync } from "node:fs";
import { ConfigError, loadConfig, type Config } from "./platform/config.js";
import { providerOf, sqliteFilePath } from "./platform/database-url.js";
import { migrateDeploy } from "./platform/migrate.js";
import { buildTemplate, copyTemplateTo } from "./platform/template.js";

/**
 * A SQLite database that does not exist yet: copy the template database of this install into place when there is a
 * current one (migrated and seeded already: platform/template.ts), else start the Prisma CLI on every migration at
 * once, so that it runs while the rest of the server loads. Anything else is checked in createApp.
 */
function prepareNewDatabase(config: Config): { migrating?: Promise<{ ms: number }>; fromTemplate?: string } {
  if (!config.migrateOnStart || providerOf(config.databaseUrl) !== "sqlite") return {};
  const file = sqliteFilePath(config.databaseUrl);
  if (existsSync(file)) return {};
  if (config.seedOnStart && config.startFromTemplate && copyTemplateTo(file)) return { fromTemplate: file };
  const started = Date.now();
  return { migrating: migrateDeploy(config.databaseUrl).then(() => ({ ms: Date.now() - started })) };
}

async function main(): Promise<void> {
  if (process.argv.includes("--build-template")) {
    // `node src/start.mjs --build` (run by npm ci) builds the template once the bundle is built.
    const file = await buildTemplate((step) => console.log(`lede: ${step}`));
    console.log(`lede: template database ready (${file})`);
    return;
  }
  if (process.argv.includes("--help")) {
    console.log(`usage: npm start
  Serves Lede's GraphQL API (and GraphiQL) at http://HOST:PORT/graphql, WebSockets on the same path.
  Configuration comes from the environment; see README.md (DATABASE_URL, HOST, PORT, REDIS_URL, …).`);
    return;
  }
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`lede: ${error.message}`);
      process.exit(2);
    }
    throw error;
  }
  const { migrating, fromTemplate } = prepareNewDatabase(config);
  migrating?.catch(() => {}); // a failure is reported where createApp awaits it, not as an unhandled rejection
  // Loaded only now, while the migrations run: building the schema is most of the start-up.
  const { createApp } = await import("./app.js");
  const app = await createApp(config, { migrating });
  if (fromTemplate) app.logger.info("started from the template database", { file: fromTemplate });
  const port = await app.server.start(config.port, config.host);
  const shown = config.host === "0.0.0.0" || config.host === "::" ? "localhost" : config.host;
  app.logger.info("lede is listening", { url: `http://${shown}:${port}${config.graphqlPath}` });
  console.log(`Lede is ready: open http://${shown}:${port}${config.graphqlPath} for GraphiQL`);

  let shuttingDown = false;
  const shutdown = async (signal: string) => {
    if (shuttingDown) return;
    shuttingDown = true;
    app.logger.info("shutting down", { signal });
    try {
      await app.close();
      process.exit(0);
    } catch (error) {
      app.logger.error("shutdown failed", { error: String(error) });
      process.exit(1);
    }
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
}

main().catch((error) => {
  console.error(`lede: failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
