// Configuration of the Prisma 7 CLI (node_modules/prisma), which only generates the clients here. Migrations run
// through the Prisma 6.19.3 CLI (the npm alias "prisma6", configured by prisma/migrate.config.ts): Prisma 7's own
// migration commands always start a native schema engine, and none can be downloaded here.
import { fileURLToPath } from "node:url";
import { defineConfig } from "prisma/config";

// Before generate, the Prisma 7 CLI downloads the native schema engine unless this names an existing file. Generate
// never runs it; the stand-in says where migrations are if anything does. (This file loads before that check.)
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= fileURLToPath(
  new URL("./prisma/scripts/no-schema-engine.sh", import.meta.url),
);

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
