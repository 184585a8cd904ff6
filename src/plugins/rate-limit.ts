// Per-IP rate limiting of anonymous traffic: ANON_RATE_LIMIT requests a minute per client address (fixed one-minute
// windows), counted in Redis when REDIS_URL is set so that every instance shares the count, else in memory.
// X-Forwarded-For is believed only from TRUSTED_PROXIES. Requests with a bearer token are not counted here.
import type { IncomingMessage } from "node:http";
import type { Plugin } from "graphql-yoga";
import { Redis } from "ioredis";
import { RateLimitedError } from "../errors.js";
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

/** The address of an HTTP request's client (node:http puts the IncomingMessage in yoga's server context as `req`). */
export function requestAddress(request: Request, serverContext: unknown, trustedProxies: string[]): string {
  const req = (serverContext as { req?: IncomingMessage } | undefined)?.req;
  return clientAddress(req, request.headers.get("x-forwarded-for"), trustedProxies);
}

/** The address of a WebSocket's client, from the HTTP request that opened it. */
export function upgradeAddress(request: IncomingMessage, trustedProxies: string[]): string {
  const forwarded = request.headers["x-forwarded-for"];
  return clientAddress(request, Array.isArray(forwarded) ? forwarded.join(",") : (forwarded ?? null), trustedProxies);
}

/** How HTTP says "rate limited": 429 with the seconds to wait in Retry-After. */
function tooManyRequestsStatus(retryAfter: number) {
  return { status: 429, headers: { "retry-after": String(retryAfter) } };
}

/** "Rate limited", built this one way wherever the anonymous limit is hit: RATE_LIMITED with the seconds to wait. */
export function tooManyRequests(retryAfter: number): RateLimitedError {
  return new RateLimitedError(`Too many requests from your address; try again in ${retryAfter} s`, retryAfter);
}

/**
 * The same error, to throw inside yoga: an error thrown outside execution is answered with the status and headers of
 * its extensions.http, which yoga leaves out of the body. (graphql-ws would send them along: a socket's goes without.)
 */
export function tooManyRequestsOverHttp(retryAfter: number): RateLimitedError {
  const error = tooManyRequests(retryAfter);
  Object.assign(error.extensions, { http: tooManyRequestsStatus(retryAfter) });
  return error;
}

export function useAnonymousRateLimit(limiter: RateLimiter | null, trustedProxies: string[]): Plugin {
  return {
    async onRequest({ request, serverContext, endResponse, url }) {
      if (!limiter || url.pathname === "/health" || url.pathname === "/ready" || url.pathname === "/metrics") return;
      if (request.headers.get("authorization")) return;
      const retryAfter = await limiter.hit(requestAddress(request, serverContext, trustedProxies));
      if (retryAfter === null) return;
      // Answered before yoga parses anything, so the body is written here, as yoga would write the error.
      const { message, extensions } = tooManyRequests(retryAfter);
      endResponse(Response.json({ errors: [{ message, extensions }] }, tooManyRequestsStatus(retryAfter)));
    },
  };
}
