// B2: a raw `ws` server that broadcasts one event to every socket: the payload Lede sends for a new comment on
// commentEvents (same shape, same size), serialised once. POST /publish with { body, author } publishes; GET
// /clients says how many sockets are open. Prints "READY <port>".
import { createServer } from "node:http";
import { WebSocketServer } from "ws";

let sequence = 0;
const server = createServer((request, response) => {
  if (request.method === "GET") {
    response.end(JSON.stringify({ clients: sockets.clients.size }));
    return;
  }
  const chunks: Buffer[] = [];
  request.on("data", (chunk: Buffer) => chunks.push(chunk));
  request.on("end", () => {
    const { body, author } = JSON.parse(Buffer.concat(chunks).toString("utf8")) as { body: string; author: string };
    sequence++;
    const id = Buffer.from(`Comment:bench-${sequence}`).toString("base64url");
    const frame = JSON.stringify({
      id: "00000000-0000-4000-8000-000000000000",
      type: "next",
      payload: {
        data: {
          commentEvents: {
            kind: "ADDED",
            cursor: Buffer.from(`ce:bench-live-article:${sequence}`).toString("base64url"),
            sequence,
            comment: { id, body, author: { displayName: author } },
          },
        },
      },
    });
    for (const socket of sockets.clients) socket.send(frame);
    response.end("{}");
  });
});
const sockets = new WebSocketServer({ server });
server.listen(0, "127.0.0.1", () => {
  const address = server.address();
  console.log(`READY ${typeof address === "object" && address ? address.port : 0}`);
});
process.on("SIGTERM", () => {
  for (const socket of sockets.clients) socket.terminate();
  server.close(() => process.exit(0));
});
