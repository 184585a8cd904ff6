// Lede as a separate process (`node src/start.mjs`, what `npm start` runs), for tests that need a real
// second process: startup and shutdown, a second instance on one SQLite file, or honest memory figures (the soak);
// and a command-line script run to its end, as `npm run …` runs it.
import { spawn, type ChildProcess } from "node:child_process";

export interface LedeProcess {
  child: ChildProcess;
  baseUrl: string;
  output: () => string;
  /** SIGTERM, then the exit code. */
  stop(): Promise<number | null>;
}

export interface ProcessOptions {
  /** Node flags before the script (e.g. --expose-gc, --import a probe). */
  nodeArgs?: string[];
  /** An IPC channel to the child (child.send / "message"). */
  ipc?: boolean;
  /** How long the ready line may take (a first start on an empty PostgreSQL migrates and seeds). */
  readyTimeoutMs?: number;
  /** Keep only the last this many characters of output (a long run logs). */
  outputLimit?: number;
}

export async function startLedeProcess(
  env: Record<string, string>,
  options: ProcessOptions = {},
): Promise<LedeProcess> {
  const { readyTimeoutMs = 60_000, outputLimit = Infinity } = options;
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), "src/start.mjs"], {
    env: { ...process.env, PORT: "0", HOST: "127.0.0.1", NODE_ENV: "development", LOG_LEVEL: "info", ...env },
    stdio: ["ignore", "pipe", "pipe", ...(options.ipc ? (["ipc"] as const) : [])],
  });
  let output = "";
  const append = (chunk: Buffer) => {
    output += chunk;
    if (output.length > outputLimit) output = output.slice(-outputLimit / 2);
  };
  child.stdout!.on("data", append);
  child.stderr!.on("data", append);
  const baseUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`no ready line within ${readyTimeoutMs / 1000} s:\n${output}`));
    }, readyTimeoutMs);
    const ready = () => {
      const match = /Lede is ready: open (http:\/\/[^/\s]+)\/graphql/.exec(output);
      if (!match) return;
      clearTimeout(timer);
      child.stdout!.off("data", ready);
      resolve(match[1]!.replace("localhost", "127.0.0.1"));
    };
    child.stdout!.on("data", ready);
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
      if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
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
