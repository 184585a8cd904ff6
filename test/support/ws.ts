// A real graphql-ws client on a real port, and a helper that waits until the server has registered a subscription.
import { createClient, type Client } from "graphql-ws";
import WebSocket from "ws";
import { print } from "graphql";
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import type { TestLede } from "./lede.js";

export function wsClient(baseUrl: string, token?: string): Client {
  return createClient({
    url: baseUrl.replace(/^http/, "ws") + "/graphql",
    webSocketImpl: WebSocket,
    retryAttempts: 0,
    lazy: false,
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    onNonLazyError: () => {},
  });
}

export async function until(
  condition: () => boolean | Promise<boolean>,
  what: string,
  timeoutMs = 5000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export interface Collector<R> {
  results: R[];
  errors: unknown[];
  completed: boolean;
  dispose(): void;
}

/** Subscribes and collects what arrives; resolves once the server is running the subscription. */
export async function subscribe<R, V extends Record<string, unknown>>(
  lede: TestLede,
  client: Client,
  document: TypedDocumentNode<R, V>,
  variables: V,
): Promise<Collector<R>> {
  const before = lede.app.server.startedSocketOperations();
  const collector: Collector<R> = { results: [], errors: [], completed: false, dispose: () => {} };
  collector.dispose = client.subscribe<R>(
    { query: print(document), variables },
    {
      next: (value) => {
        if (value.errors) collector.errors.push(value.errors);
        if (value.data) collector.results.push(value.data as R);
      },
      error: (error) => collector.errors.push(error),
      complete: () => {
        collector.completed = true;
      },
    },
  );
  await until(
    () => lede.app.server.startedSocketOperations() > before || collector.errors.length > 0 || collector.completed,
    "the server to register the subscription",
  );
  return collector;
}
