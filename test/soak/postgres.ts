// A PostgreSQL server of the soak's own: initdb into a temporary folder, on a free port, so that it can be restarted
// without touching the machine's shared server. PostgreSQL refuses to run as root: as root, initdb and the server
// run as the `postgres` user (spawn's uid/gid, which exec the binary itself, so the pid is the server's).
import { execFile, spawn, spawnSync, type ChildProcess } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { freePort } from "../support/ports.js";
import { until } from "../support/ws.js";

const run = promisify(execFile);
const DATABASE = "lede";

/** The folder with initdb and postgres: SOAK_POSTGRES_BIN, the newest /usr/lib/postgresql/<v>/bin, or pg_config's. */
export function postgresBinaries(): string | null {
  const candidates: string[] = [];
  if (process.env.SOAK_POSTGRES_BIN) candidates.push(process.env.SOAK_POSTGRES_BIN);
  const debian = "/usr/lib/postgresql";
  if (existsSync(debian)) {
    const versions = readdirSync(debian)
      .filter((v) => /^\d+$/.test(v))
      .sort((a, b) => Number(b) - Number(a));
    candidates.push(...versions.map((v) => join(debian, v, "bin")));
  }
  const pgConfig = spawnSync("pg_config", ["--bindir"], { encoding: "utf8" });
  if (pgConfig.status === 0) candidates.push(pgConfig.stdout.trim());
  return candidates.find((dir) => existsSync(join(dir, "initdb")) && existsSync(join(dir, "postgres"))) ?? null;
}

/** Whom the server runs as: ourselves, or (as root) the postgres user. */
function serverUser(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const id = (flag: string) => spawnSync("id", [flag, "postgres"], { encoding: "utf8" });
  const uid = id("-u");
  const gid = id("-g");
  if (uid.status !== 0 || gid.status !== 0) {
    throw new Error("PostgreSQL will not run as root, and there is no postgres user to run it as");
  }
  return { uid: Number(uid.stdout), gid: Number(gid.stdout) };
}

export interface OwnPostgres {
  /** postgresql://postgres@127.0.0.1:<port>/lede: the soak's database, empty at first. */
  url: string;
  port: number;
  /** Whether the server is running (false between stop and start). */
  running(): boolean;
  /** A fast shutdown (what `pg_ctl stop` and a service restart do): sessions are ended, work is checkpointed. */
  stop(): Promise<void>;
  /** Starts the server again on the same port and data; resolves once it answers. */
  start(): Promise<void>;
  /** Runs one statement over a connection of its own. */
  query<R extends pg.QueryResultRow = pg.QueryResultRow>(sql: string, values?: unknown[]): Promise<R[]>;
  /** The server's recent log. */
  log(): string;
  /** Stops the server and removes its folder. */
  dispose(): Promise<void>;
  /** For process exit: kills the server at once (immediate shutdown) and removes the folder, synchronously. */
  killNow(): void;
}

export async function startOwnPostgres(bin: string): Promise<OwnPostgres> {
  const user = serverUser();
  const dir = mkdtempSync(join(tmpdir(), "lede-soak-pg-"));
  if (user) chownSync(dir, user.uid, user.gid);
  const data = join(dir, "data");
  let server: ChildProcess | undefined;
  let log = "";
  const killNow = () => {
    server?.kill("SIGQUIT");
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await run(join(bin, "initdb"), ["-D", data, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--no-sync"], {
      ...user,
      cwd: dir,
    });
    const port = await freePort();
    const url = (database: string) => `postgresql://postgres@127.0.0.1:${port}/${database}`;
    const query = async <R extends pg.QueryResultRow>(sql: string, values?: unknown[], database = DATABASE) => {
      const client = new pg.Client({ connectionString: url(database), connectionTimeoutMillis: 3000 });
      client.on("error", () => {}); // a server that goes away mid-query fails the query, not the process
      await client.connect();
      try {
        return (await client.query<R>(sql, values)).rows;
      } finally {
        await client.end().catch(() => {});
      }
    };
    const start = async () => {
      // Durability is not what is soaked: the server restarts cleanly, and fsync would only slow a shared machine.
      const child = spawn(
        join(bin, "postgres"),
        ["-D", data, "-p", String(port), "-k", dir, "-c", "listen_addresses=127.0.0.1", "-c", "fsync=off"],
        { ...user, cwd: dir, stdio: ["ignore", "pipe", "pipe"] },
      );
      server = child;
      const append = (chunk: Buffer) => {
        log = (log + chunk).slice(-20_000);
      };
      child.stdout!.on("data", append);
      child.stderr!.on("data", append);
      const exited = new Promise<never>((_, reject) =>
        child.once("exit", (code) => reject(new Error(`postgres exited with ${code}:\n${log.slice(-3000)}`))),
      );
      exited.catch(() => {});
      const answers = () =>
        query("SELECT 1", [], "postgres").then(
          () => true,
          () => false,
        );
      await Promise.race([until(answers, "our PostgreSQL to start", 60_000), exited]);
    };
    const stop = async () => {
      const child = server;
      if (!child || child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGINT"); // fast shutdown
      const immediate = setTimeout(() => child.kill("SIGQUIT"), 30_000);
      await exited;
      clearTimeout(immediate);
    };
    await start();
    await query(`CREATE DATABASE ${DATABASE}`, [], "postgres");
    return {
      url: url(DATABASE),
      port,
      running: () => !!server && server.exitCode === null && server.signalCode === null,
      stop,
      start,
      query: (sql, values) => query(sql, values),
      log: () => log,
      async dispose() {
        await stop();
        rmSync(dir, { recursive: true, force: true });
      },
      killNow,
    };
  } catch (error) {
    killNow();
    throw error;
  }
}
