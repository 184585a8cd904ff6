// Builds the HTTP server (yoga: GraphQL over HTTP, GraphiQL, /health, /ready) and the graphql-ws server on the same
// port and path, and returns { start, stop }. It does not own the database or the pub/sub: the caller does.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { YogaServerInstance } from "graphql-yoga";
import { createViewerResolver } from "./auth/viewer.js";
import { createLedeResponseCache } from "./caching/response-cache.js";
import { createContext, type AppDeps, type Context } from "./context.js";
import { createLedeYoga } from "./http/yoga.js";
import type { Account } from "./generated/prisma/client.js";
import type { Logger } from "./platform/logger.js";
import { createSharedReads } from "./platform/shared-reads.js";
import { limitBodySize } from "./plugins/http-guards.js";
import { createErrorMasker } from "./plugins/mask-error.js";
import { createMetrics } from "./plugins/metrics.js";
import { createRateLimiter } from "./plugins/rate-limit.js";
import type { SharedExecutionCounts } from "./plugins/shared-execution.js";
import { schema } from "./schema/index.js";
import { createSocketServer } from "./ws/socket-server.js";

export interface LedeServer {
  yoga: YogaServerInstance<{}, Context>;
  httpServer: Server;
  /** Listens; resolves with the port actually bound (useful with port 0). */
  start(port?: number, host?: string): Promise<number>;
  /** Stops accepting, closes sockets, lets in-flight requests finish (up to the grace period), then resolves. */
  stop(): Promise<void>;
  /** Operations running over WebSockets right now (subscriptions, mostly). */
  activeSocketOperations(): number;
  /** Operations started over WebSockets since the server was built (only ever grows). */
  startedSocketOperations(): number;
  /** How many live events were executed per subscriber, and how many were shared (shared-execution.ts). */
  eventExecutions(): SharedExecutionCounts;
}

export function createLedeServer(appDeps: AppDeps, logger: Logger): LedeServer {
  const { config } = appDeps;
  const responseCache = config.responseCache.enabled
    ? createLedeResponseCache({
        pubsub: appDeps.pubsub,
        logger,
        ...config.responseCache,
        now: () => appDeps.clock().getTime(),
      })
    : null;
  // Contexts publish through the cache, so that a comment change drops its cached threads before the answer.
  const deps: AppDeps = responseCache ? { ...appDeps, pubsub: responseCache.observe(appDeps.pubsub) } : appDeps;
  // The gauges read the sockets lazily, at scrape time, when the WebSocket server below exists.
  const metrics = createMetrics({ open: () => sockets.openSockets(), operations: () => sockets.activeOperations() });
  const maskError = createErrorMasker(logger);
  const rateLimiter = createRateLimiter({
    limit: config.anonRateLimit,
    redisUrl: config.redisUrl,
    namespace: config.pubsubNamespace,
    logger,
  });
  const resolveViewer = createViewerResolver({
    prisma: deps.db.prisma,
    jwt: config.jwt,
    rateLimiter,
    clock: deps.clock,
  });
  // Aborted when the server stops: ends every live stream so that its subscriber is told before the socket closes.
  const shutdown = new AbortController();
  // One per server: what a live event's subscribers read is read once (platform/shared-reads.ts).
  const sharedReads = createSharedReads();
  const eventExecutions: SharedExecutionCounts = { executed: 0, shared: 0 };
  const newContext = (viewer: Account | null, request: { longLived: boolean; requestId?: string }) =>
    createContext(deps, viewer, { ...request, shutdown: shutdown.signal, metrics, sharedReads });

  const yoga = createLedeYoga({
    config,
    logger,
    schema,
    metrics,
    rateLimiter,
    responseCache,
    eventExecutions,
    isReady: () => deps.db.ping(),
    db: deps.db,
    clock: deps.clock,
    maskError,
    resolveViewer,
    newContext,
  });

  const httpServer = createServer(limitBodySize(config.limits.bodyBytes, yoga));
  // A request that has not been received and answered in time is cut (408), so slow clients cannot hold sockets.
  httpServer.requestTimeout = config.requestTimeoutMs;
  httpServer.headersTimeout = Math.min(config.requestTimeoutMs, 60_000);
  const sockets = createSocketServer(httpServer, config, {
    yoga,
    resolveViewer,
    maskError,
    newContext: (viewer) => newContext(viewer, { longLived: true }),
  });

  let stopping: Promise<void> | undefined;
  return {
    yoga,
    httpServer,
    activeSocketOperations: sockets.activeOperations,
    startedSocketOperations: sockets.startedOperations,
    eventExecutions: () => ({ ...eventExecutions }),
    start(port = config.port, host = config.host) {
      return new Promise((resolve, reject) => {
        httpServer.once("error", reject);
        httpServer.listen(port, host, () => {
          httpServer.off("error", reject);
          resolve((httpServer.address() as AddressInfo).port);
        });
      });
    },
    stop() {
      stopping ??= (async () => {
        sockets.stopKeepAlive();
        // Live streams complete first (graphql-ws sends "complete", SSE responses end), so subscribers are told;
        // give the completions a moment to go out before the sockets close.
        shutdown.abort();
        await sockets.operationsEnded(Math.min(config.shutdownGraceMs, 2000));
        // graphql-ws closes every socket with 1001 and waits for the peers to answer.
        await Promise.all([closeHttpServer(httpServer, config.shutdownGraceMs), sockets.close(config.shutdownGraceMs)]);
        await yoga.dispose();
        responseCache?.close();
        await rateLimiter?.close();
      })();
      return stopping;
    },
  };
}

/** Stops accepting, then lets the open requests finish; whatever is still open when the grace period ends is cut. */
async function closeHttpServer(httpServer: Server, graceMs: number): Promise<void> {
  const closed = new Promise<void>((resolve) => httpServer.close(() => resolve()));
  // Idle keep-alive sockets would hold close() open, and a connection whose request finishes during the drain turns
  // idle: close those as they appear.
  httpServer.closeIdleConnections();
  const sweep = setInterval(() => httpServer.closeIdleConnections(), 25);
  const grace = setTimeout(() => httpServer.closeAllConnections(), graceMs);
  grace.unref();
  await closed;
  clearInterval(sweep);
  clearTimeout(grace);
}
