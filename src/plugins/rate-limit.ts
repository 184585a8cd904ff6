// Per-IP rate limiting of anonymous traffic: ANON_RATE_LIMIT requests a minute per client address (fixed one-minute
// windows), counted in Redis when REDIS_URL is set so that every instance shares the count, else in memory.
// X-Forwarded-For is believed only from TRUSTED_PROXIES. Requests with a bearer token are not counted here.
import type { IncomingMessage } from "node:http";
import type { Plugin } from "graphql-yoga";
import { Redis } from "ioredis";
import type { Logger } from "../platform/logger.js";

export interface RateLimiter {
  /** Counts one request; resolves with the seconds to wait when over the limit, else null. */
  hit(key: string): Promise<number | null>;
  close(): Promise<void>;
}

const WINDOW_MS = 60_000;

function memoryLimiter(limit: number): RateLimiter {
  const counts = new Map<string, number>();
  let window = 0;
  return {
    async hit(key) {
      const now = Date.now();
      const current = Math.floor(now / WINDOW_MS);
      if (current !== window) {
        counts.clear(); // a new window: nothing of the old one matters
        window = current;
      }
      const count = (counts.get(key) ?? 0) + 1;
      counts.set(key, count);
      return count > limit ? Math.ceil(((current + 1) * WINDOW_MS - now) / 1000) : null;
    },
    async close() {},
  };
}

function redisLimiter(limit: number, url: string, namespace: string, logger: Logger): RateLimiter {
  const redis = new Redis(url, { maxRetriesPerRequest: 1, enableOfflineQueue: true });
  redis.on("error", () => {});
  const fallback = memoryLimiter(limit);
  return {
    async hit(key) {
      const now = Date.now();
      const window = Math.floor(now / WINDOW_MS);
      const redisKey = `ratelimit:${namespace}:${window}:${key}`;
      try {
        const [[, count]] = (await redis
          .multi()
          .incr(redisKey)
          .pexpire(redisKey, WINDOW_MS * 2)
          .exec()) as [[Error | null, number]];
        return count > limit ? Math.ceil(((window + 1) * WINDOW_MS - now) / 1000) : null;
      } catch (error) {
        // Redis away: limit per instance rather than not at all, and never fail the request for it.
        logger.warn("rate limit falls back to memory", { error: String(error) });
        return fallback.hit(key);
      }
    },
    async close() {
      redis.disconnect();
    },
  };
}

export function createRateLimiter(options: {
  limit: number;
  redisUrl?: string;
  namespace: string;
  logger: Logger;
}): RateLimiter | null {
  if (options.limit <= 0) return null;
  return options.redisUrl
    ? redisLimiter(options.limit, options.redisUrl, options.namespace, options.logger)
    : memoryLimiter(options.limit);
}

/** The client's address: the socket's peer, or the last address X-Forwarded-For names that is not a trusted proxy. */
export function clientAddress(
  req: IncomingMessage | undefined,
  header: string | null,
  trustedProxies: string[],
): string {
  const peer = (req?.socket?.remoteAddress ?? "unknown").replace(/^::ffff:/, "");
  if (!header || !trustedProxies.includes(peer)) return peer;
  const chain = header
    .split(",")
    .map((part) => part.trim().replace(/^::ffff:/, ""))
    .filter(Boolean);
  for (let i = chain.length - 1; i >= 0; i--) if (!trustedProxies.includes(chain[i]!)) return chain[i]!;
  return peer;
}

export function useAnonymousRateLimit(limiter: RateLimiter | null, trustedProxies: string[]): Plugin {
  return {
    async onRequest({ request, serverContext, endResponse, url }) {
      if (!limiter || url.pathname === "/health" || url.pathname === "/ready" || url.pathname === "/metrics") return;
      if (request.headers.get("authorization")) return;
      const req = (serverContext as { req?: IncomingMessage } | undefined)?.req;
      const address = clientAddress(req, request.headers.get("x-forwarded-for"), trustedProxies);
      const retryAfter = await limiter.hit(address);
      if (retryAfter === null) return;
      endResponse(
        Response.json(
          {
            errors: [
              {
                message: `Too many requests from your address; try again in ${retryAfter} s`,
                extensions: { code: "RATE_LIMITED", retryAfter },
              },
            ],
          },
          { status: 429, headers: { "retry-after": String(retryAfter) } },
        ),
      );
    },
  };
}
