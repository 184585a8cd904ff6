// Prometheus metrics at /metrics: requests and latency by operation, errors by code, open sockets, active
// subscriptions, and the lag between a comment event's commit and its delivery to a subscriber. One registry per
// server, so that several servers in one process (tests, benchmarks) do not collide.
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import { getOperationAST, type DocumentNode } from "graphql";
import type { Plugin } from "graphql-yoga";

export interface Metrics {
  registry: Registry;
  /** HTTP requests answered, by status (counted by useMetrics). */
  requests: Counter<"status">;
  /** GraphQL operations over HTTP or WebSockets, by name and type (timed by useMetrics). */
  operations: Histogram<"operation" | "type">;
  /** Errors in GraphQL responses, by extensions.code (counted by useMetrics). */
  errors: Counter<"code">;
  observeFanoutLag(ms: number): void;
}

/** The registry and its metrics; the socket gauges read `sockets` at scrape time. */
export function createMetrics(sockets: { open(): number; operations(): number }): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "lede_process_" });
  const requests = new Counter({
    name: "lede_http_requests_total",
    help: "HTTP requests answered, by status code.",
    labelNames: ["status"],
    registers: [registry],
  });
  const operations = new Histogram({
    name: "lede_graphql_operation_duration_seconds",
    help: "GraphQL operations executed over HTTP or WebSockets, by operation name and type.",
    labelNames: ["operation", "type"],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const errors = new Counter({
    name: "lede_graphql_errors_total",
    help: "Errors in GraphQL responses, by extensions.code.",
    labelNames: ["code"],
    registers: [registry],
  });
  new Gauge({
    name: "lede_websocket_connections",
    help: "Open WebSocket connections.",
    registers: [registry],
    collect() {
      this.set(sockets.open());
    },
  });
  new Gauge({
    name: "lede_active_subscriptions",
    help: "Operations (subscriptions, mostly) running over WebSockets.",
    registers: [registry],
    collect() {
      this.set(sockets.operations());
    },
  });
  const fanoutLag = new Histogram({
    name: "lede_fanout_lag_seconds",
    help: "From the commit of a comment event to its delivery to one live subscriber.",
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5],
    registers: [registry],
  });

  return {
    registry,
    requests,
    operations,
    errors,
    observeFanoutLag: (ms) => fanoutLag.observe(Math.max(ms, 0) / 1000),
  };
}

/** Serves /metrics, and counts what every request and operation did. */
export function useMetrics(metrics: Metrics): Plugin {
  const { registry, requests, operations, errors } = metrics;
  const describe = (document: DocumentNode, name?: string | null) => {
    const operation = getOperationAST(document, name ?? undefined);
    // Only named operations become label values, so a client cannot blow up the number of series.
    return { operation: (operation?.name?.value ?? "anonymous").slice(0, 64), type: operation?.operation ?? "unknown" };
  };
  const countErrors = (result: { errors?: readonly { extensions?: Record<string, unknown> }[] } | undefined) => {
    for (const error of result?.errors ?? []) errors.inc({ code: String(error.extensions?.code ?? "UNKNOWN") });
  };

  return {
    onRequest({ url, endResponse }) {
      if (url.pathname !== "/metrics") return;
      return registry
        .metrics()
        .then((text) => endResponse(new Response(text, { headers: { "content-type": registry.contentType } })));
    },
    onResponse({ response }) {
      requests.inc({ status: String(response.status) });
    },
    onExecute({ args }) {
      const stop = operations.startTimer(describe(args.document, args.operationName));
      return {
        onExecuteDone({ result }) {
          stop();
          if (result && !(Symbol.asyncIterator in result)) countErrors(result);
        },
      };
    },
    onSubscribe({ args }) {
      operations.observe(describe(args.document, args.operationName), 0);
    },
    onResultProcess({ result }) {
      // Request-level errors (bad JSON, limits) never reach execute.
      if (!Array.isArray(result) && result && "errors" in result && !("data" in result)) countErrors(result as never);
    },
  };
}
