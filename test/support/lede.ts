// The test kit: a real Lede (the same createApp `npm start` uses) on a private database, queried in-process with
// yoga.fetch, with an injected clock and id generator, an SQL statement counter, and helpers that print the
// operation and the response when something is not as expected.
import { afterAll, beforeAll, inject } from "vitest";
import { print, type ExecutionResult } from "graphql";
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { createApp, type LedeApp } from "../../src/app.js";
import { loadConfig, type Config } from "../../src/platform/config.js";
import { openDatabase, type Database } from "../../src/platform/db.js";
import { createLogger } from "../../src/platform/logger.js";
import { createTestDatabase, testProvider, type TestDatabase } from "./databases.js";
import { describeFailure } from "./failures.js";

export { describeFailure };

export const provider = testProvider();
export const skipReason = inject("skipReason");
/** `describe.skipIf(skipDatabase)` where PostgreSQL is absent and not required. */
export const skipDatabase = skipReason !== "";

export class TestClock {
  constructor(private current = new Date("2026-01-15T12:00:00.000Z")) {}
  now = (): Date => new Date(this.current.getTime());
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

export function sequentialIds(prefix = "t"): () => string {
  let n = 0;
  return () => `${prefix}-${String(++n).padStart(6, "0")}`;
}

export interface RequestOptions {
  token?: string;
  headers?: Record<string, string>;
}

export interface TestLede {
  app: LedeApp;
  db: Database;
  clock: TestClock;
  config: Config;
  /** Sends an operation through yoga.fetch and returns the parsed result. */
  execute<R, V>(
    document: TypedDocumentNode<R, V> | string,
    variables?: V,
    options?: RequestOptions,
  ): Promise<ExecutionResult<R>>;
  /** Like execute, but fails (printing the operation and the response) unless there are data and no errors. */
  query<R, V>(document: TypedDocumentNode<R, V> | string, variables?: V, options?: RequestOptions): Promise<R>;
  /** Raw HTTP through yoga.fetch. */
  fetch(path: string, init?: RequestInit): Promise<Response>;
  /** Counts the SQL statements `run` causes. */
  countStatements<T>(run: () => Promise<T>): Promise<{ result: T; statements: number; sql: string[] }>;
  /** Starts listening on a free port; returns the http:// base URL. */
  listen(): Promise<string>;
  close(): Promise<void>;
}

export interface StartOptions {
  seeded?: boolean;
  env?: Record<string, string>;
  /** A second instance on the same database (as in a multi-instance deployment); it leaves the database alone on close. */
  sameDatabaseAs?: TestLede;
}

export async function startLede(options: StartOptions = {}): Promise<TestLede> {
  const database: TestDatabase = options.sameDatabaseAs
    ? { url: options.sameDatabaseAs.config.databaseUrl, drop: async () => {} }
    : await createTestDatabase(inject("templateUrl"), inject("emptyTemplateUrl"), options.seeded ?? true);
  const config = loadConfig({
    NODE_ENV: "test",
    DATABASE_URL: database.url,
    PORT: "0",
    HOST: "127.0.0.1",
    LOG_LEVEL: "silent",
    SEED_ON_START: "false",
    MIGRATE_ON_START: "false",
    SHUTDOWN_GRACE_MS: "2000",
    // most tests post in bursts; the rate limit has tests of its own
    COMMENT_RATE_LIMIT_MS: "0",
    // An anonymous read right after a post would be answered from before it for a moment (the response cache's
    // grace, on the injected clock that stands still here): the grace has tests of its own.
    RESPONSE_CACHE_GRACE_MS: "0",
    // Background work polls the database: it would add statements to the tests that count them. The tests of the
    // publishing scheduler and the webhook dispatcher turn them on.
    SCHEDULER: "false",
    WEBHOOK_DISPATCH: "false",
    // test files run in parallel and may share a Redis: each instance group gets channels of its own
    PUBSUB_NAMESPACE:
      options.sameDatabaseAs?.config.pubsubNamespace ?? `test-${Math.random().toString(36).slice(2, 10)}`,
    ...options.env,
  });
  // Test files run side by side on one PostgreSQL: small pools keep them under its connection limit.
  const db = await openDatabase(database.url, { poolSize: Number(options.env?.DATABASE_POOL_SIZE ?? 4) });
  const clock = new TestClock();
  // A second instance gets ids of its own, as a second process would.
  const newId = sequentialIds(options.sameDatabaseAs ? `t${Math.random().toString(36).slice(2, 6)}` : "t");
  const logger = createLogger((process.env.LEDE_TEST_LOG as "warn" | undefined) ?? "silent");
  const app = await createApp(config, { db, clock: clock.now, newId, logger });
  const yoga = app.server.yoga;

  const fetchLede = (path: string, init: RequestInit = {}) =>
    Promise.resolve(yoga.fetch(new URL(path, "http://lede.test"), init));

  async function execute<R, V>(document: TypedDocumentNode<R, V> | string, variables?: V, opts: RequestOptions = {}) {
    const response = await fetchLede(config.graphqlPath, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        accept: "application/graphql-response+json",
        ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
        ...opts.headers,
      },
      body: JSON.stringify({ query: typeof document === "string" ? document : print(document), variables }),
    });
    return (await response.json()) as ExecutionResult<R>;
  }

  return {
    app,
    db,
    clock,
    config,
    execute,
    async query(document, variables, opts) {
      const result = await execute(document, variables, opts);
      if (result.errors?.length || !result.data) throw new Error(describeFailure(document, variables, result));
      return result.data;
    },
    fetch: fetchLede,
    async countStatements(run) {
      const sql: string[] = [];
      const stop = db.onQuery((event) => sql.push(event.sql));
      try {
        const result = await run();
        return { result, statements: sql.length, sql };
      } finally {
        stop();
      }
    },
    async listen() {
      const port = await app.server.start(0, "127.0.0.1");
      return `http://127.0.0.1:${port}`;
    },
    async close() {
      await app.close();
      await db.close();
      await database.drop();
    },
  };
}

/** Fails with the operation and response printed unless the result has exactly one error with this code. */
export function expectErrorCode(
  result: ExecutionResult<unknown>,
  code: string,
  context: { document: unknown; variables?: unknown },
): void {
  const codes = (result.errors ?? []).map((e) => e.extensions?.code);
  if (codes.length === 0 || !codes.every((c) => c === code)) {
    throw new Error(
      `expected error code ${code}, got ${JSON.stringify(codes)}\n${describeFailure(context.document, context.variables, result)}`,
    );
  }
}

/**
 * For a describe block whose tests connect over the network (WebSockets, raw HTTP): a Lede started and listening
 * before its tests and closed after them. The tests read `served.lede` and `served.baseUrl`.
 */
export function serveForBlock(options: StartOptions = {}): { lede: TestLede; baseUrl: string } {
  const served = {} as { lede: TestLede; baseUrl: string };
  beforeAll(async () => {
    served.lede = await startLede(options);
    served.baseUrl = await served.lede.listen();
  });
  afterAll(async () => {
    await served.lede?.close();
  });
  return served;
}
