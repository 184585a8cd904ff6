// One validated configuration object, read from the environment once at start. A bad value stops the process with
// one line naming the variable (see main.ts).
import { z } from "zod";

const boolean = z
  .enum(["1", "0", "true", "false", "yes", "no", "on", "off"])
  .transform((value) => ["1", "true", "yes", "on"].includes(value));

const databaseUrl = z
  .string()
  .refine((url) => /^(file:|postgres(ql)?:\/\/)/.test(url), "must start with file:, postgres:// or postgresql://");

/** A comma-separated list of words or phrases, matched case-insensitively as whole words. */
const wordList = z
  .string()
  .default("")
  .transform((list) =>
    list
      .split(",")
      .map((word) => word.trim().toLowerCase())
      .filter(Boolean),
  );

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  HOST: z.string().min(1).default("0.0.0.0"),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  DATABASE_URL: databaseUrl.default("file:./data/lede.db"),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  REDIS_URL: z.string().url().optional(),
  PUBSUB_NAMESPACE: z
    .string()
    .regex(/^[A-Za-z0-9_.-]{1,64}$/, "letters, digits, _ . - only (1–64)")
    .default("lede"),
  GRAPHQL_PATH: z.string().startsWith("/").default("/graphql"),
  GUEST_SESSIONS: boolean.default(true),
  GUEST_SESSION_DAYS: z.coerce.number().int().positive().default(30),
  SEED_ON_START: boolean.default(true),
  MIGRATE_ON_START: boolean.default(true),
  START_FROM_TEMPLATE: boolean.default(true),
  SHUTDOWN_GRACE_MS: z.coerce.number().int().nonnegative().default(10_000),
  LOG_LEVEL: z.enum(["silent", "error", "warn", "info", "debug"]).default("info"),
  COMMENT_RATE_LIMIT_MS: z.coerce.number().int().nonnegative().default(3000),
  COMMENT_EDIT_WINDOW_MINUTES: z.coerce.number().int().nonnegative().default(15),
  PREMODERATE_NEW_ACCOUNTS_HOURS: z.coerce.number().nonnegative().default(0),
  BANNED_WORDS: wordList,
  SUSPECT_WORDS: wordList,
  MAX_LINKS: z.coerce.number().int().nonnegative().default(2),
  FLAGS_TO_PENDING: z.coerce.number().int().positive().default(3),
  /** What becomes of a deleted account's comments: removed (text gone) or anonymised (kept, author "Deleted reader"). */
  DELETED_ACCOUNT_COMMENTS: z.enum(["remove", "anonymise"]).default("remove"),
  WS_INIT_TIMEOUT_MS: z.coerce.number().int().positive().default(5000),
  WS_MAX_SUBSCRIPTIONS: z.coerce.number().int().positive().default(50),
  WS_MAX_FRAME_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(1024 * 1024),
  WS_KEEPALIVE_MS: z.coerce.number().int().nonnegative().default(15_000),
  MAX_DEPTH: z.coerce.number().int().positive().default(15),
  MAX_ALIASES: z.coerce.number().int().nonnegative().default(20),
  // Below graphql-cop's "directive overloading" probe (ten repetitions on one field); our operations use none,
  // and a client's @include/@skip/@defer fit.
  MAX_DIRECTIVES: z.coerce.number().int().nonnegative().default(8),
  MAX_TOKENS: z.coerce.number().int().positive().default(5000),
  MAX_COST: z.coerce.number().int().positive().default(100_000),
  MAX_BODY_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(100 * 1024),
  INTROSPECTION: z.enum(["auto", "on", "off"]).default("auto"),
  ANON_RATE_LIMIT: z.coerce.number().int().nonnegative().optional(),
  TRUSTED_PROXIES: z
    .string()
    .default("")
    .transform((list) =>
      list
        .split(",")
        .map((ip) => ip.trim())
        .filter(Boolean),
    ),
  REQUEST_TIMEOUT_MS: z.coerce.number().int().positive().default(30_000),
  QUERY_TIMEOUT_MS: z.coerce.number().int().positive().default(15_000),
  JWT_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  JWT_JWKS_URL: z.string().url().optional(),
  JWT_ISSUER: z.string().min(1).optional(),
  JWT_AUDIENCE: z.string().min(1).optional(),
  JWT_ROLE_CLAIM: z.string().min(1).default("role"),
  RESPONSE_CACHE: boolean.default(true),
  RESPONSE_CACHE_MAX_MB: z.coerce.number().positive().max(100_000).default(64),
  RESPONSE_CACHE_GRACE_MS: z.coerce.number().int().min(0).max(60_000).default(1000),
  PUBLIC_SITE_URL: z.string().url().default("https://lede.example"),
  SITE_TITLE: z.string().min(1).default("Lede"),
  WEBHOOK_DISPATCH: boolean.default(true),
  WEBHOOK_POLL_MS: z.coerce.number().int().positive().default(1000),
  WEBHOOK_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
  WEBHOOK_RETRY_BASE_MS: z.coerce.number().int().positive().default(30_000),
  WEBHOOK_MAX_ATTEMPTS: z.coerce.number().int().positive().max(30).default(14),
  WEBHOOK_DISABLE_AFTER_HOURS: z.coerce.number().positive().default(72),
  WEBHOOK_ALLOWED_ADDRESSES: wordList,
  SCHEDULER: boolean.default(true),
  SCHEDULER_POLL_MS: z.coerce.number().int().positive().default(1000),
});

