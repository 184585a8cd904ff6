// A socket's connect (connection_init): it is accepted for the viewer its `authorization` connection param names.
import type { Context } from "graphql-ws";
import type { Extra } from "graphql-ws/use/ws";
import { InvalidTokenError, type ResolveViewer } from "../auth/viewer.js";
import { RateLimitedError } from "../errors.js";
import { upgradeAddress } from "../plugins/rate-limit.js";

export type ConnectionParams = Record<string, unknown> | undefined;
export type SocketContext = Context<ConnectionParams, Extra>;

/** The token each signed-in socket connected with, by the socket's `extra`: checked again for every operation. */
export type SocketTokens = WeakMap<object, string>;

/**
 * graphql-ws' onConnect. Returning false makes graphql-ws close the socket with 4403 Forbidden (a bad token);
 * an address past the anonymous rate limit has its socket closed with 4429 first.
 */
export function acceptConnection(resolveViewer: ResolveViewer, tokens: SocketTokens, trustedProxies: string[]) {
  return async (ctx: SocketContext): Promise<boolean> => {
    const authorization = ctx.connectionParams?.authorization ?? ctx.connectionParams?.Authorization;
    try {
      const viewer = await resolveViewer({
        authorization,
        address: () => upgradeAddress(ctx.extra.request, trustedProxies),
        over: "socket",
      });
      if (viewer) tokens.set(ctx.extra, authorization as string);
      return true;
    } catch (error) {
      if (error instanceof RateLimitedError) ctx.extra.socket.close(4429, "Too many requests");
      if (error instanceof RateLimitedError || error instanceof InvalidTokenError) return false;
      throw error;
    }
  };
}
