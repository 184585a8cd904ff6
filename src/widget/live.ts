// Follows an article's comment events live: graphql-ws first, Server-Sent Events when WebSockets do not get through.
// Every (re)connection subscribes with `after:` the last cursor received, so the server replays what was missed:
// a dropped connection, a sleeping laptop or a server restart loses nothing, and the caller drops repeats by sequence.
import { createClient as createWsClient } from "graphql-ws/client";
import { createClient as createSseClient } from "graphql-sse";
import { WidgetCommentEventsDocument, type WidgetCommentEventsSubscription } from "./generated/graphql.js";

export type LiveEvent = WidgetCommentEventsSubscription["commentEvents"];
export type Transport = "ws" | "sse";
export type LiveState = "connecting" | "live" | "reconnecting" | "offline" | "stopped";

export interface LiveOptions {
  /** The http(s) URL of Lede's GraphQL endpoint (WebSockets use the same path). */
  endpoint: string;
  articleId: string;
  /** Resume after this event cursor. */
  after: string;
  token: () => string | null;
  transport: "auto" | Transport;
  onEvent(event: LiveEvent): void;
  onState(state: LiveState, transport: Transport): void;
  /** The server refused the subscription itself (a bad token, a cursor it does not know): retrying will not help. */
  onRefused(code: string, message: string): void;
}

export interface LiveStream {
  /** The cursor of the last event received. */
  cursor(): string;
  close(): void;
}

interface Sink {
  next(value: { data?: unknown; errors?: readonly { message: string; extensions?: { code?: unknown } }[] }): void;
  error(error: unknown): void;
  complete(): void;
}

/** Two failed WebSocket attempts before one ever worked: a proxy or a firewall is in the way; SSE from then on. */
const WS_ATTEMPTS_BEFORE_SSE = 2;
const PING_MS = 10_000;
const PONG_TIMEOUT_MS = 5_000;

export function followComments(options: LiveOptions): LiveStream {
  let cursor = options.after;
  let transport: Transport = options.transport === "sse" || typeof WebSocket === "undefined" ? "sse" : "ws";
  let wsEverConnected = false;
  let wsFailures = 0;
  let failures = 0;
  let stopCurrent: (() => void) | null = null;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let closed = false;
  const state = (s: LiveState) => options.onState(s, transport);
  const payload = () => ({
    query: WidgetCommentEventsDocument.toString(),
    variables: { articleId: options.articleId, after: cursor },
  });

  function connect(): void {
    clearTimeout(retryTimer);
    if (closed) return;
    if (!navigator.onLine) {
      state("offline");
      return;
    }
    state(failures === 0 ? "connecting" : "reconnecting");
    // Unsubscribing may itself call complete(): only the attempt that is still current may react.
    let settled = false;
    const sink: Sink = {
      next(result) {
        if (settled) return;
        const refusal = result.errors?.[0];
        if (refusal) return refuse(String(refusal.extensions?.code ?? "INTERNAL_SERVER_ERROR"), refusal.message);
        const event = (result.data as WidgetCommentEventsSubscription | undefined)?.commentEvents;
        if (!event) return;
        failures = 0;
        cursor = event.cursor;
        options.onEvent(event);
      },
      error(error) {
        if (settled) return;
        settled = true;
        // graphql-ws reports a refused operation as a list of GraphQL errors; anything else is the connection.
        if (Array.isArray(error)) {
          const first = error[0] as { message?: string; extensions?: { code?: string } } | undefined;
          return refuse(first?.extensions?.code ?? "INTERNAL_SERVER_ERROR", first?.message ?? "refused");
        }
        const code = (error as { code?: unknown } | null)?.code;
        if (code === 4403) return refuse("UNAUTHENTICATED", "The sign-in token is not valid");
        dropped();
      },
      // The server completes streams when it shuts down (then closes with 1001): come back and resume.
      complete() {
        if (settled) return;
        settled = true;
        dropped();
      },
    };
    const unsubscribe = transport === "ws" ? subscribeOverWebSocket(sink) : subscribeOverSse(sink);
    stopCurrent = () => {
      settled = true;
      unsubscribe();
    };
  }

  function refuse(code: string, message: string): void {
    stop();
    state("stopped");
    options.onRefused(code, message);
  }

  function dropped(): void {
    stop();
    if (closed) return;
    if (transport === "ws" && !wsEverConnected && options.transport === "auto") {
      if (++wsFailures >= WS_ATTEMPTS_BEFORE_SSE) transport = "sse";
    }
    failures++;
    state(navigator.onLine ? "reconnecting" : "offline");
    if (!navigator.onLine) return; // the "online" event reconnects
    // Exponential backoff with jitter (0.5 s … 30 s), so a restarted server is not hit by every reader at once.
    const delay = Math.min(30_000, 500 * 2 ** Math.min(failures - 1, 6)) + Math.random() * 500;
    retryTimer = setTimeout(connect, delay);
  }

  function stop(): void {
    const current = stopCurrent;
    stopCurrent = null;
    current?.();
  }

  function subscribeOverWebSocket(sink: Sink): () => void {
    let pongTimer: ReturnType<typeof setTimeout> | undefined;
    const bearer = options.token();
    const client = createWsClient({
      url: options.endpoint.replace(/^http/, "ws"),
      connectionParams: bearer ? { authorization: `Bearer ${bearer}` } : {},
      lazy: true,
      retryAttempts: 0,
      keepAlive: PING_MS,
      on: {
        connected: () => {
          wsEverConnected = true;
          state("live");
        },
        // A socket can die without a close (a phone changing networks): no pong in time means it is gone.
        ping: (received) => {
          if (!received) pongTimer = setTimeout(() => client.terminate(), PONG_TIMEOUT_MS);
        },
        pong: (received) => {
          if (received) clearTimeout(pongTimer);
        },
        closed: () => clearTimeout(pongTimer),
      },
    });
    const unsubscribe = client.subscribe(payload(), sink as never);
    return () => {
      clearTimeout(pongTimer);
      unsubscribe();
      void client.dispose();
    };
  }

  function subscribeOverSse(sink: Sink): () => void {
    const bearer = options.token();
    const client = createSseClient({
      url: options.endpoint,
      credentials: "omit",
      retryAttempts: 0,
      headers: (): Record<string, string> => (bearer ? { authorization: `Bearer ${bearer}` } : {}),
      on: { connected: () => state("live") },
    });
    const unsubscribe = client.subscribe(payload(), sink as never);
    return () => {
      unsubscribe();
      client.dispose();
    };
  }

  // The browser knows before any timeout does: stop on "offline", resume from the cursor on "online".
  const onOffline = () => {
    stop();
    clearTimeout(retryTimer);
    state("offline");
  };
  const onOnline = () => {
    if (closed) return;
    stop();
    failures = 0;
    connect();
  };
  addEventListener("offline", onOffline);
  addEventListener("online", onOnline);
  connect();

  return {
    cursor: () => cursor,
    close() {
      closed = true;
      clearTimeout(retryTimer);
      removeEventListener("offline", onOffline);
      removeEventListener("online", onOnline);
      stop();
      state("stopped");
    },
  };
}
