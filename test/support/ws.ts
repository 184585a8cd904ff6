// graphql-ws in tests: a real client on a real port, a collector that waits until the server has registered a
// subscription, one-shot operations, and a bare socket for what a well-behaved client would never send.
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

/**
 * The clients one describe block opens, closed together: `client(token)` opens one (the base URL is read when it
 * is called, after beforeAll has started the server); `disposeClients()` in afterAll closes them all.
 */
export function wsClientPool(baseUrl: () => string) {
  const open: Client[] = [];
  return {
    client(token?: string): Client {
      const c = wsClient(baseUrl(), token);
      open.push(c);
      return c;
    },
    async disposeClients(): Promise<void> {
      for (const c of open.splice(0)) await c.dispose();
    },
  };
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

/** One operation over graphql-ws: resolves with its first result, or with `{ errors }` when it fails. */
export function firstResult(client: Client, payload: { query: string; variables?: Record<string, unknown> }) {
  return new Promise<unknown>((resolve) => {
    client.subscribe(payload, {
      next: (value) => resolve(value),
      error: (error) => resolve({ errors: error }),
      complete: () => {},
    });
  });
}

/** One operation over graphql-ws run to its end: resolves with its last result, rejects when it fails. */
export function lastResult(client: Client, payload: { query: string; variables?: Record<string, unknown> }) {
  return new Promise<unknown>((resolve, reject) => {
    let result: unknown;
    client.subscribe(payload, {
      next: (value) => (result = value),
      error: reject,
      complete: () => resolve(result),
    });
  });
}

export interface RawSocket {
  socket: WebSocket;
  /** Every message the server sent, parsed, in order. */
  messages: { type: string; id?: string; payload?: unknown }[];
  opened: Promise<void>;
  /** Resolves with the close code. */
  closed: Promise<number>;
  /** Sends a graphql-transport-ws message. */
  send(message: Record<string, unknown>): void;
}

/** A bare graphql-transport-ws socket, for what a well-behaved client would never send. Listens from the start, so
 * that no message and no close code is missed. */
export function rawSocket(baseUrl: string): RawSocket {
  const socket = new WebSocket(baseUrl.replace(/^http/, "ws") + "/graphql", "graphql-transport-ws");
  const messages: RawSocket["messages"] = [];
  socket.on("message", (data) => messages.push(JSON.parse(String(data))));
  return {
    socket,
    messages,
    opened: new Promise((resolve) => socket.on("open", () => resolve())),
    closed: new Promise((resolve) => socket.on("close", (code) => resolve(code))),
    send: (message) => socket.send(JSON.stringify(message)),
  };
}
