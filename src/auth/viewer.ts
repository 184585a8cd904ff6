// Who is asking: one answer for HTTP requests and for WebSocket connections and operations alike. The bearer token is
// checked, the anonymous rate limit counts what it must, and a refusal is one of two typed errors, InvalidTokenError
// or RateLimitedError, which each transport says its own way (HTTP: 401, or 429 with Retry-After; a socket: closed
// with 4403 or 4429 at connect, an operation's error afterwards).
import type { Config } from "../platform/config.js";
import type { Prisma } from "../platform/db.js";
import type { Account } from "../generated/prisma/client.js";
import { LedeError } from "../errors.js";
import { tooManyRequests, tooManyRequestsOverHttp, type RateLimiter } from "../plugins/rate-limit.js";
import { createAuthenticator } from "./authenticate.js";

export class InvalidTokenError extends LedeError {
  constructor() {
    // extensions.http: yoga answers 401 (and leaves it out of the body).
    super("UNAUTHENTICATED", "The bearer token is not valid (unknown, revoked or expired)", { http: { status: 401 } });
  }
}

export interface ViewerQuestion {
  /** The Authorization header, or a socket's `authorization` connection param: whatever the client sent there. */
  authorization: unknown;
  /** The client's address, read only when the rate limit counts this question. */
  address: () => string;
  over: "http" | "socket";
}

/** The account a question's token names, or null for an anonymous one; throws InvalidTokenError or RateLimitedError. */
export type ResolveViewer = (question: ViewerQuestion) => Promise<Account | null>;

export function createViewerResolver(deps: {
  prisma: Prisma;
  jwt: Config["jwt"];
  rateLimiter: RateLimiter | null;
  clock: () => Date;
}): ResolveViewer {
  const authenticate = createAuthenticator(deps.prisma, deps.jwt);
  return async ({ authorization, address, over }) => {
    if (authorization != null && typeof authorization !== "string") throw new InvalidTokenError();
    const auth = await authenticate(authorization, deps.clock());
    if (auth.kind === "account") return auth.account;
    // What counts against the anonymous rate limit. Over HTTP every anonymous request has been counted already,
    // before anything parsed it (useAnonymousRateLimit), and bad tokens count here, so guessing tokens is rate limited
    // too. A socket with a bad token is closed at once; its anonymous connects and operations count.
    const counted = over === "http" ? auth.kind === "invalid" : auth.kind === "anonymous";
    const retryAfter = counted && deps.rateLimiter ? await deps.rateLimiter.hit(address()) : null;
    if (retryAfter !== null) throw over === "http" ? tooManyRequestsOverHttp(retryAfter) : tooManyRequests(retryAfter);
    if (auth.kind === "invalid") throw new InvalidTokenError();
    return null;
  };
}
