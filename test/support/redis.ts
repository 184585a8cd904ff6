// The test Redis: its URL, and one probe that says whether a Redis answers. With REQUIRE_SERVICES=1 (CI) a missing
// shared Redis fails the file instead of skipping its tests. Tests that stop Redis start one of their own.
import { spawn, type ChildProcess } from "node:child_process";
import { Redis } from "ioredis";
import { until } from "./ws.js";

export const TEST_REDIS_URL = process.env.LEDE_TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

/** Whether the Redis at `url` answers a PING, without retrying and without leaving a connection behind. */
export async function redisAnswers(url: string = TEST_REDIS_URL): Promise<boolean> {
  const probe = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  probe.on("error", () => {});
  try {
    await probe.connect();
    return (await probe.ping()) === "PONG";
  } catch {
    return false;
  } finally {
    probe.disconnect();
  }
}

/** Whether the shared test Redis answers; throws when it does not and REQUIRE_SERVICES=1. */
export async function sharedRedisAvailable(): Promise<boolean> {
  const available = await redisAnswers(TEST_REDIS_URL);
  if (!available && process.env.REQUIRE_SERVICES === "1")
    throw new Error(`Redis is not reachable at ${TEST_REDIS_URL}`);
  return available;
}

export const REDIS_SERVER = "/usr/bin/redis-server";

/** A Redis of the test's own on `port` (no persistence), resolved once it answers. */
export async function startRedisServer(port: number): Promise<ChildProcess> {
  const child = spawn(
    REDIS_SERVER,
    ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
    { stdio: "ignore" },
  );
  const exited = new Promise<never>((_, reject) =>
    child.once("exit", (code) => reject(new Error(`redis-server on port ${port} exited with ${code}`))),
  );
  exited.catch(() => {});
  await Promise.race([until(() => redisAnswers(`redis://127.0.0.1:${port}`), "our Redis to start", 10_000), exited]);
  return child;
}

/** Stops a Redis started by startRedisServer: SIGKILL is a crash, SIGTERM a clean shutdown. */
export async function stopRedisServer(child: ChildProcess, signal: NodeJS.Signals = "SIGKILL"): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill(signal);
  await exited;
}
