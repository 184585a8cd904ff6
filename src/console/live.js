// The moderation stream over graphql-ws (the graphql-transport-ws protocol, written out here so the console needs no
// library from the internet). Reconnects with a growing delay; the caller refreshes its queue on every (re)connect,
// since this stream does not replay what happened while it was away.
import { graphqlPath, session } from "./api.js";

export function followModeration(query, { onEvent, onState, onRefused }) {
  let socket = null;
  let closed = false;
  let failures = 0;
  let timer;

  function connect() {
    if (closed) return;
    onState(failures === 0 ? "connecting" : "reconnecting");
    const url = new URL(graphqlPath, location.href);
    url.protocol = location.protocol === "https:" ? "wss:" : "ws:";
    socket = new WebSocket(url, "graphql-transport-ws");
    socket.addEventListener("open", () => {
      socket.send(JSON.stringify({ type: "connection_init", payload: { authorization: `Bearer ${session.token()}` } }));
    });
    socket.addEventListener("message", (message) => {
      let frame;
      try {
        frame = JSON.parse(message.data);
      } catch {
        return;
      }
      if (frame.type === "connection_ack") {
        failures = 0;
        socket.send(JSON.stringify({ id: "moderation", type: "subscribe", payload: { query } }));
        onState("live");
      } else if (frame.type === "ping") {
        socket.send(JSON.stringify({ type: "pong" }));
      } else if (frame.type === "next" && frame.payload?.data) {
        onEvent(frame.payload.data.moderationEvents);
      } else if (frame.type === "error") {
        closed = true;
        onRefused(frame.payload?.[0]?.message ?? "The server refused the moderation stream");
        socket.close();
      }
    });
    socket.addEventListener("close", (event) => {
      if (closed) return;
      if (event.code === 4403 || event.code === 4401) {
        closed = true;
        onRefused("Your token is not valid any more (unknown, revoked or expired). Sign in again.");
        return;
      }
      failures++;
      onState("reconnecting");
      timer = setTimeout(connect, Math.min(30_000, 500 * 2 ** Math.min(failures, 6)));
    });
  }

  connect();
  return {
    close() {
      closed = true;
      clearTimeout(timer);
      socket?.close();
    },
  };
}
