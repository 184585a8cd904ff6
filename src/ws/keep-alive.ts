// Keep-alive: ping every socket; one that has not answered the previous ping is gone, and is dropped.
import type { WebSocketServer } from "ws";

/** Unsent bytes a WebSocket may hold before the server drops it as a reader that has stopped reading. */
const MAX_UNSENT_BYTES = 8 * 1024 * 1024;

/** Pings every socket every `intervalMs` (0: never); returns the function that stops it. */
export function keepSocketsAlive(wsServer: WebSocketServer, intervalMs: number): () => void {
  const alive = new WeakMap<object, boolean>();
  wsServer.on("connection", (socket) => {
    alive.set(socket, true);
    socket.on("pong", () => alive.set(socket, true));
  });
  const timer =
    intervalMs > 0
      ? setInterval(() => {
          for (const socket of wsServer.clients) {
            // A reader that stopped reading: its unsent frames would pile up in memory without end.
            if (alive.get(socket) === false || socket.bufferedAmount > MAX_UNSENT_BYTES) {
              socket.terminate();
              continue;
            }
            alive.set(socket, false);
            socket.ping();
          }
        }, intervalMs)
      : undefined;
  timer?.unref();
  return () => clearInterval(timer);
}
