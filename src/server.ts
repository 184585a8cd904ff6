// Builds the HTTP server (yoga: GraphQL over HTTP, GraphiQL, /health, /ready) and the graphql-ws server on the same
// port and path, and returns { start, stop }. It does not own the database or the pub/sub: the caller does.
import { randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createYoga, useReadinessCheck, type YogaServerInstance } from "graphql-yoga";
import { useDeferStream } from "@graphql-yoga/plugin-defer-stream";
import { renderGraphiQL } from "@graphql-yoga/render-graphiql";
import { GraphQLError, type ExecutionArgs } from "graphql";
import { WebSocketServer } from "ws";
import { useServer } from "graphql-ws/use/ws";
import { createSharedReads } from "./platform/shared-reads.js";
import { useSharedSubscriptionExecution, type SharedExecutionCounts } from "./plugins/shared-execution.js";
import type { Context as WsContext, SubscribePayload } from "graphql-ws";
import type { IncomingMessage } from "node:http";
import { createAuthenticator } from "./auth/authenticate.js";
import { createContext, type AppDeps, type Context } from "./context.js";
import type { Account } from "./generated/prisma/client.js";
import { EMBED_SCRIPT_PATH, useEmbedScript } from "./plugins/embed.js";
import { graphiqlTabs } from "./plugins/graphiql-tabs.js";
import { LIVE_BLOG_SCRIPT_PATH, useLiveBlogScript } from "./plugins/liveblog-script.js";
import type { Logger } from "./platform/logger.js";
import { LimitExceededError, RateLimitedError } from "./errors.js";
import { useHttpCaching } from "./caching/http-cache.js";
import { limitBodySize, useHttpGuards } from "./plugins/http-guards.js";
import { usePerOperationLimits, useQueryTimeout } from "./plugins/limits.js";
import { createMetrics } from "./plugins/metrics.js";
import { usePersistedQueries } from "./plugins/persisted-queries.js";
import { clientAddress, createRateLimiter, useAnonymousRateLimit } from "./plugins/rate-limit.js";
import { createLedeResponseCache } from "./caching/response-cache.js";
import { blockFieldSuggestionsPlugin } from "@escape.tech/graphql-armor-block-field-suggestions";
import { createErrorMasker } from "./plugins/mask-error.js";
import { schema } from "./schema/index.js";

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

interface SocketExtra {
  socket: import("ws").WebSocket;
  request: IncomingMessage;
}

interface PrebuiltContext {
  ledeContext?: Context;
}

function invalidTokenError(): GraphQLError {
  return new GraphQLError("The bearer token is not valid (unknown, revoked or expired)", {
    extensions: { code: "UNAUTHENTICATED", http: { status: 401 } },
  });
}

/** A client's own request id when it is a sane token, else a fresh one. */
function requestIdFrom(header: string | null): string {
  return header && /^[A-Za-z0-9._-]{1,64}$/.test(header) ? header : randomUUID();
}

/** Unsent bytes a WebSocket may hold before the server drops it as a reader that has stopped reading. */
const MAX_UNSENT_BYTES = 8 * 1024 * 1024;

const graphiqlOptions = {
  title: "Lede — GraphiQL",
  defaultQuery: graphiqlTabs[0]!.query,
  defaultTabs: graphiqlTabs,
  subscriptionsProtocol: "WS" as const,
};

