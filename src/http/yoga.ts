// The yoga instance: GraphQL over HTTP (and SSE), GraphiQL, /health and /ready, with Lede's plugins and the context of
// an HTTP request. WebSocket operations go through it too (ws/subscribe.ts), with a context built already.
import { createYoga, type YogaServerInstance } from "graphql-yoga";
import type { ResolveViewer } from "../auth/viewer.js";
import type { Context } from "../context.js";
import type { Account } from "../generated/prisma/client.js";
import { ASSETS_PREFIX } from "./assets.js";
import { EMBED_SCRIPT_PATH } from "../plugins/embed.js";
import { LIVE_BLOG_SCRIPT_PATH } from "../plugins/liveblog-script.js";
import { ledePlugins, type LedePluginDeps } from "../plugins/index.js";
import { requestAddress } from "../plugins/rate-limit.js";
import { requestIdOf } from "../plugins/request-log.js";
import type { PreparedContext } from "../ws/subscribe.js";

export interface YogaDeps extends LedePluginDeps {
  maskError(error: unknown): Error;
  resolveViewer: ResolveViewer;
  newContext(viewer: Account | null, request: { longLived: boolean; requestId?: string }): Context;
}

/** The embeddable scripts, which answer CORS themselves. */
const SCRIPT_PATHS = [EMBED_SCRIPT_PATH, LIVE_BLOG_SCRIPT_PATH];

export function createLedeYoga(deps: YogaDeps): YogaServerInstance<PreparedContext, Context> {
  const { config, resolveViewer } = deps;
  return createYoga<PreparedContext, Context>({
    schema: deps.schema,
    graphqlEndpoint: config.graphqlPath,
    landingPage: false,
    healthCheckEndpoint: "/health",
    logging: false,
    // isDev off everywhere: no original errors (JSON parser messages, stacks) in any response.
    maskedErrors: { maskError: deps.maskError, isDev: false },
    // GraphiQL's page and files are Lede's own (plugins/graphiql.ts): on /graphiql in production, so /graphql is the
    // API alone.
    graphiql: false,
    multipart: false,
    batching: false,
    // The body limit is enforced once, before yoga, on the raw request (limitBodySize in server.ts: 413 on a declared
    // length over it, and on a chunked body as it grows). Yoga's own limiter would run every body through a
    // TransformStream a second time, which halved the requests per second it answers.
    maxRequestBodySize: false,
    // The API answers any origin (the widget runs on newsrooms' own sites); the widget's and the live blog's scripts
    // and the files under /assets/ set their own `Access-Control-Allow-Origin: *`, which keeps one cached copy for
    // every site.
    cors: (request) => {
      const { pathname } = new URL(request.url);
      return SCRIPT_PATHS.includes(pathname) || pathname.startsWith(ASSETS_PREFIX) ? false : {};
    },
    plugins: ledePlugins(deps),
    context: async (initial): Promise<Context> => {
      if (initial.ledeContext) return initial.ledeContext; // a WebSocket operation's (ws/subscribe.ts)
      const { request } = initial as unknown as { request: Request };
      const viewer = await resolveViewer({
        authorization: request.headers.get("authorization"),
        address: () => requestAddress(request, initial, config.trustedProxies),
        over: "http",
      });
      // A subscription over Server-Sent Events lives as long as the stream: no DataLoader cache.
      const longLived = request.headers.get("accept")?.includes("text/event-stream") ?? false;
      return deps.newContext(viewer, { longLived, requestId: requestIdOf(request) });
    },
  });
}
