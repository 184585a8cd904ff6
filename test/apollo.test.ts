// Apollo Client, unmodified, against a real Lede on a real port: it runs the typed operations of schema/operations/
// with a normalised InMemoryCache (objects keyed by __typename and id), so an edit updates every cached view of the
// article without a refetch, Relay-style pages merge, and persisted queries go out as cacheable GETs.
import { createHash } from "node:crypto";
import { ApolloClient, HttpLink, InMemoryCache } from "@apollo/client";
import { PersistedQueryLink } from "@apollo/client/link/persisted-queries";
import { relayStylePagination } from "@apollo/client/utilities";
import { buildSchema, isAbstractType, isObjectType } from "graphql";
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ArticleBySlugDocument,
  ArticleCommentsDocument,
  ArticleForEditingDocument,
  CommentByIdDocument,
  EventDetailDocument,
  FrontPageDocument,
  NodeByIdDocument,
  NodesByIdsDocument,
  OrganisationMembersDocument,
  PersonGraphDocument,
  PlaceDetailDocument,
  PostCommentDocument,
  ReactToCommentDocument,
  ReviseArticleDocument,
  StartGuestSessionDocument,
  ThreadDocument,
  ViewerDocument,
} from "./generated/graphql.js";
import { REFERENCE_SLUG, staff } from "./support/fixtures.js";
import { skipDatabase, startLede, type TestLede } from "./support/lede.js";

const SLUG = "why-norway-refused-wagner-deserter-asylum-but-wont-send-him-back";

const schema = buildSchema(readFileSync(new URL("../schema/schema.graphql", import.meta.url), "utf8"));

/** Unions and interfaces with their members, so that fragments on them match (Apollo's possibleTypes). */
const possibleTypes = Object.fromEntries(
  Object.values(schema.getTypeMap())
    .filter(isAbstractType)
    .map((type) => [type.name, schema.getPossibleTypes(type).map((member) => member.name)]),
);

/** Objects without an id (sections, tags, connections, dates) are parts of their parent: two queries that select
 * different fields of one are merged rather than replaced. */
const mergeIdless = Object.fromEntries(
  Object.values(schema.getTypeMap())
    .filter((type) => isObjectType(type) && !type.name.startsWith("__") && !("id" in type.getFields()))
    .filter((type) => !["Query", "Mutation", "Subscription"].includes(type.name))
    .map((type) => [type.name, { merge: true }]),
);

