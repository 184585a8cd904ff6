// The soak's HTTP load: readers (anonymous queries a site's pages send) and writers (guests posting comments through
// GraphQL), each at a steady rate over both instances, every request recorded with its outcome and its time.
import { print } from "graphql";
import {
  ArticleBySlugDocument,
  ArticleCommentsDocument,
  FrontPageDocument,
  PostCommentDocument,
  StartGuestSessionDocument,
} from "../generated/graphql.js";

export interface SoakArticle {
  /** The row id (event cursors name it). */
  rowId: string;
  /** The GraphQL id. */
  id: string;
  slug: string;
}

export interface RequestRecord {
  kind: "read" | "write";
  instance: number;
  /** ms since the soak started */
  start: number;
  end: number;
  /** HTTP status; 0 when there was no answer (refused, reset, timed out) */
  status: number;
  /** Why it failed (an HTTP status, a GraphQL error code, a network error); absent when it succeeded. */
  failure?: string;
}

export interface Posted {
  n: number;
  article: number;
  commentId: string;
  /** when the first attempt started, and when the post was acknowledged (ms since the soak started) */
  startedAt: number;
  ackAt: number;
  attempts: number;
}

/** Requests that take longer than this count as failed: longer than Lede's own query timeout (15 s). */
const REQUEST_TIMEOUT_MS = 30_000;
/**
 * More readers (or posts) under way than this and a tick is skipped, and counted, rather than piling up: a machine
 * that cannot keep up (a shared 2-core machine can be ten times slower than an idle one) gets fewer requests, not
 * a queue of them that ends in timeouts. The rate reached is in the report.
 */
const MAX_IN_FLIGHT = 8;

export type Clock = () => number;

interface Answer {
  status: number;
  data?: any;
  failure?: string;
}

