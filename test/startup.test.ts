// `npm start` for real: a child process on an empty database migrates, seeds, serves the story, and exits cleanly on
// SIGTERM; a second start on the same database seeds nothing twice.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { postgresUrl, withAdminClient } from "./support/databases.js";
import { provider, skipDatabase } from "./support/lede.js";

interface Started {
  child: ChildProcess;
  baseUrl: string;
  output: () => string;
}

async function startProcess(databaseUrl: string): Promise<Started> {
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: "0",
      HOST: "127.0.0.1",
      NODE_ENV: "development",
      LOG_LEVEL: "info",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (c) => (output += c));
  child.stderr!.on("data", (c) => (output += c));
  const baseUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ready line within 60 s:\n${output}`)), 60_000);
    const check = () => {
      const match = /Lede is ready: open (http:\/\/[^/\s]+)\/graphql/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!.replace("localhost", "127.0.0.1"));
      }
    };
    child.stdout!.on("data", check);
    child.once("exit", (code) => reject(new Error(`exited early with ${code}:\n${output}`)));
  });
  return { child, baseUrl, output: () => output };
}

async function stopProcess(started: Started): Promise<number | null> {
  const exited = new Promise<number | null>((resolve) => started.child.once("exit", (code) => resolve(code)));
  started.child.kill("SIGTERM");
  return exited;
}

async function graphql(baseUrl: string, query: string): Promise<unknown> {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query }),
  });
  return response.json();
}

const STORY = `{ article(slug: "ex-wagner-commander-norway-refused-asylum-allowed-to-stay") {
  headline bylines { person { name } } media { credit } } articles { totalCount } people { totalCount } }`;

describe.skipIf(skipDatabase)("npm start", () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  async function emptyDatabaseUrl(): Promise<string> {
    if (provider === "sqlite") {
      const dir = mkdtempSync(join(tmpdir(), "lede-start-"));
      cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
      return `file:${join(dir, "data", "lede.db")}`; // the data folder does not exist yet
    }
    const name = `lede_start_${process.pid}_${Date.now().toString(36)}`;
    await withAdminClient((c) => c.query(`CREATE DATABASE "${name}"`));
    cleanups.push(() =>
      withAdminClient((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => {}),
    );
    return postgresUrl(name);
  }

  it("migrates and seeds an empty database, serves the story, and exits 0 on SIGTERM; restarting seeds nothing twice", async () => {
    const databaseUrl = await emptyDatabaseUrl();
    const first = await startProcess(databaseUrl);
    cleanups.push(() => void first.child.kill("SIGKILL"));
    const health = await fetch(`${first.baseUrl}/health`);
    expect(health.status).toBe(200);
    const data = (await graphql(first.baseUrl, STORY)) as {
      data: {
        article: { headline: string; bylines: { person: { name: string } }[]; media: unknown[] };
        articles: { totalCount: number };
        people: { totalCount: number };
      };
    };
    expect(data.data.article.bylines[0]!.person.name).toBe("Rich Booth");
    expect(data.data.article.media).toHaveLength(3);
    expect(first.output()).toMatch(/seeded an empty database/);
    expect(await stopProcess(first)).toBe(0);

    const second = await startProcess(databaseUrl);
    cleanups.push(() => void second.child.kill("SIGKILL"));
    expect(second.output()).not.toMatch(/seeded an empty database/);
    const again = (await graphql(second.baseUrl, STORY)) as typeof data;
    expect(again.data.articles.totalCount).toBe(data.data.articles.totalCount);
    expect(again.data.people.totalCount).toBe(data.data.people.totalCount);
    expect(await stopProcess(second)).toBe(0);
  });
});
