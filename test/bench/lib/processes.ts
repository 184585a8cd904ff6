// Child processes of the benchmark: servers on one core, load generators on the other (taskset, where the OS has
// it and the machine has two cores), each with a ready line, peak-memory readings and a clean stop.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { availableParallelism } from "node:os";
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");

const canPin =
  process.platform === "linux" &&
  availableParallelism() >= 2 &&
  spawnSync("taskset", ["-p", String(process.pid)]).status === 0;

/** Which core the servers run on and which one the load runs on. */
export const CORES = { server: 0, load: availableParallelism() - 1 } as const;

export function pinningNote(): string {
  return canPin
    ? `servers on core ${CORES.server}, load on core ${CORES.load} (taskset)`
    : "not pinned (no taskset or one core)";
}

export interface Child {
  name: string;
  child: ChildProcess;
  pid: number;
  /** The match of the ready pattern. */
  ready: RegExpExecArray;
  output(): string;
  /** Resident memory now, and the peak since start, in MiB (from /proc; 0 where there is none). */
  memory(): { rssMb: number; peakMb: number };
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export interface StartOptions {
  name: string;
  /** A TypeScript or JavaScript file run with `node --import tsx`, or a full command. */
  script?: string;
  command?: string[];
  args?: string[];
  env?: Record<string, string | undefined>;
  core: "server" | "load" | "none";
  /** The line that says the process is ready; without one it counts as ready once spawned. */
  ready?: RegExp;
  timeoutMs?: number;
  /** Extra node flags (e.g. --max-old-space-size). */
  nodeFlags?: string[];
  /** A process group of its own, stopped as a whole (`npm start` does not pass signals on to its children). */
  group?: boolean;
}

/** Every child still running, so that an interrupted run leaves no server behind. */
const running = new Set<() => void>();
process.once("exit", () => {
  for (const kill of running) kill();
});
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => process.exit(130));
}

export async function startChild(options: StartOptions): Promise<Child> {
  const base = options.command ?? [
    process.execPath,
    ...(options.nodeFlags ?? []),
    "--import",
    "tsx",
    resolve(ROOT, options.script!),
    ...(options.args ?? []),
  ];
  const command = canPin && options.core !== "none" ? ["taskset", "-c", String(CORES[options.core]), ...base] : base;
  const child = spawn(command[0]!, command.slice(1), {
    cwd: ROOT,
    // an empty value removes a variable the parent has (REDIS_URL for a one-instance server)
    env: Object.fromEntries(
      Object.entries({ ...process.env, ...options.env }).filter(([, value]) => value !== undefined && value !== ""),
    ),
    stdio: ["ignore", "pipe", "pipe", "ipc"],
    detached: options.group ?? false,
  });
  const signal = (name: NodeJS.Signals) => {
    try {
      if (options.group) process.kill(-child.pid!, name);
      else child.kill(name);
    } catch {
      // already gone
    }
  };
  const killNow = () => signal("SIGKILL");
  running.add(killNow);
  child.once("exit", () => running.delete(killNow));
  let output = "";
  const append = (chunk: Buffer) => {
    output += chunk.toString();
    if (output.length > 200_000) output = output.slice(-100_000);
  };
  child.stdout!.on("data", append);
  child.stderr!.on("data", append);
  const ready = await new Promise<RegExpExecArray>((done, fail) => {
    if (!options.ready) return done(/^/.exec("")!);
    const timer = setTimeout(
      () =>
        fail(new Error(`${options.name}: not ready within ${options.timeoutMs ?? 60_000} ms:\n${output.slice(-3000)}`)),
      options.timeoutMs ?? 60_000,
    );
    const check = () => {
      const match = options.ready!.exec(output);
      if (!match) return;
      clearTimeout(timer);
      child.stdout!.off("data", check);
      done(match);
    };
    child.stdout!.on("data", check);
    child.once("exit", (code) => {
      clearTimeout(timer);
      fail(new Error(`${options.name} exited early with ${code}:\n${output.slice(-3000)}`));
    });
  });
  const pid = child.pid!;
  return {
    name: options.name,
    child,
    pid,
    ready,
    output: () => output,
    memory: () => readMemory(pid),
    stop(stopSignal = "SIGTERM") {
      if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
      const exited = new Promise<number | null>((done) => child.once("exit", (code) => done(code)));
      signal(stopSignal);
      const hard = setTimeout(() => signal("SIGKILL"), 15_000);
      return exited.finally(() => clearTimeout(hard));
    },
  };
}

/** The node process itself when `pid` is a taskset wrapper: taskset execs, so the pid is the same. */
export function readMemory(pid: number): { rssMb: number; peakMb: number } {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+)`, "m").exec(status)?.[1] ?? 0);
    return { rssMb: kb("VmRSS") / 1024, peakMb: kb("VmHWM") / 1024 };
  } catch {
    return { rssMb: 0, peakMb: 0 };
  }
}

/** Runs a load generator to its end; it prints one JSON line starting with RESULT. */
export async function runLoad<T>(name: string, script: string, config: unknown, timeoutMs = 300_000): Promise<T> {
  const child = await startChild({
    name,
    script,
    args: [JSON.stringify(config)],
    core: "load",
    ready: /^RESULT (.*)$/m,
    timeoutMs,
  });
  await child.stop();
  return JSON.parse(child.ready[1]!) as T;
}