export function createLedeServer(appDeps: AppDeps, logger: Logger): LedeServer {
  const responseCache = appDeps.config.responseCache.enabled
    ? createLedeResponseCache({
        pubsub: appDeps.pubsub,
        logger,
        maxBytes: appDeps.config.responseCache.maxBytes,
      })
    : null;
  // Contexts publish through the cache, so that a comment change drops its cached threads before the answer.
  const deps: AppDeps = responseCache ? { ...appDeps, pubsub: responseCache.observe(appDeps.pubsub) } : appDeps;
  const httpCaching = useHttpCaching(appDeps.config.graphqlPath, schema);
  const requestIds = new WeakMap<Request, string>();
  const startedAt = new WeakMap<Request, number>();
  // The gauges read these lazily, at scrape time, when the WebSocket server below exists.
  const metrics = createMetrics({ open: () => wsServer.clients.size, operations: () => activeSocketOperations });
  const { config } = deps;
  const maskError = createErrorMasker(logger);
  const authenticate = createAuthenticator(deps.db.prisma, config.jwt);
  const rateLimiter = createRateLimiter({
    limit: config.anonRateLimit,
    redisUrl: config.redisUrl,
    namespace: config.pubsubNamespace,
    logger,
  });
  // Aborted when the server stops: ends every live stream so that its subscriber is told before the socket closes.
  const shutdown = new AbortController();
  // One per server: what a live event's subscribers read is read once (services/shared-reads.ts).
  const sharedReads = createSharedReads();
  const eventExecutions: SharedExecutionCounts = { executed: 0, shared: 0 };
  const yoga = createYoga<PrebuiltContext, Context>({
    schema,
    graphqlEndpoint: config.graphqlPath,
    landingPage: false,
    healthCheckEndpoint: "/health",
    logging: false,
    // isDev off everywhere: no original errors (JSON parser messages, stacks) in any response.
    maskedErrors: { maskError, isDev: false },
    // In production GraphiQL moves to /graphiql (see http-guards.ts), so /graphql is the API alone.
    graphiql: config.env === "production" ? false : graphiqlOptions,
    renderGraphiQL,
    multipart: false,
    batching: false,
    // The API answers any origin (the widget runs on newsrooms' own sites); the widget's script sets its own
    // `Access-Control-Allow-Origin: *`, which keeps one cached copy for every site.
    cors: (request) =>
      [EMBED_SCRIPT_PATH, LIVE_BLOG_SCRIPT_PATH].includes(new URL(request.url).pathname) ? false : {},
    plugins: [
      httpCaching.responses,
      metrics.plugin,
      useEmbedScript(config.graphqlPath, logger),
      useLiveBlogScript(config.graphqlPath, logger),
      useAnonymousRateLimit(rateLimiter, config.trustedProxies),
      useHttpGuards(config, graphiqlOptions),
      usePerOperationLimits(config.limits),
      useQueryTimeout(config.queryTimeoutMs),
      ...(config.env === "production" ? [blockFieldSuggestionsPlugin()] : []),
      useDeferStream(),
      usePersistedQueries(),
      httpCaching.params,
      ...(responseCache?.plugins ?? []),
      useReadinessCheck({ endpoint: "/ready", check: () => deps.db.ping() }),
      // last, so that its subscribe function is the one that runs
      useSharedSubscriptionExecution(eventExecutions),
      {
        // Every response names its request, so a client can quote it and we can find it in the logs.
        onRequest({ request }) {
          requestIds.set(request, requestIdFrom(request.headers.get("x-request-id")));
          startedAt.set(request, performance.now());
        },
        onResponse({ request, response }) {
          const id = requestIds.get(request);
          if (id) response.headers.set("x-request-id", id);
          const started = startedAt.get(request);
          logger.info("request", {
            requestId: id,
            method: request.method,
            path: new URL(request.url).pathname,
            status: response.status,
            ms: started === undefined ? undefined : Math.round(performance.now() - started),
          });
        },
      },
    ],
    context: async (initial): Promise<Context> => {
      if (initial.ledeContext) return initial.ledeContext;
      const request = (initial as unknown as { request: Request }).request;
      const auth = await authenticate(request.headers.get("authorization"), deps.clock());
      if (auth.kind === "invalid") {
        // Bad tokens count against the address like anonymous requests, so guessing tokens is rate limited too.
        const req = (initial as unknown as { req?: IncomingMessage }).req;
        const retryAfter = rateLimiter
          ? await rateLimiter.hit(clientAddress(req, request.headers.get("x-forwarded-for"), config.trustedProxies))
          : null;
        if (retryAfter !== null) {
          throw new GraphQLError(`Too many requests from your address; try again in ${retryAfter} s`, {
            extensions: {
              code: "RATE_LIMITED",
              retryAfter,
              http: { status: 429, headers: { "retry-after": String(retryAfter) } },
            },
          });
        }
        throw invalidTokenError();
      }
      return createContext(deps, auth.kind === "account" ? auth.account : null, {
        shutdown: shutdown.signal,
        metrics,
        sharedReads,
        // a subscription over Server-Sent Events lives as long as the stream: no DataLoader cache
        longLived: request.headers.get("accept")?.includes("text/event-stream") ?? false,
        requestId: requestIds.get(request),
      });
    },
  });

  const httpServer = createServer(limitBodySize(config.limits.bodyBytes, yoga));
  // A request that has not been received and answered in time is cut (408), so slow clients cannot hold sockets.
  httpServer.requestTimeout = config.requestTimeoutMs;
  httpServer.headersTimeout = Math.min(config.requestTimeoutMs, 60_000);
  // Frames over the limit make ws close the socket with 1009 (message too big) before anything parses them.
  const wsServer = new WebSocketServer({
    server: httpServer,
    path: config.graphqlPath,
    maxPayload: config.ws.maxFrameBytes,
  });
  const viewers = new WeakMap<object, Account | null>();
  const headers = new WeakMap<object, string>();
  let activeSocketOperations = 0;
  let startedSocketOperations = 0;
  const operationsBySocket = new WeakMap<object, Set<string>>();
  const wsDisposable = useServer<Record<string, unknown> | undefined, { viewer?: Account | null }>(
    {
      connectionInitWaitTimeout: config.ws.initTimeoutMs,
      execute: (args) => (args.rootValue as { execute: (a: ExecutionArgs) => unknown }).execute(args) as never,
      subscribe: (args) => (args.rootValue as { subscribe: (a: ExecutionArgs) => unknown }).subscribe(args) as never,
      onConnect: async (ctx) => {
        const header = ctx.connectionParams?.authorization ?? ctx.connectionParams?.Authorization;
        // Returning false makes graphql-ws close the socket with 4403 Forbidden.
        if (header !== undefined && header !== null && typeof header !== "string") return false;
        const auth = await authenticate(header, deps.clock());
        if (auth.kind === "invalid") return false;
        if (auth.kind === "anonymous" && rateLimiter && (await rateLimiter.hit(socketAddress(ctx.extra))) !== null) {
          ctx.extra.socket.close(4429, "Too many requests");
          return false;
        }
        viewers.set(ctx.extra, auth.kind === "account" ? auth.account : null);
        if (header) headers.set(ctx.extra, header);
        return true;
      },
      onSubscribe: async (ctx, id, params) => {
        const operations = operationsBySocket.get(ctx.extra) ?? new Set<string>();
        operationsBySocket.set(ctx.extra, operations);
        if (operations.size >= config.ws.maxSubscriptions) {
          return [
            new LimitExceededError(
              `At most ${config.ws.maxSubscriptions} operations may run at once on one connection`,
              "WS_MAX_SUBSCRIPTIONS",
              config.ws.maxSubscriptions,
            ),
          ];
        }
        // The slot is taken before anything is awaited, so a burst of subscribe messages cannot overrun the limit.
        operations.add(id);
        const prepared = await prepareOperation(ctx, params).catch((error: unknown) => [
          maskError(error) as GraphQLError,
        ]);
        if (Array.isArray(prepared)) operations.delete(id);
        return prepared;
      },
      // Called once the operation is executing (a subscription is then registered with the pub/sub).
      onOperation: (ctx, id) => {
        if (operationsBySocket.get(ctx.extra)?.has(id)) {
          activeSocketOperations++;
          startedSocketOperations++;
        }
      },
      onComplete: (ctx, id) => {
        if (operationsBySocket.get(ctx.extra)?.delete(id)) activeSocketOperations--;
      },
    },
    wsServer,
  );

  async function prepareOperation(
    ctx: WsContext<Record<string, unknown> | undefined, SocketExtra>,
    params: SubscribePayload,
  ): Promise<ExecutionArgs | readonly GraphQLError[]> {
    // A socket outlives tokens: check the token again for every operation, so a revoked or expired one stops.
    const header = headers.get(ctx.extra);
    if (header) {
      const auth = await authenticate(header, deps.clock());
      if (auth.kind !== "account") {
        ctx.extra.socket.close(4403, "Forbidden");
        return [invalidTokenError()];
      }
      viewers.set(ctx.extra, auth.account);
    } else if (rateLimiter) {
      const retryAfter = await rateLimiter.hit(socketAddress(ctx.extra));
      if (retryAfter !== null)
        return [new RateLimitedError(`Too many requests from your address; try again in ${retryAfter} s`, retryAfter)];
    }
    const ledeContext = createContext(deps, viewers.get(ctx.extra) ?? null, {
      longLived: true,
      shutdown: shutdown.signal,
      metrics,
      sharedReads,
    });
    const enveloped = yoga.getEnveloped({ ...ctx, ledeContext, params });
    let document;
    try {
      document = enveloped.parse(params.query);
    } catch (error) {
      const masked = maskError(error);
      return [masked instanceof GraphQLError ? masked : new GraphQLError("The query could not be parsed")];
    }
    const args: ExecutionArgs = {
      schema: enveloped.schema,
      operationName: params.operationName,
      document,
      variableValues: params.variables,
      contextValue: await enveloped.contextFactory(),
      rootValue: { execute: enveloped.execute, subscribe: enveloped.subscribe },
    };
    const errors = enveloped.validate(args.schema, args.document);
    if (errors.length > 0) return errors;
    return args;
  }

  const socketAddress = (extra: SocketExtra) => {
    const forwarded = extra.request.headers["x-forwarded-for"];
    return clientAddress(
      extra.request,
      Array.isArray(forwarded) ? forwarded.join(",") : (forwarded ?? null),
      config.trustedProxies,
    );
  };

  // Keep-alive: ping every socket; one that has not answered the previous ping is gone, and is dropped.
  const alive = new WeakMap<object, boolean>();
  wsServer.on("connection", (socket) => {
    alive.set(socket, true);
    socket.on("pong", () => alive.set(socket, true));
  });
  const keepAlive =
    config.ws.keepAliveMs > 0
      ? setInterval(() => {
          for (const socket of wsServer.clients) {
            // A reader that stopped reading: its unsent frames would pile up in memory without end.
            if (alive.get(socket) === false || socket.bufferedAmount > MAX_UNSENT_BYTES) {
              socket.terminate();
              continue;
            }
            alive.set(socket, false);
            socket.ping();
          }
        }, config.ws.keepAliveMs)
      : undefined;
  keepAlive?.unref();

  let stopping: Promise<void> | undefined;
  return {
    yoga,
    httpServer,
    activeSocketOperations: () => activeSocketOperations,
    startedSocketOperations: () => startedSocketOperations,
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
        clearInterval(keepAlive);
        // Live streams complete first (graphql-ws sends "complete", SSE responses end), so subscribers are told;
        // give the completions a moment to go out before the sockets close.
        shutdown.abort();
        const completionDeadline = Date.now() + Math.min(config.shutdownGraceMs, 2000);
        while (activeSocketOperations > 0 && Date.now() < completionDeadline) {
          await new Promise((resolve) => setTimeout(resolve, 10));
        }
        // Stop accepting, then let the open requests finish; idle keep-alive sockets would hold close() open, and a
        // connection whose request finishes during the drain turns idle: close those as they appear.
        const httpClosed = new Promise<void>((resolve) => httpServer.close(() => resolve()));
        httpServer.closeIdleConnections();
        const sweep = setInterval(() => httpServer.closeIdleConnections(), 25);
        // graphql-ws closes every socket with 1001 and waits for the peers to answer.
        const socketsClosed = wsDisposable.dispose();
        // Whatever is still open when the grace period ends is cut.
        const grace = setTimeout(() => {
          httpServer.closeAllConnections();
          for (const socket of wsServer.clients) socket.terminate();
        }, config.shutdownGraceMs);
        grace.unref();
        await Promise.all([httpClosed, socketsClosed]);
        clearInterval(sweep);
        clearTimeout(grace);
        await yoga.dispose();
        responseCache?.close();
        await rateLimiter?.close();
      })();
      return stopping;
    },
  };
}