describe.skipIf(skipDatabase)("Apollo Client", () => {
  let lede: TestLede;
  let uri: string;
  const requests: { method: string; body: string | null; url: string; status: number }[] = [];
  const countingFetch: typeof fetch = async (input, init) => {
    const response = await fetch(input, init);
    requests.push({
      method: init?.method ?? "GET",
      body: typeof init?.body === "string" ? init.body : null,
      url: String(input),
      status: response.status,
    });
    return response;
  };
  const newClient = (link = new HttpLink({ uri, fetch: countingFetch })) =>
    new ApolloClient({
      link,
      cache: new InMemoryCache({
        possibleTypes,
        typePolicies: { ...mergeIdless, Query: { fields: { articles: relayStylePagination() } } },
      }),
    });
  const as = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });

  beforeAll(async () => {
    lede = await startLede();
    uri = `${await lede.listen()}/graphql`;
  });
  afterAll(async () => {
    await lede?.close();
  });

  it("runs every typed query and the widget's mutations", async () => {
    const client = newClient();
    const { data: article } = await client.query({ query: ArticleBySlugDocument, variables: { slug: REFERENCE_SLUG } });
    expect(article?.article?.headline).toMatch(/Wagner/);
    const articleId = article!.article!.id;
    const queries = await Promise.all([
      client.query({ query: FrontPageDocument, variables: { first: 3, comments: 2 } }),
      client.query({ query: ArticleCommentsDocument, variables: { slug: SLUG, first: 5 } }),
      client.query({ query: ThreadDocument, variables: { slug: SLUG, first: 5 } }),
      client.query({ query: PersonGraphDocument, variables: { slug: "andrei-medvedev" } }),
      client.query({ query: OrganisationMembersDocument, variables: { slug: "wagner-group" } }),
      client.query({ query: EventDetailDocument, variables: { slug: "wagner-mutiny-2023" } }),
      client.query({ query: PlaceDetailDocument, variables: { slug: "oslo" } }),
      client.query({ query: NodeByIdDocument, variables: { id: articleId } }),
      client.query({ query: NodesByIdsDocument, variables: { ids: [articleId] } }),
      client.query({ query: ViewerDocument }),
    ]);
    for (const result of queries) expect(result.error).toBeUndefined();
    expect(queries[3]!.data!.person!.name).toBe("Andrei Medvedev");
    expect(queries[9]!.data!.viewer).toBeNull();
    const { data: session } = await client.mutate({
      mutation: StartGuestSessionDocument,
      variables: { displayName: "Apollo Reader" },
    });
    const token = session!.startGuestSession.token;
    const { data: posted } = await client.mutate({
      mutation: PostCommentDocument,
      variables: { input: { articleId: queries[1]!.data!.article!.id, body: "Posted by Apollo Client" } },
      context: as(token),
    });
    expect(posted!.postComment.author.displayName).toBe("Apollo Reader");
    const { data: viewer } = await client.query({
      query: ViewerDocument,
      context: as(token),
      fetchPolicy: "network-only",
    });
    expect(viewer!.viewer!.displayName).toBe("Apollo Reader");
    const { data: comment } = await client.query({
      query: CommentByIdDocument,
      variables: { id: posted!.postComment.id },
    });
    expect(comment!.comment!.body).toBe("Posted by Apollo Client");
  });

  it("normalises by id: an edit updates the cached article everywhere, without a refetch", async () => {
    const editor = await staff(lede, "EDITOR");
    const client = newClient();
    await client.query({ query: ArticleBySlugDocument, variables: { slug: SLUG } });
    const { data: front } = await client.query({ query: FrontPageDocument, variables: { first: 10, comments: 0 } });
    expect(front!.articles.edges.some((edge) => edge.node.headline.length > 0)).toBe(true);
    const { data: editing } = await client.query({
      query: ArticleForEditingDocument,
      variables: { slug: SLUG },
      context: as(editor.token),
    });
    const { id, version, headline } = editing!.article!;
    const revised = `${headline} (revised)`;
    await client.mutate({
      mutation: ReviseArticleDocument,
      variables: { input: { id, version, headline: revised } },
      context: as(editor.token),
    });
    const sent = requests.length;
    // the article page and the front page read the new headline from the cache alone
    const page = client.readQuery({ query: ArticleBySlugDocument, variables: { slug: SLUG } });
    expect(page!.article!.headline).toBe(revised);
    const cachedFront = await client.query({
      query: FrontPageDocument,
      variables: { first: 10, comments: 0 },
      fetchPolicy: "cache-only",
    });
    expect(cachedFront.data!.articles.edges.find((edge) => edge.node.id === id)!.node.headline).toBe(revised);
    expect(requests.length).toBe(sent);
    // and the server's own answer agrees (its response cache dropped the old article)
    const fresh = await newClient().query({ query: ArticleBySlugDocument, variables: { slug: SLUG } });
    expect(fresh.data!.article!.headline).toBe(revised);
    await client.mutate({
      mutation: ReviseArticleDocument,
      variables: { input: { id, version: version + 1, headline } },
      context: as(editor.token),
    });
  });

  it("updates a cached thread's reaction counts from the reaction's answer", async () => {
    const client = newClient();
    const { data: thread } = await client.query({ query: ThreadDocument, variables: { slug: SLUG, first: 5 } });
    const target = thread!.article!.comments.edges[0]!.node;
    const { data: session } = await client.mutate({
      mutation: StartGuestSessionDocument,
      variables: { displayName: "Reacting Reader" },
    });
    await client.mutate({
      mutation: ReactToCommentDocument,
      variables: { commentId: target.id, kind: "INSIGHTFUL" },
      context: as(session!.startGuestSession.token),
    });
    const cached = client.readQuery({ query: ThreadDocument, variables: { slug: SLUG, first: 5 } });
    expect(cached!.article!.comments.edges[0]!.node.reactionCount).toBe(target.reactionCount + 1);
  });

  it("merges Relay-style pages of articles with fetchMore", async () => {
    const client = newClient();
    const first = await client.query({ query: FrontPageDocument, variables: { first: 2, comments: 0 } });
    const observable = client.watchQuery({ query: FrontPageDocument, variables: { first: 2, comments: 0 } });
    await observable.fetchMore({ variables: { after: first.data!.articles.pageInfo.endCursor } });
    const merged = client.readQuery({ query: FrontPageDocument, variables: { first: 2, comments: 0 } });
    const ids = merged!.articles.edges.map((edge) => edge.node.id);
    expect(ids.length).toBe(Math.min(4, first.data!.articles.totalCount));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("sends persisted queries as GETs by hash, registering each once", async () => {
    const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");
    const link = new PersistedQueryLink({ sha256, useGETForHashedQueries: true }).concat(
      new HttpLink({ uri, fetch: countingFetch }),
    );
    const before = requests.length;
    const first = await newClient(link).query({ query: ArticleBySlugDocument, variables: { slug: REFERENCE_SLUG } });
    expect(first.data!.article!.headline).toMatch(/Wagner/);
    const again = await newClient(link).query({ query: ArticleBySlugDocument, variables: { slug: REFERENCE_SLUG } });
    expect(again.data).toEqual(first.data);
    const sent = requests.slice(before);
    // a hash the server did not know, the registration with the query, then the hash alone, cacheable
    expect(sent.map((r) => [r.method, r.status])).toEqual([
      ["GET", 404],
      ["POST", 200],
      ["GET", 200],
    ]);
    expect(sent[0]!.url).toContain("persistedQuery");
    expect(sent[2]!.url).not.toContain("query=");
  });
});