export type Env = z.input<typeof schema>;

export interface Config {
  env: "development" | "production" | "test";
  host: string;
  port: number;
  databaseUrl: string;
  /** PostgreSQL connections per instance. */
  databasePoolSize: number;
  redisUrl: string | undefined;
  /** Prefix of every pub/sub channel, so that deployments sharing one Redis do not hear each other. */
  pubsubNamespace: string;
  graphqlPath: string;
  guestSessions: boolean;
  guestSessionDays: number;
  seedOnStart: boolean;
  migrateOnStart: boolean;
  /** A new SQLite database starts as a copy of the install's template database (platform/template.ts). */
  startFromTemplate: boolean;
  shutdownGraceMs: number;
  logLevel: "silent" | "error" | "warn" | "info" | "debug";
  comments: {
    /** Minimum time between two comments of one account; 0 turns the limit off. */
    rateLimitMs: number;
    editWindowMs: number;
    /** Accounts younger than this have their comments held for review; 0 turns it off. */
    premoderateNewAccountsMs: number;
    bannedWords: string[];
    suspectWords: string[];
    maxLinks: number;
    flagsToPending: number;
    onAccountDeletion: "remove" | "anonymise";
  };
  limits: {
    depth: number;
    aliases: number;
    directives: number;
    tokens: number;
    /** Largest estimated cost of one operation: fields times the page sizes above them. */
    cost: number;
    bodyBytes: number;
  };
  /** Introspection: "auto" = always in development; in production only for ANALYST, EDITOR and ADMIN tokens. */
  introspection: "auto" | "on" | "off";
  /** Anonymous requests a minute per client address (0: off). */
  anonRateLimit: number;
  /** Proxies whose X-Forwarded-For names the client. */
  trustedProxies: string[];
  /** How long a client may take to send one HTTP request (headers and body). */
  requestTimeoutMs: number;
  /** How long a query may run before it is answered with TIMEOUT (mutations run to the end of their transaction). */
  queryTimeoutMs: number;
  /** JWTs from an external identity provider, when JWT_SECRET (HS256) or JWT_JWKS_URL is set. */
  jwt: { secret?: string; jwksUrl?: string; issuer?: string; audience?: string; roleClaim: string } | undefined;
  /** The server-side cache of anonymous query results (RESPONSE_CACHE=off turns it off; HTTP ETags stay). */
  responseCache: { enabled: boolean; maxBytes: number; graceMs: number };
  ws: {
    initTimeoutMs: number;
    maxSubscriptions: number;
    maxFrameBytes: number;
    keepAliveMs: number;
  };
  /** The public site: feeds and sitemaps link to it. */
  site: { url: string; title: string };
  webhooks: {
    /** Whether this instance sends deliveries (they are written to the outbox either way). */
    dispatch: boolean;
    pollMs: number;
    /** For one attempt, connection to last byte. */
    timeoutMs: number;
    /** The first retry's delay; each next one doubles (with jitter). */
    retryBaseMs: number;
    maxAttempts: number;
    /** An endpoint that has failed for this long is disabled. */
    disableAfterMs: number;
    /** Addresses or CIDR ranges that receivers may have although they are private (internal receivers). */
    allowedAddresses: string[];
  };
  scheduler: { enabled: boolean; pollMs: number };
}

export class ConfigError extends Error {
  override name = "ConfigError";
}

