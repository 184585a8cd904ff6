// Follows a live blog's events over graphql-ws. Every (re)connection subscribes with `after:` the last cursor it
// received, so the server replays whatever happened meanwhile: a dropped connection or an offline laptop loses
// nothing, and the caller drops repeats by sequence. Offline, it waits for the browser to be online again.
import { createClient, type Client } from "graphql-ws/client";
import { EVENTS_SUBSCRIPTION, type LiveEvent } from "./api.js";

export type FollowState = "connecting" | "live" | "reconnecting" | "offline";

export interface FollowOptions {
  endpoint: string;
  articleId: string;
  after: string;
  onEvent(event: LiveEvent): void;
  onState(state: FollowState): void;
}

const MAX_BACKOFF_MS = 15_000;

export function followLiveBlog(options: FollowOptions): { close(): void } {
  let cursor = options.after;
  let client: Client | null = null;
  let failures = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let closed = false;
  const url = options.endpoint.replace(/^http/, "ws");

  const drop = () => {
    const current = client;
    client = null;
    void current?.dispose();
  };
  const retry = () => {
    drop();
    if (closed) return;
    failures++;
    options.onState("reconnecting");
    clearTimeout(timer);
    timer = setTimeout(connect, Math.min(MAX_BACKOFF_MS, 500 * 2 ** Math.min(failures, 5)));
  };

  function connect(): void {
    clearTimeout(timer);
    if (closed) return;
    if (!navigator.onLine) return options.onState("offline");
    options.onState(failures ? "reconnecting" : "connecting");
    const current = createClient({ url, lazy: false, retryAttempts: 0, keepAlive: 10_000, onNonLazyError: () => {} });
    client = current;
    current.on("connected", () => {
      failures = 0;
      options.onState("live");
    });
    current.on("closed", () => client === current && retry());
    current.subscribe<{ liveBlogEvents: LiveEvent }>(
      { query: EVENTS_SUBSCRIPTION, variables: { articleId: options.articleId, after: cursor } },
      {
        next(result) {
          const event = result.data?.liveBlogEvents;
          if (!event || client !== current) return;
          cursor = event.cursor;
          options.onEvent(event);
        },
        error: () => client === current && retry(),
        complete: () => client === current && retry(),
      },
    );
  }

  const offline = () => {
    drop();
    options.onState("offline");
  };
  const online = () => {
    failures = 0;
    connect();
  };
  window.addEventListener("offline", offline);
  window.addEventListener("online", online);
  connect();
  return {
    close() {
      closed = true;
      clearTimeout(timer);
      window.removeEventListener("offline", offline);
      window.removeEventListener("online", online);
      drop();
    },
  };
}
