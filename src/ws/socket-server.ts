// The graphql-ws server, on the HTTP server's port and GraphQL path: connect (connect.ts), subscribe (subscribe.ts),
// the per-socket limit (socket-limits.ts) and keep-alive (keep-alive.ts), assembled.
import type { Server } from "node:http";
import type { GraphQLError } from "graphql";
import { useServer } from "graphql-ws/use/ws";
import { WebSocketServer } from "ws";
import type { Config } from "../platform/config.js";
import { acceptConnection, type ConnectionParams, type SocketTokens } from "./connect.js";
import { keepSocketsAlive } from "./keep-alive.js";
import { createSocketOperations } from "./socket-limits.js";
import { executeOperation, prepareOperation, subscribeOperation, type PrepareDeps } from "./subscribe.js";

export interface SocketServer {
  openSockets(): number;
  /** Operations running right now (subscriptions, mostly). */
  activeOperations(): number;
  /** Operations started since the server was built (only ever grows). */
  startedOperations(): number;
  stopKeepAlive(): void;
  /** Resolves once no operation runs, or after `ms`. */
  operationsEnded(ms: number): Promise<void>;
  /** Closes every socket with 1001 and waits for the peers to answer; whatever is still open after `graceMs` is cut. */
  close(graceMs: number): Promise<void>;
}

export function createSocketServer(
  httpServer: Server,
  config: Config,
  deps: Omit<PrepareDeps, "tokens" | "trustedProxies">,
): SocketServer {
  // Frames over the limit make ws close the socket with 1009 (message too big) before anything parses them.
  const wsServer = new WebSocketServer({
    server: httpServer,
    path: config.graphqlPath,
    maxPayload: config.ws.maxFrameBytes,
  });
  const tokens: SocketTokens = new WeakMap();
  const operations = createSocketOperations(config.ws.maxSubscriptions);
  const prepare = prepareOperation({ ...deps, tokens, trustedProxies: config.trustedProxies });
  const disposable = useServer<ConnectionParams>(
    {
      connectionInitWaitTimeout: config.ws.initTimeoutMs,
      execute: executeOperation,
      subscribe: subscribeOperation,
      onConnect: acceptConnection(deps.resolveViewer, tokens, config.trustedProxies),
      onSubscribe: async (ctx, id, params) => {
        const refused = operations.take(ctx.extra, id);
        if (refused) return [refused];
        const prepared = await prepare(ctx, params).catch((error: unknown) => [deps.maskError(error) as GraphQLError]);
        if (Array.isArray(prepared)) operations.release(ctx.extra, id);
        return prepared;
      },
      onOperation: (ctx, id) => operations.started(ctx.extra, id),
      onComplete: (ctx, id) => operations.completed(ctx.extra, id),
    },
    wsServer,
  );
  const stopKeepAlive = keepSocketsAlive(wsServer, config.ws.keepAliveMs);

  return {
    openSockets: () => wsServer.clients.size,
    activeOperations: operations.active,
    startedOperations: operations.startedSinceBuilt,
    stopKeepAlive,
    async operationsEnded(ms) {
      const deadline = Date.now() + ms;
      while (operations.active() > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
    },
    async close(graceMs) {
      const closed = disposable.dispose();
      const grace = setTimeout(() => {
        for (const socket of wsServer.clients) socket.terminate();
      }, graceMs);
      grace.unref();
      await closed;
      clearTimeout(grace);
    },
  };
}
