// The Lede instances of the soak: `node src/start.mjs` (what `npm start` runs) as child processes, so that their
// memory is theirs alone, each with the memory probe preloaded (heap after a full GC, on request over IPC).
import { fileURLToPath } from "node:url";
import { startLedeProcess, type LedeProcess } from "../support/process.js";

const PROBE = fileURLToPath(new URL("./memory-probe.mjs", import.meta.url));

export interface MemorySample {
  /** ms since the soak started */
  at: number;
  rssMb: number;
  /** heap in use after a full garbage collection */
  heapMb: number;
}

export interface SoakInstance {
  name: string;
  baseUrl: string;
  pid: number;
  memory: MemorySample[];
  /** Collects garbage in the instance and records its memory; null when it does not answer within 10 s. */
  measure(at: number): Promise<MemorySample | null>;
  /** The instance's log (warnings and errors), the last part of it. */
  output(): string;
  exited(): boolean;
  /** SIGTERM (SIGKILL after 20 s); resolves with the exit code (0: a clean shutdown). */
  stop(): Promise<number | null>;
  killNow(): void;
}

/** Everything the soak changes from the shipped defaults, and why. */
export function soakEnvironment(databaseUrl: string, redisUrl: string): Record<string, string> {
  return {
    NODE_ENV: "production",
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl,
    PUBSUB_NAMESPACE: "soak",
    // all load comes from one address and a few guest accounts
    ANON_RATE_LIMIT: "0",
    COMMENT_RATE_LIMIT_MS: "0",
    // one line per request would be most of the output; warnings (a database that went away) are what matter
    LOG_LEVEL: "warn",
  };
}

const MB = 1024 * 1024;

export async function startSoakInstance(name: string, env: Record<string, string>): Promise<SoakInstance> {
  const process_: LedeProcess = await startLedeProcess(env, {
    nodeArgs: ["--expose-gc", "--import", PROBE],
    ipc: true,
    readyTimeoutMs: 180_000,
    outputLimit: 200_000,
  });
  const { child } = process_;
  const memory: MemorySample[] = [];
  let nextId = 0;
  return {
    name,
    baseUrl: process_.baseUrl,
    pid: child.pid!,
    memory,
    measure(at) {
      if (!child.connected) return Promise.resolve(null);
      const id = ++nextId;
      return new Promise((resolve) => {
        const timer = setTimeout(() => done(null), 10_000);
        const onMessage = (message: { type?: string; id?: number; rss: number; heapUsed: number }) => {
          if (message?.type !== "soak:memory" || message.id !== id) return;
          done({ at, rssMb: message.rss / MB, heapMb: message.heapUsed / MB });
        };
        const done = (sample: MemorySample | null) => {
          clearTimeout(timer);
          child.off("message", onMessage);
          if (sample) memory.push(sample);
          resolve(sample);
        };
        child.on("message", onMessage);
        child.send({ type: "soak:measure", id }, (error) => error && done(null));
      });
    },
    output: process_.output,
    exited: () => child.exitCode !== null || child.signalCode !== null,
    async stop() {
      const hard = setTimeout(() => child.kill("SIGKILL"), 20_000);
      const code = await process_.stop();
      clearTimeout(hard);
      return code;
    },
    killNow: () => void child.kill("SIGKILL"),
  };
}
