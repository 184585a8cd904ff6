// Lede as a separate process (`node src/start.mjs`, what `npm start` runs), for tests that need a real
// second process: startup and shutdown, or a second instance on one SQLite file; and a command-line script run to its
// end, as `npm run …` runs it.
import { spawn, type ChildProcess } from "node:child_process";

export interface LedeProcess {
  child: ChildProcess;
  baseUrl: string;
  output: () => string;
  /** SIGTERM, then the exit code. */
  stop(): Promise<number | null>;
}

export async function startLedeProcess(env: Record<string, string>): Promise<LedeProcess> {
  const child = spawn(process.execPath, ["src/start.mjs"], {
    env: { ...process.env, PORT: "0", HOST: "127.0.0.1", NODE_ENV: "development", LOG_LEVEL: "info", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (c) => (output += c));
  child.stderr!.on("data", (c) => (output += c));
  const baseUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ready line within 60 s:\n${output}`)), 60_000);
    child.stdout!.on("data", () => {
      const match = /Lede is ready: open (http:\/\/[^/\s]+)\/graphql/.exec(output);
      if (!match) return;
      clearTimeout(timer);
      resolve(match[1]!.replace("localhost", "127.0.0.1"));
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`exited early with ${code}:\n${output}`));
    });
  });
  return {
    child,
    baseUrl,
    output: () => output,
    stop() {
      if (child.exitCode !== null) return Promise.resolve(child.exitCode);
      const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
      child.kill("SIGTERM");
      return exited;
    },
  };
}

/** POSTs a GraphQL operation to a process; returns the parsed body. */
export async function graphqlOver(baseUrl: string, query: string, variables?: unknown, token?: string): Promise<any> {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return response.json();
}

/** A TypeScript script run to its end as `npm run …` runs it (node with tsx), with extra environment variables. */
export function runScript(
  script: string,
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ["--import", "tsx", script, ...args], {
    env: { ...process.env, NODE_ENV: "test", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (c) => (stdout += c));
  child.stderr.on("data", (c) => (stderr += c));
  return new Promise((resolve) => child.once("exit", (code) => resolve({ code, stdout, stderr })));
}
