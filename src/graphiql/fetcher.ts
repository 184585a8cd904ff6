// How Lede's GraphiQL sends an operation. Yoga's own fetcher parses the query in the browser first, so a syntax
// error never reached the server: GraphiQL showed the parser's exception, minified stack and all. This one sends
// the text as written and shows what Lede answers (for a syntax error: GraphQL's message and its line and column),
// and turns every failure of its own (no answer, not JSON, a dropped socket) into a GraphQL error with a plain
// message, never an exception. Queries and mutations go over HTTP (an answer with @defer or @stream arrives as
// Server-Sent Events); subscriptions over graphql-ws on the same path, with the Headers panel as connection params
// (`Authorization` signs the socket in).
import { createClient } from "graphql-ws/client";

export interface FetcherParams {
  query: string;
  operationName?: string | null;
  variables?: Record<string, unknown> | null;
}

/** What GraphiQL knows of the editor's document: its parsed operations (when it parses). */
interface DocumentLike {
  definitions: readonly { kind: string; operation?: string; name?: { value: string } }[];
  loc?: { source?: { body?: string } };
}

export interface FetcherOpts {
  headers?: Record<string, unknown>;
  documentAST?: DocumentLike | null;
}

export interface Result {
  data?: unknown;
  errors?: readonly unknown[];
  [key: string]: unknown;
}

interface Observer {
  next(result: Result): void;
  error(error: unknown): void;
  complete(): void;
}

export interface Observable {
  subscribe(observer: Observer): { unsubscribe(): void };
}

/** JSON for single results, Server-Sent Events for incremental ones (@defer, @stream): Yoga picks by result. */
const ACCEPT = "application/graphql-response+json, application/json, text/event-stream";

const failure = (message: string): Result => ({ errors: [{ message }] });
const reason = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function createLedeFetcher(endpoint: string) {
  const socketUrl = endpoint.replace(/^http/, "ws");
  return (params: FetcherParams, opts: FetcherOpts = {}): Promise<Result | Observable> | Observable => {
    const headers = Object.fromEntries(
      Object.entries(opts.headers ?? {}).map(([name, value]) => [name, String(value)]),
    );
    const request = { query: params.query, operationName: params.operationName ?? null, variables: params.variables };
    if (isSubscription(params, opts.documentAST)) return overWebSocket(socketUrl, request, headers);
    return overHttp(endpoint, request, headers);
  };
}

/**
 * Whether the operation to run is a subscription, by GraphiQL's parse of the editor. GraphiQL keeps the last
 * document that parsed, so one that is not the text being sent (a syntax error since) says nothing: HTTP then, where
 * Lede answers the error (and would serve a subscription as Server-Sent Events).
 */
function isSubscription(params: FetcherParams, document: DocumentLike | null | undefined): boolean {
  const parsedText = document?.loc?.source?.body;
  if (!document || parsedText === undefined || !params.query.startsWith(parsedText)) return false;
  const operations = document.definitions.filter((definition) => definition.kind === "OperationDefinition");
  const operation = params.operationName
    ? operations.find((definition) => definition.name?.value === params.operationName)
    : operations.length === 1
      ? operations[0]
      : undefined;
  return operation?.operation === "subscription";
}

async function overHttp(
  endpoint: string,
  request: FetcherParams,
  headers: Record<string, string>,
): Promise<Result | Observable> {
  const abort = new AbortController();
  let response: Response;
  try {
    response = await fetch(endpoint, {
      method: "POST",
      headers: { "content-type": "application/json", accept: ACCEPT, ...headers },
      body: JSON.stringify(request),
      credentials: "same-origin",
      signal: abort.signal,
    });
  } catch (error) {
    return failure(`No answer from ${endpoint}: ${reason(error)}`);
  }
  if ((response.headers.get("content-type") ?? "").startsWith("text/event-stream")) {
    return eventStream(response, abort);
  }
  const text = await response.text().catch(() => "");
  try {
    const result: unknown = JSON.parse(text);
    if (result && typeof result === "object" && !Array.isArray(result)) return result as Result;
  } catch {
    // not JSON: said below
  }
  return failure(`${endpoint} answered ${response.status} ${response.statusText} without a GraphQL result`);
}

/** Yoga's Server-Sent Events: `event: next` with a result as data, then `event: complete`. */
function eventStream(response: Response, abort: AbortController): Observable {
  return {
    subscribe(observer) {
      let open = true;
      const finish = (last?: Result) => {
        if (!open) return;
        if (last) observer.next(last);
        open = false;
        observer.complete();
      };
      void (async () => {
        const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
        let buffered = "";
        try {
          for (let chunk = await reader.read(); !chunk.done && open; chunk = await reader.read()) {
            buffered += chunk.value.replace(/\r\n/g, "\n");
            let end: number;
            while ((end = buffered.indexOf("\n\n")) >= 0) {
              const event = buffered.slice(0, end);
              buffered = buffered.slice(end + 2);
              const name = /^event: ?(.*)$/m.exec(event)?.[1];
              const data = [...event.matchAll(/^data: ?(.*)$/gm)].map((match) => match[1]).join("\n");
              if (name === "complete") return finish();
              if (name === "next" && data) observer.next(JSON.parse(data) as Result);
            }
          }
          finish();
        } catch (error) {
          finish(open ? failure(`The answer's stream broke off: ${reason(error)}`) : undefined);
        }
      })();
      return {
        unsubscribe() {
          open = false;
          abort.abort();
        },
      };
    },
  };
}

function overWebSocket(url: string, request: FetcherParams, headers: Record<string, string>): Observable {
  return {
    subscribe(observer) {
      // One socket per run, signed in with this run's headers; it goes when the subscription does.
      const client = createClient({ url, connectionParams: headers, lazy: true, retryAttempts: 0 });
      let open = true;
      const finish = (last?: Result) => {
        if (!open) return;
        open = false;
        if (last) observer.next(last);
        observer.complete();
        void client.dispose();
      };
      const stop = client.subscribe(
        { query: request.query, operationName: request.operationName, variables: request.variables ?? undefined },
        {
          next: (result) => open && observer.next(result as Result),
          error: (error) => finish(socketFailure(error)),
          complete: () => finish(),
        },
      );
      return {
        unsubscribe() {
          open = false;
          stop();
          void client.dispose();
        },
      };
    },
  };
}

/** graphql-ws fails with the operation's GraphQL errors, a CloseEvent, or an Error. */
function socketFailure(error: unknown): Result {
  if (Array.isArray(error)) return { errors: error };
  const close = error as { code?: unknown; reason?: unknown } | null;
  if (typeof close?.code === "number") {
    return failure(`The WebSocket closed (${close.code}${close.reason ? `: ${String(close.reason)}` : ""})`);
  }
  if (error instanceof Event) return failure(`The WebSocket to ${new URL(location.href).host} could not connect`);
  return failure(`The WebSocket failed: ${reason(error)}`);
}
