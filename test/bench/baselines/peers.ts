// P1's peers: other Node GraphQL servers answering `{ __typename }` from a one-field schema, each as it is documented
// to be run in production, with nothing added (no plugins, no limits, no logging):
//   apollo:    Apollo Server's standalone server (`startStandaloneServer`, on node:http);
//   mercurius: Mercurius on Fastify, its defaults (no graphql-jit).
// Prints "READY <port>".
import { ApolloServer } from "@apollo/server";
import { startStandaloneServer } from "@apollo/server/standalone";
import Fastify from "fastify";
import mercurius from "mercurius";

const SCHEMA = `type Query { hello: String }`;
const resolvers = { Query: { hello: () => "world" } };
const mode = process.argv[2];
let stop: () => Promise<unknown>;
let port: number;

if (mode === "apollo") {
  const server = new ApolloServer({ typeDefs: SCHEMA, resolvers });
  const { url } = await startStandaloneServer(server, { listen: { port: 0, host: "127.0.0.1" } });
  port = Number(new URL(url).port);
  stop = () => server.stop();
} else if (mode === "mercurius") {
  const app = Fastify({ logger: false });
  await app.register(mercurius, { schema: SCHEMA, resolvers });
  await app.listen({ port: 0, host: "127.0.0.1" });
  const address = app.server.address();
  port = typeof address === "object" && address ? address.port : 0;
  stop = () => app.close();
} else {
  throw new Error(`unknown peer ${mode} (apollo or mercurius)`);
}
console.log(`READY ${port}`);
process.on("SIGTERM", () => void stop().finally(() => process.exit(0)));