export async function graphqlPost(baseUrl: string, query: string, variables: object, token?: string): Promise<Answer> {
  let response: Response;
  try {
    response = await fetch(`${baseUrl}/graphql`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        accept: "application/graphql-response+json, application/json",
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    return { status: 0, failure: (error as Error).name === "TimeoutError" ? "timeout" : (cause ?? String(error)) };
  }
  let body: { data?: any; errors?: { extensions?: { code?: string } }[] };
  try {
    body = (await response.json()) as typeof body;
  } catch {
    return { status: response.status, failure: `HTTP ${response.status} (no JSON)` };
  }
  if (body.errors?.length) {
    const code = body.errors[0]!.extensions?.code ?? "GRAPHQL_ERROR";
    return {
      status: response.status,
      data: body.data,
      failure: response.status >= 400 ? `HTTP ${response.status} ${code}` : code,
    };
  }
  if (!response.ok) return { status: response.status, failure: `HTTP ${response.status}` };
  return { status: response.status, data: body.data };
}

/** Guest sessions to post with, started on the instances in turn. */
export async function startGuests(instances: string[], count: number): Promise<string[]> {
  const query = print(StartGuestSessionDocument);
  return Promise.all(
    Array.from({ length: count }, async (_, i) => {
      const answer = await graphqlPost(instances[i % instances.length]!, query, { displayName: `Soak writer ${i}` });
      if (answer.failure) throw new Error(`startGuestSession failed: ${answer.failure}`);
      return answer.data.startGuestSession.token as string;
    }),
  );
}

/** Calls `tick` `perSecond` times a second until stopped. */
function steadily(perSecond: number, tick: (n: number) => void): () => void {
  let n = 0;
  const timer = setInterval(() => tick(n++), 1000 / perSecond);
  return () => clearInterval(timer);
}

export interface Readers {
  skipped(): number;
  stop(): Promise<void>;
}

export function startReaders(options: {
  instances: string[];
  perSecond: number;
  articles: SoakArticle[];
  records: RequestRecord[];
  clock: Clock;
}): Readers {
  const { instances, articles, records, clock } = options;
  const frontPage = print(FrontPageDocument);
  const story = print(ArticleBySlugDocument);
  const comments = print(ArticleCommentsDocument);
  // What each kind of page asks, and what makes its answer right (not merely a 200).
  const reads = [
    { query: frontPage, variables: () => ({ first: 10, comments: 3 }), ok: (d: any) => d?.articles?.edges?.length > 0 },
    ...articles.flatMap((article) => [
      { query: story, variables: () => ({ slug: article.slug }), ok: (d: any) => d?.article?.id === article.id },
      {
        query: comments,
        variables: () => ({ slug: article.slug, first: 20 }),
        ok: (d: any) => d?.article?.comments?.totalCount >= 0,
      },
    ]),
  ];
  let inFlight = 0;
  let skipped = 0;
  const pending = new Set<Promise<void>>();
  const stop = steadily(options.perSecond, (n) => {
    if (inFlight >= MAX_IN_FLIGHT) return void skipped++;
    const instance = n % instances.length;
    const read = reads[Math.floor(n / instances.length) % reads.length]!;
    inFlight++;
    const start = clock();
    const done = graphqlPost(instances[instance]!, read.query, read.variables()).then((answer) => {
      inFlight--;
      const failure = answer.failure ?? (read.ok(answer.data) ? undefined : "WRONG_ANSWER");
      records.push({ kind: "read", instance, start, end: clock(), status: answer.status, failure });
      pending.delete(done);
    });
    pending.add(done);
  });
  return {
    skipped: () => skipped,
    async stop() {
      stop();
      await Promise.all(pending);
    },
  };
}

export interface Writers {
  posted: Posted[];
  /** Posts that never succeeded before the writers gave up. */
  abandoned(): number;
  skipped(): number;
  /** Stops issuing new posts; resolves once every post under way has succeeded or been given up (after `drainMs`). */
  stop(drainMs: number): Promise<void>;
}

/** Like a comment widget, a writer retries a failed post with the same clientMutationId: it never makes two. */
export function startWriters(options: {
  instances: string[];
  perSecond: number;
  articles: SoakArticle[];
  tokens: string[];
  records: RequestRecord[];
  clock: Clock;
}): Writers {
  const { instances, articles, tokens, records, clock } = options;
  const mutation = print(PostCommentDocument);
  const posted: Posted[] = [];
  const pending = new Set<Promise<void>>();
  let inFlight = 0;
  let skipped = 0;
  let abandoned = 0;
  let giveUpAt = Infinity;
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  async function post(n: number): Promise<void> {
    const article = n % articles.length;
    const input = { articleId: articles[article]!.id, body: `soak post ${n}`, clientMutationId: `soak-${n}` };
    const startedAt = clock();
    for (let attempt = 0; ; attempt++) {
      // A retry goes to the other instance, as a load balancer would send it.
      const instance = (n + attempt) % instances.length;
      const start = clock();
      const answer = await graphqlPost(instances[instance]!, mutation, { input }, tokens[n % tokens.length]);
      const comment = answer.data?.postComment;
      const failure = answer.failure ?? (comment?.status === "VISIBLE" ? undefined : "WRONG_ANSWER");
      records.push({ kind: "write", instance, start, end: clock(), status: answer.status, failure });
      if (!failure) {
        posted.push({ n, article, commentId: comment.id, startedAt, ackAt: clock(), attempts: attempt + 1 });
        return;
      }
      if (clock() > giveUpAt) return void abandoned++;
      await sleep(Math.min(250 * 2 ** attempt, 2000));
    }
  }

  const stopIssuing = steadily(options.perSecond, (n) => {
    if (inFlight >= MAX_IN_FLIGHT) return void skipped++;
    inFlight++;
    const done = post(n).finally(() => {
      inFlight--;
      pending.delete(done);
    });
    pending.add(done);
  });
  return {
    posted,
    abandoned: () => abandoned,
    skipped: () => skipped,
    async stop(drainMs) {
      stopIssuing();
      giveUpAt = clock() + drainMs;
      await Promise.all(pending);
    },
  };
}
