// GraphQL over HTTP with the moderator's bearer token (from sessionStorage, never a cookie).
const TOKEN_KEY = "lede-moderation-token";
export const graphqlPath = document.querySelector('meta[name="lede-graphql-path"]')?.content || "/graphql";

export const session = {
  token: () => sessionStorage.getItem(TOKEN_KEY),
  save: (token) => sessionStorage.setItem(TOKEN_KEY, token),
  clear: () => sessionStorage.removeItem(TOKEN_KEY),
};

export class ApiError extends Error {
  constructor(message, code) {
    super(message);
    this.code = code;
  }
}

/** Sends one operation; throws ApiError with the server's extensions.code (NETWORK when unreachable). */
export async function request(query, variables = {}) {
  const token = session.token();
  let response;
  try {
    response = await fetch(graphqlPath, {
      method: "POST",
      credentials: "omit",
      headers: {
        "content-type": "application/json",
        accept: "application/graphql-response+json, application/json",
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
  } catch {
    throw new ApiError("Lede could not be reached. Check the connection and try again.", "NETWORK");
  }
  let body;
  try {
    body = await response.json();
  } catch {
    throw new ApiError(`Lede answered ${response.status} without a GraphQL response.`, "NETWORK");
  }
  const error = body.errors?.[0];
  if (error) throw new ApiError(error.message, error.extensions?.code ?? "INTERNAL_SERVER_ERROR");
  return body.data;
}

/** What to tell a moderator about a failed request. */
export function explain(error) {
  if (error?.code === "UNAUTHENTICATED")
    return "Your token is not valid any more (unknown, revoked or expired). Sign in again.";
  if (error?.code === "FORBIDDEN") return `Not allowed: ${error.message}`;
  return error?.message ?? String(error);
}
