// The access log: every response names its request (x-request-id), so a client can quote it and we can find it in
// the logs, and every response is logged with its status and duration.
import { randomUUID } from "node:crypto";
import type { Plugin } from "graphql-yoga";
import type { Logger } from "../platform/logger.js";

// Keyed by the Request object, which is one per request and belongs to one server.
const requestIds = new WeakMap<Request, string>();
const startedAt = new WeakMap<Request, number>();

/** A client's own request id when it is a sane token, else a fresh one. */
function requestIdFrom(header: string | null): string {
  return header && /^[A-Za-z0-9._-]{1,64}$/.test(header) ? header : randomUUID();
}

/** The id the request log gave this request (the context carries it into the logs of what the request does). */
export function requestIdOf(request: Request): string | undefined {
  return requestIds.get(request);
}

export function useRequestLog(logger: Logger): Plugin {
  return {
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
  };
}
