// Every yoga plugin of Lede, in the one order they must run in, and why, beside each entry. Yoga calls a hook of every
// plugin in list order: onRequest stops at the first plugin that answers (endResponse), onResponse runs for all of
// them, and where several set a function (subscribe), the last one wins. Yoga's own plugins (health check, CORS, the
// request parsers) come before these, its error masking after.
import type { GraphQLSchema } from "graphql";
import { useReadinessCheck, type YogaServerOptions } from "graphql-yoga";
import { useDeferStream } from "@graphql-yoga/plugin-defer-stream";
import { blockFieldSuggestionsPlugin } from "@escape.tech/graphql-armor-block-field-suggestions";
import { useHttpCacheHeaders, useHttpCacheParams } from "../caching/http-cache.js";
import { useLedeResponseCache, type LedeResponseCache } from "../caching/response-cache.js";
import type { Clock, Context } from "../context.js";
import type { Database } from "../platform/db.js";
import type { Config } from "../platform/config.js";
import type { Logger } from "../platform/logger.js";
import { createAssetCatalog } from "../http/assets.js";
import { useCompression } from "./compression.js";
import { defineWidgetAssets, useEmbedScript } from "./embed.js";
import { useFeeds } from "./feeds.js";
import { useGraphiQL } from "./graphiql.js";
import { useHomePage } from "./home-page.js";
import { useHttpGuards } from "./http-guards.js";
import { useLiveBlogScript } from "./liveblog-script.js";
import { usePerOperationLimits, useQueryTimeout } from "./limits.js";
import { useMetrics, type Metrics } from "./metrics.js";
import { useModerationConsole } from "./moderation-console.js";
import { usePersistedQueries } from "./persisted-queries.js";
import { useAnonymousRateLimit, type RateLimiter } from "./rate-limit.js";
import { useRequestLog } from "./request-log.js";
import { useSharedSubscriptionExecution, type SharedExecutionCounts } from "./shared-execution.js";
import { useStaticAssets } from "./static-assets.js";

export interface LedePluginDeps {
  config: Config;
  logger: Logger;
  schema: GraphQLSchema;
  metrics: Metrics;
  rateLimiter: RateLimiter | null;
  /** Null when RESPONSE_CACHE=off. */
  responseCache: LedeResponseCache | null;
  eventExecutions: SharedExecutionCounts;
  /** /ready: whether the database answers. */
  isReady: () => Promise<boolean>;
  /** The feeds and sitemaps read the articles. */
  db: Pick<Database, "prisma">;
  clock: Clock;
}

/** As createYoga takes them: plugins of yoga, of envelop and our own, whose context types differ. */
type YogaPlugins = NonNullable<YogaServerOptions<{}, Context>["plugins"]>;

export function ledePlugins(deps: LedePluginDeps): YogaPlugins {
  const { config } = deps;
  // The hashed files under /assets/; the plugins that serve pages and scripts declare their groups in it.
  const assets = createAssetCatalog();
  defineWidgetAssets(assets, config.graphqlPath, deps.logger);
  return [
    // First, so that the metrics and the request log (their onResponse runs after its) see the 304s and the
    // Cache-Control it makes.
    useHttpCacheHeaders(config.graphqlPath, deps.schema),
    // Has only an onResponse, which must come after the HTTP cache's (whose ETag hashes the uncompressed answer and
    // whose 304s it leaves alone) and before the request log's (which sets a header on the response as sent).
    useCompression(),
    // Answers /metrics in onRequest; counts every response by the status the HTTP cache left it with.
    useMetrics(deps.metrics),
    // Answers the widget's script in onRequest, before the rate limit: loading it does not count against an address.
    useEmbedScript(assets),
    // Answers the moderation console's page and files (/moderate) in onRequest, like the widget's script and for the
    // same reason: before the rate limit, so opening the console does not count against a newsroom's address.
    useModerationConsole(config.graphqlPath, assets),
    // The live blog's script, for the same reason and in the same place as the widget's: a static file, no database.
    useLiveBlogScript(assets),
    // GraphiQL's page (a browser's GET on the GraphQL path; /graphiql in production), the same way: no database.
    useGraphiQL(config, assets),
    // The hashed files under /assets/ (GraphiQL's, the console's, the widget's), after the plugins above have
    // declared their groups, and before the rate limit like them.
    useStaticAssets(assets, deps.logger),
    // The home page (/) with the static files above: no database, and before the rate limit.
    useHomePage(config),
    // In onRequest, before anything parses the request: an anonymous client past its limit costs nothing more.
    useAnonymousRateLimit(deps.rateLimiter, config.trustedProxies),
    // Feeds and sitemaps in onRequest, after the rate limit (unlike the widget's script, each one reads the
    // database, so an address past its limit must not reach it through them) and before anything GraphQL.
    useFeeds({ db: deps.db, clock: deps.clock, site: config.site, logger: deps.logger }),
    // JSON-only POST (415) in onRequest; the introspection gate at execute.
    useHttpGuards(config),
    // Depth, aliases, directives, tokens and cost, then the query timeout: for HTTP and WebSockets alike.
    usePerOperationLimits(config.limits),
    useQueryTimeout(config.queryTimeoutMs),
    ...(config.env === "production" ? [blockFieldSuggestionsPlugin()] : []),
    useDeferStream(),
    // Before useHttpCacheParams: a request that sends only a query's hash has its query once this has run.
    usePersistedQueries(),
    // After the persisted queries (above), and before the response cache, which may answer in onParams: records
    // what was asked, for useHttpCacheHeaders.
    useHttpCacheParams(),
    ...(deps.responseCache ? [useLedeResponseCache(deps.responseCache)] : []),
    useReadinessCheck({ endpoint: "/ready", check: () => deps.isReady() }),
    // The last plugin that sets a subscribe function, so that its subscribe function is the one that runs.
    useSharedSubscriptionExecution(deps.eventExecutions),
    // Last: its onResponse logs and names the response as it is finally sent. Its onRequest (which picks the id) runs
    // only for requests that no plugin above answered in onRequest.
    useRequestLog(deps.logger),
  ];
}
