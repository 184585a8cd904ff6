// B0 and B1: plain node:http servers, the fastest a Node process answers on this machine.
//   b0: a fixed JSON answer of the same size as Lede's answer to `{ __typename }` (BENCH_FIXED_BODY).
//   b1: the front page from SQLite with prepared statements (front-page-sql.ts), for { variables: { first,
//       comments } }, with the same `extensions` Lede adds (BENCH_EXTENSIONS), byte for byte Lede's answer.
//   b1-pg: the same from PostgreSQL (BENCH_POSTGRES_URL) with node-postgres prepared statements (front-page-pg.ts).
// Prints "READY <port>".
import { createServer } from "node:http";
import { createPostgresFrontPage } from "./front-page-pg.js";
import { createFrontPage } from "./front-page-sql.js";

const mode = process.argv[2];
const fixed = process.env.BENCH_FIXED_BODY ?? "";
const extensions = process.env.BENCH_EXTENSIONS ?? "";
const frontPage =
  mode === "b1"
    ? createFrontPage(process.env.BENCH_SQLITE_FILE!)
    : mode === "b1-pg"
      ? createPostgresFrontPage(process.env.BENCH_POSTGRES_URL!)
      : null;
const headers = { "content-type": "application/json; charset=utf-8" };

const server = createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on("data", (chunk: Buffer) => chunks.push(chunk));
  request.on("end", async () => {
    if (!frontPage) {
      response.writeHead(200, { ...headers, "content-length": Buffer.byteLength(fixed) }).end(fixed);
      return;
    }
    try {
      const { variables } = JSON.parse(Buffer.concat(chunks).toString("utf8")) as {
        variables: { first: number; comments: number };
      };
      const data = JSON.stringify(await frontPage.frontPage(variables.first, variables.comments));
      const body = extensions ? `{"data":${data},"extensions":${extensions}}` : `{"data":${data}}`;
      response.writeHead(200, { ...headers, "content-length": Buffer.byteLength(body) }).end(body);
    } catch (error) {
      response.writeHead(400, headers).end(JSON.stringify({ errors: [{ message: String(error) }] }));
    }
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, "127.0.0.1", () => {
  const address = server.address();
  console.log(`READY ${typeof address === "object" && address ? address.port : 0}`);
});
process.on("SIGTERM", () => {
  server.close();
  void frontPage?.close();
  server.closeAllConnections();
});