/** Reads the configuration from an environment (process.env by default); throws ConfigError naming the bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const known = Object.fromEntries(
    Object.keys(schema.shape).flatMap((key) => (env[key] === undefined || env[key] === "" ? [] : [[key, env[key]]])),
  );
  const parsed = schema.safeParse(known);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const variable = String(issue.path[0] ?? "configuration");
    throw new ConfigError(`invalid ${variable}=${JSON.stringify(env[variable] ?? "")}: ${issue.message}`);
  }
  const c = parsed.data;
  return {
    env: c.NODE_ENV,
    host: c.HOST,
    port: c.PORT,
    databaseUrl: c.DATABASE_URL,
    databasePoolSize: c.DATABASE_POOL_SIZE,
    redisUrl: c.REDIS_URL,
    pubsubNamespace: c.PUBSUB_NAMESPACE,
    graphqlPath: c.GRAPHQL_PATH,
    guestSessions: c.GUEST_SESSIONS,
    guestSessionDays: c.GUEST_SESSION_DAYS,
    seedOnStart: c.SEED_ON_START,
    migrateOnStart: c.MIGRATE_ON_START,
    startFromTemplate: c.START_FROM_TEMPLATE,
    shutdownGraceMs: c.SHUTDOWN_GRACE_MS,
    logLevel: c.LOG_LEVEL,
    comments: {
      rateLimitMs: c.COMMENT_RATE_LIMIT_MS,
      editWindowMs: c.COMMENT_EDIT_WINDOW_MINUTES * 60_000,
      premoderateNewAccountsMs: c.PREMODERATE_NEW_ACCOUNTS_HOURS * 3_600_000,
      bannedWords: c.BANNED_WORDS,
      suspectWords: c.SUSPECT_WORDS,
      maxLinks: c.MAX_LINKS,
      flagsToPending: c.FLAGS_TO_PENDING,
      onAccountDeletion: c.DELETED_ACCOUNT_COMMENTS,
    },
    limits: {
      depth: c.MAX_DEPTH,
      aliases: c.MAX_ALIASES,
      directives: c.MAX_DIRECTIVES,
      tokens: c.MAX_TOKENS,
      cost: c.MAX_COST,
      bodyBytes: c.MAX_BODY_BYTES,
    },
    introspection: c.INTROSPECTION,
    anonRateLimit: c.ANON_RATE_LIMIT ?? (c.NODE_ENV === "production" ? 600 : 0),
    trustedProxies: c.TRUSTED_PROXIES,
    requestTimeoutMs: c.REQUEST_TIMEOUT_MS,
    queryTimeoutMs: c.QUERY_TIMEOUT_MS,
    jwt:
      c.JWT_SECRET || c.JWT_JWKS_URL
        ? {
            secret: c.JWT_SECRET,
            jwksUrl: c.JWT_JWKS_URL,
            issuer: c.JWT_ISSUER,
            audience: c.JWT_AUDIENCE,
            roleClaim: c.JWT_ROLE_CLAIM,
          }
        : undefined,
    responseCache: {
      enabled: c.RESPONSE_CACHE,
      maxBytes: Math.round(c.RESPONSE_CACHE_MAX_MB * 1024 * 1024),
      graceMs: c.RESPONSE_CACHE_GRACE_MS,
    },
    ws: {
      initTimeoutMs: c.WS_INIT_TIMEOUT_MS,
      maxSubscriptions: c.WS_MAX_SUBSCRIPTIONS,
      maxFrameBytes: c.WS_MAX_FRAME_BYTES,
      keepAliveMs: c.WS_KEEPALIVE_MS,
    },
    site: { url: c.PUBLIC_SITE_URL.replace(/\/+$/, ""), title: c.SITE_TITLE },
    webhooks: {
      dispatch: c.WEBHOOK_DISPATCH,
      pollMs: c.WEBHOOK_POLL_MS,
      timeoutMs: c.WEBHOOK_TIMEOUT_MS,
      retryBaseMs: c.WEBHOOK_RETRY_BASE_MS,
      maxAttempts: c.WEBHOOK_MAX_ATTEMPTS,
      disableAfterMs: c.WEBHOOK_DISABLE_AFTER_HOURS * 3_600_000,
      allowedAddresses: c.WEBHOOK_ALLOWED_ADDRESSES,
    },
    scheduler: { enabled: c.SCHEDULER, pollMs: c.SCHEDULER_POLL_MS },
  };
}
