// Lede as the benchmark runs it: `node --import tsx src/main.ts` (what `npm start` runs) in production mode on the
// server core, with the per-address rate limits off (all load comes from one address) and request logging off
// (one JSON line per request would measure the terminal). Everything else is the shipped default.
import { resolve } from "node:path";
import { ROOT, startChild, type Child } from "./processes.js";

export interface LedeServer extends Child {
  baseUrl: string;
  wsUrl: string;
}

/** With BENCH_PROFILE_DIR set, every Lede server writes a CPU profile there when it stops (for the notes). */
function profileFlags(name: string): string[] {
  const dir = process.env.BENCH_PROFILE_DIR;
  return dir
    ? ["--cpu-prof", `--cpu-prof-dir=${dir}`, `--cpu-prof-name=${name.replace(/\W+/g, "-")}-${Date.now()}.cpuprofile`]
    : [];
}

export const BENCH_ENV = {
  NODE_ENV: "production",
  HOST: "127.0.0.1",
  PORT: "0",
  LOG_LEVEL: "warn",
  ANON_RATE_LIMIT: "0",
  COMMENT_RATE_LIMIT_MS: "0",
  SEED_ON_START: "off",
  PUBSUB_NAMESPACE: `bench-${process.pid}`,
};

export async function startLede(
  name: string,
  databaseUrl: string,
  env: Record<string, string> = {},
): Promise<LedeServer> {
  const child = await startChild({
    name,
    // what `npm start` runs: the bundle of the sources
    command: [process.execPath, ...profileFlags(name), resolve(ROOT, "src/start.mjs")],
    env: { ...BENCH_ENV, DATABASE_URL: databaseUrl, ...env },
    core: "server",
    ready: /Lede is ready: open http:\/\/[^:\s]+:(\d+)\//,
  });
  const port = child.ready[1]!;
  return { ...child, baseUrl: `http://127.0.0.1:${port}/graphql`, wsUrl: `ws://127.0.0.1:${port}/graphql` };
}

export async function graphql<T = any>(
  url: string,
  query: string,
  variables?: Record<string, unknown>,
  token?: string,
): Promise<{ status: number; text: string; json: { data?: T; errors?: unknown[] } }> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  return { status: response.status, text, json: JSON.parse(text) };
}

/** A guest session to post with: its token and display name. */
export async function guestPoster(url: string, displayName: string): Promise<string> {
  const { json } = await graphql<{ startGuestSession: { token: string } }>(
    url,
    `
      mutation ($displayName: String!) {
        startGuestSession(displayName: $displayName) {
          token
        }
      }
    `,
    { displayName },
  );
  if (!json.data) throw new Error(`startGuestSession failed: ${JSON.stringify(json)}`);
  return json.data.startGuestSession.token;
}

export async function postComment(url: string, token: string, articleId: string, body: string): Promise<void> {
  const { json } = await graphql(
    url,
    `
      mutation ($input: PostCommentInput!) {
        postComment(input: $input) {
          id
          status
        }
      }
    `,
    { input: { articleId, body } },
    token,
  );
  const posted = (json.data as { postComment?: { status: string } } | undefined)?.postComment;
  if (!posted || posted.status !== "VISIBLE") throw new Error(`postComment failed: ${JSON.stringify(json)}`);
}
