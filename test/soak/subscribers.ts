// The soak's live readers: graphql-ws clients following an article's comment events from a cursor. Steady ones keep
// one subscription for the whole run; reconnecting ones close it every so often and resume from their last cursor on
// the other instance, as a reader reloading the page would. Every event is recorded: what arrived, twice, out of
// order, broken; and every subscription that ended when nobody asked it to.
import { print } from "graphql";
import { createClient, type Client } from "graphql-ws";
import WebSocket from "ws";
import { encodeEventCursor } from "../../src/services/comments/events.js";
import { CommentEventsDocument } from "../generated/graphql.js";
import type { Clock, SoakArticle } from "./http-load.js";

export interface SubscriberRecord {
  name: string;
  article: number;
  reconnecting: boolean;
  /** The event sequence it started after: it must receive every event after this one. */
  startSeq: number;
  /** First arrival (ms since the soak started) and comment id of each event sequence. */
  received: Map<number, { at: number; commentId: string }>;
  duplicates: number;
  outOfOrder: number;
  /** Events that arrived with errors in place of the comment (a subscription refused at its start, mostly). */
  broken: Incident[];
  /** Subscriptions that ended by themselves (an error or a completion), with why. */
  ended: Incident[];
  /** Subscriptions opened after the first (resumptions). */
  resumed: number;
}

export interface Incident {
  /** ms since the soak started */
  at: number;
  instance: number;
  why: string;
}

export interface Subscriber {
  record: SubscriberRecord;
  stop(): Promise<void>;
}

const SUBSCRIPTION = print(CommentEventsDocument);

function connect(baseUrl: string): Client {
  return createClient({
    url: baseUrl.replace(/^http/, "ws") + "/graphql",
    webSocketImpl: WebSocket,
    retryAttempts: 0,
    lazy: false,
    onNonLazyError: () => {},
  });
}

export function startSubscriber(options: {
  name: string;
  instances: string[];
  /** The instance it connects to first; a reconnecting subscriber moves to the next one each time. */
  instance: number;
  article: SoakArticle;
  articleIndex: number;
  startSeq: number;
  /** Close and resume from the last cursor this often; steady when absent. */
  reconnectEveryMs?: number;
  clock: Clock;
}): Subscriber {
  const { instances, article, clock } = options;
  const record: SubscriberRecord = {
    name: options.name,
    article: options.articleIndex,
    reconnecting: options.reconnectEveryMs !== undefined,
    startSeq: options.startSeq,
    received: new Map(),
    duplicates: 0,
    outOfOrder: 0,
    broken: [],
    ended: [],
    resumed: 0,
  };
  let cursor = encodeEventCursor(article.rowId, options.startSeq);
  let highest = options.startSeq;
  let instance = options.instance;
  let stopped = false;
  let current: { client: Client; unsubscribe: () => void; leaving: boolean } | undefined;

  const open = () => {
    const session = { client: connect(instances[instance]!), unsubscribe: () => {}, leaving: false };
    current = session;
    const ended = (why: string) => {
      if (session.leaving || stopped) return;
      record.ended.push({ at: clock(), instance, why });
      // Like a widget: resume from the last cursor, shortly.
      session.leaving = true;
      void session.client.dispose();
      setTimeout(() => stopped || reopen(), 1000);
    };
    session.unsubscribe = session.client.subscribe(
      { query: SUBSCRIPTION, variables: { articleId: article.id, after: cursor } },
      {
        next: (value) => {
          if (session.leaving) return;
          const event = (value.data as any)?.commentEvents;
          if (value.errors?.length || !event) {
            record.broken.push({ at: clock(), instance, why: JSON.stringify(value.errors ?? value).slice(0, 300) });
            return;
          }
          const seq = event.sequence as number;
          if (record.received.has(seq)) record.duplicates++;
          else record.received.set(seq, { at: clock(), commentId: event.comment.id });
          if (seq < highest) record.outOfOrder++;
          highest = Math.max(highest, seq);
          cursor = event.cursor;
        },
        error: (error) =>
          ended(`error ${error instanceof Error ? error.message : JSON.stringify(error).slice(0, 300)}`),
        complete: () => ended("completed"),
      },
    );
  };
  const close = async () => {
    const session = current;
    if (!session) return;
    session.leaving = true;
    session.unsubscribe();
    await session.client.dispose();
  };
  const reopen = () => {
    record.resumed++;
    open();
  };
  open();
  const timer = options.reconnectEveryMs
    ? setInterval(() => {
        void close().then(() => {
          if (stopped) return;
          instance = (instance + 1) % instances.length;
          reopen();
        });
      }, options.reconnectEveryMs)
    : undefined;
  return {
    record,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await close();
    },
  };
}
