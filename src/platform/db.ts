// The one module that turns DATABASE_URL into a Prisma client. SQLite (file:) is the embedded default, PostgreSQL
// (postgres:// or postgresql://) the production database. Each provider has its own generated client (each embeds
// its own query compiler); the SQLite client's type is the one the rest of the code sees.
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../generated/prisma/client.js";
import { PrismaClient as PostgresPrismaClient } from "../generated/prisma-postgres/client.js";
import { providerOf, sqliteFilePath, withDefaultPostgresUser, type Provider } from "./database-url.js";

export type { Provider };
export type Prisma = PrismaClient;

export interface QueryEvent {
  sql: string;
  params: string;
  durationMs: number;
}

export interface Database {
  prisma: Prisma;
  provider: Provider;
  /** Subscribes to every SQL statement the client sends; returns the unsubscribe function. */
  onQuery(listener: (event: QueryEvent) => void): () => void;
  /** True when a trivial statement succeeds within the timeout. */
  ping(timeoutMs?: number): Promise<boolean>;
  close(): Promise<void>;
}

interface SqliteStatement {
  reader: boolean;
  run(...params: unknown[]): unknown;
  all(...params: unknown[]): unknown[];
  columns(): unknown[];
  raw(on: boolean): SqliteStatement;
}

/** How many prepared statements each SQLite connection keeps (the front page's are a dozen; raw IN lists vary). */
const KEPT_STATEMENTS = 256;

/**
 * The adapter's use of a prepared statement (`prepare(sql).bind(args)`, then `run()`, `columns()` or `raw().all()`),
 * over a statement kept by its text: better-sqlite3 binds a statement for good, so the adapter prepared every
 * statement anew, a few per cent of a front page's time. Each call binds its own arguments here instead.
 */
function reusable(statement: SqliteStatement) {
  return {
    run: (...params: unknown[]) => statement.run(...params),
    bind: (args: unknown[]) => ({
      reader: statement.reader,
      run: () => statement.run(...args),
      columns: () => statement.columns(),
      raw: () => ({ all: () => statement.raw(true).all(...args) }),
    }),
  };
}

/**
 * Starts SQLite transactions with BEGIN IMMEDIATE instead of the adapter's plain BEGIN (a deferred transaction that
 * reads before it writes fails at once with SQLITE_BUSY, busy_timeout does not apply, when another process wrote in
 * between; taking the write lock at BEGIN is where busy_timeout waits instead; every transaction of ours writes), and
 * keeps the statements it prepares (above).
 */
class ImmediateTransactionsSQLite extends PrismaBetterSqlite3 {
  override async connect() {
    const adapter = await super.connect();
    const client = (adapter as unknown as { client: { prepare(sql: string): SqliteStatement } }).client;
    const prepare = client.prepare.bind(client);
    const kept = new Map<string, ReturnType<typeof reusable>>();
    (client as { prepare(sql: string): unknown }).prepare = (sql: string) => {
      let statement = kept.get(sql);
      if (statement) {
        kept.delete(sql); // most recently used last
      } else {
        statement = reusable(prepare(sql === "BEGIN" ? "BEGIN IMMEDIATE" : sql));
        if (kept.size >= KEPT_STATEMENTS) kept.delete(kept.keys().next().value!);
      }
      kept.set(sql, statement);
      return statement;
    };
    return adapter;
  }
}

export async function openDatabase(databaseUrl: string, options: { poolSize?: number } = {}): Promise<Database> {
  const provider = providerOf(databaseUrl);
  const listeners = new Set<(event: QueryEvent) => void>();
  const log = [{ emit: "event", level: "query" }] as const;
  let prisma: Prisma;
  if (provider === "sqlite") {
    const adapter = new ImmediateTransactionsSQLite({ url: sqliteFilePath(databaseUrl), timeout: 5000 });
    prisma = new PrismaClient({ adapter, log: [...log] }) as unknown as Prisma;
  } else {
    const adapter = new PrismaPg({
      connectionString: withDefaultPostgresUser(databaseUrl),
      max: options.poolSize ?? 10,
      connectionTimeoutMillis: 5000,
    });
    // The two clients differ only in provider-specific options (transaction isolation levels); the SQLite client's
    // type is the canonical one, so the PostgreSQL client is cast to it here and nowhere else.
    prisma = new PostgresPrismaClient({ adapter, log: [...log] }) as unknown as Prisma;
  }
  (prisma as unknown as PrismaClient<"query">).$on("query", (event) => {
    for (const listener of listeners) listener({ sql: event.query, params: event.params, durationMs: event.duration });
  });
  if (provider === "sqlite") {
    // WAL lets readers proceed during a write and keeps the file consistent if the process is killed mid-write.
    await prisma.$queryRawUnsafe("PRAGMA journal_mode = WAL");
    await prisma.$queryRawUnsafe("PRAGMA foreign_keys = ON");
  }
  return {
    prisma,
    provider,
    onQuery(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async ping(timeoutMs = 2000) {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<false>((done) => {
        timer = setTimeout(() => done(false), timeoutMs);
      });
      try {
        return await Promise.race([prisma.$queryRawUnsafe("SELECT 1").then(() => true), timeout]);
      } catch {
        return false;
      } finally {
        clearTimeout(timer);
      }
    },
    async close() {
      listeners.clear();
      await prisma.$disconnect();
    },
  };
}
