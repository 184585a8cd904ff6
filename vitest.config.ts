// Three projects. `unit` (test/unit/) runs pure logic and plugins on tiny schemas, with no database and no global
// setup, in seconds. Everything else runs twice: once on SQLite and once on PostgreSQL (a project each). Every such
// test file gets its own database, copied from a template that test/support/global-setup.ts migrates and seeds once
// per run.
import { configDefaults, defineConfig } from "vitest/config";

const shared = {
  include: ["test/**/*.test.ts"],
  // The benchmark suite (npm run bench) is no test: it measures, on its own processes and cores. The unit tests need
  // no database: running them once, in their own project, is enough.
  exclude: [...configDefaults.exclude, "test/bench/**", "test/unit/**"],
  globalSetup: ["test/support/global-setup.ts"],
  testTimeout: 30_000,
  hookTimeout: 60_000,
  // expect.poll waits for a browser or a live stream: a loaded machine needs more than the default second
  expect: { poll: { timeout: 10_000 } },
};

export default defineConfig({
  // Node resolves `graphql` (for Pothos, yoga and graphql-ws) to its CommonJS build; vite would pick index.mjs for
  // our own files, and graphql-js refuses to mix two copies. One copy for everyone:
  resolve: { alias: [{ find: /^graphql$/, replacement: "graphql/index.js" }] },
  test: {
    // Two cores on these machines: a few files at once (across both projects) keeps the databases busy without
    // starving the servers.
    maxWorkers: 3,
    reporters: ["default", "./test/support/summary-reporter.ts"],
    projects: [
      { extends: true, test: { name: "unit", include: ["test/unit/**/*.test.ts"], testTimeout: 10_000 } },
      { extends: true, test: { ...shared, name: "sqlite", env: { LEDE_TEST_DB: "sqlite" } } },
      { extends: true, test: { ...shared, name: "postgresql", env: { LEDE_TEST_DB: "postgresql" } } },
    ],
  },
});
