// The test Redis: its URL, and one probe that says whether a Redis answers. With REQUIRE_SERVICES=1 (CI) a missing
// shared Redis fails the file instead of skipping its tests.
import { Redis } from "ioredis";

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
