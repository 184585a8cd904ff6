// GraphQL over HTTP for the widget: one typed request function over fetch, and errors that keep the server's code.
import type { TypedDocumentString } from "./generated/graphql.js";

export class WidgetError extends Error {
  constructor(
    message: string,
    /** The server's extensions.code, or NETWORK when the request did not get through. */
    readonly code: string,
    readonly retryAfter?: number,
  ) {
    super(message);
  }
}

interface GraphQLResponse<R> {
  data?: R | null;
  errors?: { message: string; extensions?: { code?: string; retryAfter?: number } }[];
}

export interface Api {
  request<R, V>(document: TypedDocumentString<R, V>, variables: V): Promise<R>;
}

export function createApi(endpoint: string, token: () => string | null): Api {
  return {
    async request<R, V>(document: TypedDocumentString<R, V>, variables: V): Promise<R> {
      const bearer = token();
      let response: Response;
      try {
        response = await fetch(endpoint, {
          method: "POST",
          // No cookies: a page embedding the widget must not act with whatever session the reader has with Lede.
          credentials: "omit",
          headers: {
            "content-type": "application/json",
            accept: "application/graphql-response+json, application/json",
            ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
          },
          body: JSON.stringify({ query: document.toString(), variables }),
        });
      } catch {
        throw new WidgetError("Lede could not be reached. Check your connection and try again.", "NETWORK");
      }
      let body: GraphQLResponse<R>;
      try {
        body = (await response.json()) as GraphQLResponse<R>;
      } catch {
        throw new WidgetError(`Lede answered ${response.status} without a GraphQL response.`, "NETWORK");
      }
      const error = body.errors?.[0];
      if (error) {
        throw new WidgetError(
          error.message,
          error.extensions?.code ?? "INTERNAL_SERVER_ERROR",
          error.extensions?.retryAfter,
        );
      }
      if (!body.data) throw new WidgetError("Lede sent an empty answer.", "INTERNAL_SERVER_ERROR");
      return body.data;
    },
  };
}
