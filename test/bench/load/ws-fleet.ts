// A fleet of WebSocket subscribers, run as its own process on the load core (the run may start two). For Lede each
// subscriber is a real graphql-ws client on a socket of its own; for B2 a plain `ws` socket. Every message is
// parsed and checked (a `next` of an ADDED event whose comment body is a benchmark marker, by the expected
// author); the latency of a delivery is the monotonic clock now minus the post time written into the body
// (`bench <phase> <k> <t0 ns>`; CLOCK_MONOTONIC is one clock for every process of the machine).
// Driven over IPC: connect, status, report (of every measured event, or of those numbered from `from` up to, not
// including, `to`: P8 measures two phases on one fleet).
import { createClient, type Client } from "graphql-ws";
import WebSocket from "ws";

export interface FleetConfig {
  url: string;
  count: number;
  mode: "graphql-ws" | "raw";
  query: string;
  variables: Record<string, unknown>;
  author: string;
}

export interface FleetStatus {
  connected: number;
  /** Subscribers that received at least one warm-up event: their subscription is live. */
  warmed: number;
  received: number;
  wrong: number;
  closed: number;
  /** Measured events received, each counted once per subscriber: count × events when nothing is lost. */
  uniqueReceived: number;
  sampleWrong?: string;
}

export interface FleetReport extends FleetStatus {
  /** Milliseconds from post to delivery of every measured event received (in the range asked for). */
  latencies: number[];
  /** Measured events of the range received, each counted once per subscriber. */
  uniqueInRange: number;
  /** Measured events received twice by one subscriber. */
  duplicates: number;
}

const config = JSON.parse(process.argv[2]!) as FleetConfig;
const MARKER = /^bench (w|m) (\d+) (\d+)$/;
const status: FleetStatus = { connected: 0, warmed: 0, received: 0, wrong: 0, closed: 0, uniqueReceived: 0 };
const latencies: number[] = [];
/** The number of the measured event of each latency. */
const eventOf: number[] = [];
let duplicates = 0;
const clients: Client[] = [];
const sockets: WebSocket[] = [];

/** A live-blog update (L1) read like a comment: a POSTED update's text and first author. */
function liveBlogAsComment(event: any) {
  if (!event) return undefined;
  return {
    kind: event.kind === "POSTED" ? "ADDED" : event.kind,
    comment: { body: event.update?.bodyText, author: { displayName: event.update?.authors?.[0]?.name } },
  };
}

function subscriber() {
  let warmed = false;
  const seen = new Set<number>();
  return (message: unknown) => {
    const arrived = process.hrtime.bigint();
    const data = (message as { data?: { commentEvents?: any; liveBlogEvents?: any }; errors?: unknown }).data;
    const event = data?.commentEvents ?? liveBlogAsComment(data?.liveBlogEvents);
    const match = typeof event?.comment?.body === "string" ? MARKER.exec(event.comment.body) : null;
    if (!match || event.kind !== "ADDED" || event.comment.author?.displayName !== config.author) {
      status.wrong++;
      status.sampleWrong ??= JSON.stringify(message).slice(0, 400);
      return;
    }
    status.received++;
    if (!warmed) {
      warmed = true;
      status.warmed++;
    }
    if (match[1] !== "m") return;
    const k = Number(match[2]);
    if (seen.has(k)) {
      duplicates++;
      return;
    }
    seen.add(k);
    status.uniqueReceived++;
    latencies.push(Number(arrived - BigInt(match[3]!)) / 1e6);
    eventOf.push(k);
  };
}

function openGraphqlWs(): Promise<void> {
  return new Promise((connected) => {
    const onMessage = subscriber();
    const client = createClient({
      url: config.url,
      webSocketImpl: WebSocket,
      lazy: false,
      retryAttempts: 0,
      onNonLazyError: () => {},
      on: {
        connected: () => {
          status.connected++;
          connected();
        },
        closed: () => {
          status.closed++;
          connected();
        },
      },
    });
    clients.push(client);
    client.subscribe(
      { query: config.query, variables: config.variables },
      {
        next: onMessage,
        error: (error) => {
          status.wrong++;
          status.sampleWrong ??= String(JSON.stringify(error)).slice(0, 400);
        },
        complete: () => {},
      },
    );
  });
}

function openRaw(): Promise<void> {
  return new Promise((connected) => {
    const onMessage = subscriber();
    const socket = new WebSocket(config.url);
    sockets.push(socket);
    socket.on("open", () => {
      status.connected++;
      connected();
    });
    socket.on("message", (data) => {
      const frame = JSON.parse(data.toString()) as { type: string; payload: unknown };
      if (frame.type === "next") onMessage(frame.payload);
    });
    socket.on("error", () => {});
    socket.on("close", () => {
      status.closed++;
      connected();
    });
  });
}

async function connectAll(): Promise<void> {
  const open = config.mode === "graphql-ws" ? openGraphqlWs : openRaw;
  const batch = 200;
  for (let i = 0; i < config.count; i += batch) {
    await Promise.all(Array.from({ length: Math.min(batch, config.count - i) }, open));
  }
}

function reportOf(from = 0, to = Infinity): FleetReport {
  const inRange = latencies.filter((_, i) => eventOf[i]! >= from && eventOf[i]! < to);
  return { ...status, latencies: inRange, uniqueInRange: inRange.length, duplicates };
}

process.on("message", (message: { cmd: string; id: number; from?: number | null; to?: number | null }) => {
  const reply = (payload: unknown) => process.send!({ id: message.id, payload });
  if (message.cmd === "connect") void connectAll().then(() => reply({ ...status }));
  else if (message.cmd === "status") reply({ ...status });
  else if (message.cmd === "report") {
    reply(reportOf(message.from ?? 0, message.to ?? Infinity));
  } else if (message.cmd === "close") {
    for (const client of clients) void client.dispose();
    for (const socket of sockets) socket.terminate();
    reply({});
    setTimeout(() => process.exit(0), 200);
  }
});
process.stdout.write(`READY fleet of ${config.count}\n`);
