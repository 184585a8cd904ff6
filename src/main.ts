// `npm start`: reads the config, migrates, seeds an empty database, serves, and shuts down cleanly on SIGTERM/SIGINT.
import { ConfigError, loadConfig } from "./config.js";
import { createApp } from "./app.js";

async function main(): Promise<void> {
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
  const app = await createApp(config);
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
