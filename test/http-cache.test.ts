// HTTP caching and the server-side response cache: anonymous GET queries carry an ETag and Cache-Control and are
// revalidated with 304; a cached answer is dropped the moment an edit or a comment changes it; nothing a token
// holder sees is ever cached or served to someone else.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ArticleCommentsDocument } from "./generated/graphql.js";
import { articleId, DRAFT_SLUG, guest, post, REFERENCE_SLUG, staff } from "./support/fixtures.js";
import { describeFailure, serveForBlock, skipDatabase, startLede, type TestLede } from "./support/lede.js";
import { lastResult, wsClient } from "./support/ws.js";

const SLUG = "why-norway-refused-wagner-deserter-asylum-but-wont-send-him-back";
const HEADLINE = `query Headline($slug: String!) { article(slug: $slug) { id headline version } }`;

function getUrl(query: string, variables?: Record<string, unknown>): string {
  const params = new URLSearchParams({ query });
  if (variables) params.set("variables", JSON.stringify(variables));
  return `/graphql?${params}`;
}

async function get(lede: TestLede, query: string, variables?: Record<string, unknown>, headers = {}) {
  const response = await lede.fetch(getUrl(query, variables), {
    headers: { accept: "application/graphql-response+json", ...headers },
  });
  const text = await response.text();
  return { response, status: response.status, headers: response.headers, body: text ? JSON.parse(text) : null };
}

describe.skipIf(skipDatabase)("HTTP caching", () => {
  let lede: TestLede;
  let editor: { token: string };
  beforeAll(async () => {
    lede = await startLede({ env: { SUSPECT_WORDS: "crypto" } });
    editor = await staff(lede, "EDITOR");
  });
  afterAll(async () => {
    await lede?.close();
  });

  it("gives an anonymous GET query an ETag and a max-age, and answers a revalidation with 304", async () => {
    const first = await get(lede, HEADLINE, { slug: REFERENCE_SLUG });
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.headers.get("cache-control")).toBe("public, max-age=60");
    expect(first.headers.get("vary")).toBe("Accept, Authorization, Accept-Encoding");
    const etag = first.headers.get("etag");
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{32}"$/);
    const again = await get(lede, HEADLINE, { slug: REFERENCE_SLUG }, { "if-none-match": etag! });
    expect(again.status).toBe(304);
    expect(again.body).toBeNull();
    expect(again.headers.get("etag")).toBe(etag);
    expect(again.headers.get("cache-control")).toBe("public, max-age=60");
    // another ETag (or a weak form of this one) is compared as the RFC says
    expect((await get(lede, HEADLINE, { slug: REFERENCE_SLUG }, { "if-none-match": '"other"' })).status).toBe(200);
    expect((await get(lede, HEADLINE, { slug: REFERENCE_SLUG }, { "if-none-match": `W/${etag}` })).status).toBe(304);
  });

  it("sets max-age by the shortest-lived type in the answer", async () => {
    const entity = await get(lede, `{ person(slug: "andrei-medvedev") { id name } }`);
    expect(entity.headers.get("cache-control")).toBe("public, max-age=300");
    const thread = await get(lede, `{ article(slug: "${SLUG}") { id comments(first: 5) { edges { node { id } } } } }`);
    expect(thread.headers.get("cache-control")).toBe("public, max-age=5");
  });

  it("marks answers to tokens, viewer-specific answers, errors, POSTs and mutations private, no-store", async () => {
    const reader = await guest(lede, "Private Reader");
    const withToken = await get(lede, HEADLINE, { slug: REFERENCE_SLUG }, { authorization: `Bearer ${reader.token}` });
    expect(withToken.status).toBe(200);
    expect(withToken.headers.get("cache-control")).toBe("private, no-store");
    expect(withToken.headers.get("etag")).toBeNull();
    const viewer = await get(lede, `{ viewer { id } }`);
    expect(viewer.body).toEqual({ data: { viewer: null }, extensions: expect.anything() });
    expect(viewer.headers.get("cache-control")).toBe("private, no-store");
    const failing = await get(lede, `{ articles(first: 500) { totalCount } }`);
    expect(failing.body.errors[0].extensions.code).toBe("BAD_USER_INPUT");
    expect(failing.headers.get("cache-control")).toBe("private, no-store");
    expect(failing.headers.get("etag")).toBeNull();
    const posted = await lede.fetch("/graphql", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: HEADLINE, variables: { slug: REFERENCE_SLUG } }),
    });
    expect(posted.headers.get("cache-control")).toBe("private, no-store");
    const mutation = await lede.fetch("/graphql", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: `mutation { startGuestSession(displayName: "M") { token } }` }),
    });
    expect(mutation.headers.get("cache-control")).toBe("private, no-store");
  });

  it("serves a repeated anonymous query from the cache, and the edited article right after updateArticle", async () => {
    const read = () => lede.countStatements(() => lede.query(HEADLINE, { slug: REFERENCE_SLUG }));
    const before = await read();
    const cached = await read();
    expect(cached.statements, cached.sql.join("\n")).toBe(0);
    expect(cached.result).toEqual(before.result);
    const etag = (await get(lede, HEADLINE, { slug: REFERENCE_SLUG })).headers.get("etag")!;
    const { article } = before.result as { article: { id: string; headline: string; version: number } };
    const UPDATE = `mutation($input: UpdateArticleInput!) { updateArticle(input: $input) { id version } }`;
    const headline = `${article.headline} (updated)`;
    await lede.query(UPDATE, { input: { id: article.id, version: article.version, headline } }, editor);
    const after = await read();
    expect(after.statements).toBeGreaterThan(0);
    expect(after.result).toMatchObject({ article: { headline, version: article.version + 1 } });
    // the old ETag no longer matches: the client gets the new article, and a new ETag
    const revalidated = await get(lede, HEADLINE, { slug: REFERENCE_SLUG }, { "if-none-match": etag });
    expect(revalidated.status).toBe(200);
    expect(revalidated.body.data.article.headline).toBe(headline);
    expect(revalidated.headers.get("etag")).not.toBe(etag);
    await lede.query(
      UPDATE,
      { input: { id: article.id, version: article.version + 1, headline: article.headline } },
      editor,
    );
    expect((await read()).result).toMatchObject({ article: { headline: article.headline } });
  });

  it("shows a new comment in a cached thread right after postComment, and a reply under its parent", async () => {
    const reader = await guest(lede, "Thread Reader");
    const target = await articleId(lede, SLUG);
    const thread = () => lede.countStatements(() => lede.query(ArticleCommentsDocument, { slug: SLUG, first: 50 }));
    const before = await thread();
    expect((await thread()).statements).toBe(0);
    const comment = await post(lede, reader.token, { articleId: target, body: "Fresh from the cache test" });
    const after = await thread();
    expect(after.result.article!.commentCount).toBe(before.result.article!.commentCount + 1);
    expect(after.result.article!.comments.edges[0]!.node).toMatchObject({ id: comment.id, replyCount: 0 });
    expect((await thread()).statements).toBe(0);
    lede.clock.advance(5000); // the comment rate limit is off in tests; the clock only keeps posts ordered
    const reply = await post(lede, reader.token, { articleId: target, body: "And a reply", parentId: comment.id });
    const withReply = (await thread()).result.article!.comments.edges[0]!.node;
    expect(withReply.replyCount).toBe(1);
    expect(withReply.replies.edges.map((e) => e.node.id)).toEqual([reply.id]);
  });

  it("never serves one viewer's answer to another: two tokens and anonymous, in every order", async () => {
    const author = await guest(lede, "Pending Author");
    const other = await guest(lede, "Other Reader");
    const target = await articleId(lede, SLUG);
    const pending = await post(lede, author.token, { articleId: target, body: "Is crypto the answer?" });
    expect(pending.status).toBe("PENDING");
    const ids = async (token?: string) => {
      const result = await lede.query(ArticleCommentsDocument, { slug: SLUG, first: 100 }, { token });
      return result.article!.comments.edges.map((e) => e.node.id);
    };
    for (let round = 0; round < 2; round++) {
      expect(await ids()).not.toContain(pending.id);
      expect(await ids(author.token)).toContain(pending.id);
      expect(await ids(other.token)).not.toContain(pending.id);
      expect(await ids()).not.toContain(pending.id);
    }
    // the author-only moderation state of the pending comment, asked in every order
    const byId = `query($id: ID!) { comment(id: $id) { id status moderation { reasons { rule detail } } } }`;
    const moderationFor = async (token?: string) =>
      ((await lede.query(byId, { id: pending.id }, { token })) as { comment: unknown }).comment;
    for (let round = 0; round < 2; round++) {
      expect(await moderationFor()).toBeNull();
      expect(await moderationFor(author.token)).toEqual({
        id: pending.id,
        status: "PENDING",
        moderation: [{ reasons: [{ rule: "SUSPECT_WORD", detail: "crypto" }] }],
      });
      expect(await moderationFor(other.token)).toBeNull();
    }
    const viewer = `{ viewer { id displayName } }`;
    expect(await lede.query(viewer, undefined, { token: author.token })).toEqual({
      viewer: { id: author.accountId, displayName: "Pending Author" },
    });
    expect(await lede.query(viewer, undefined, { token: other.token })).toEqual({
      viewer: { id: other.accountId, displayName: "Other Reader" },
    });
    expect(await lede.query(viewer)).toEqual({ viewer: null });
    // an editor's draft never reaches the anonymous cache, and an anonymous "null" never hides it from editors
    const draft = `{ article(slug: "${DRAFT_SLUG}") { id headline } }`;
    const draftFor = async (token?: string) =>
      ((await lede.query(draft, undefined, { token })) as { article: unknown }).article;
    expect(await draftFor()).toBeNull();
    expect(await draftFor(editor.token)).not.toBeNull();
    expect(await draftFor()).toBeNull();
    expect(
      (await get(lede, draft, undefined, { authorization: `Bearer ${editor.token}` })).body.data.article,
    ).not.toBeNull();
    expect((await get(lede, draft)).body.data.article).toBeNull();
  });

  it("lists a newly published article in a cached front page at once", async () => {
    const FRONT = `{ articles(first: 50) { totalCount edges { node { id slug } } } }`;
    type Front = { articles: { totalCount: number; edges: { node: { slug: string } }[] } };
    const before = (await lede.query(FRONT)) as Front;
    expect((await lede.countStatements(() => lede.query(FRONT))).statements).toBe(0);
    const draft = (await lede.query(`{ article(slug: "${DRAFT_SLUG}") { id version } }`, undefined, editor)) as {
      article: { id: string; version: number };
    };
    await lede.query(
      `mutation($id: ID!, $version: Int!) { publishArticle(id: $id, version: $version) { id } }`,
      draft.article,
      editor,
    );
    const after = (await lede.query(FRONT)) as Front;
    expect(after.articles.totalCount).toBe(before.articles.totalCount + 1);
    expect(after.articles.edges.map((e) => e.node.slug)).toContain(DRAFT_SLUG);
  });

  it("empties the cache after a mutation that defers part of its answer", async () => {
    const FRONT = `{ articles(first: 50) { edges { node { slug } } } }`;
    type Front = { articles: { edges: { node: { slug: string } }[] } };
    const slug = "deferred-publication";
    const { createArticle: draft } = (await lede.query(
      `mutation($i: CreateArticleInput!) { createArticle(input: $i) { id version } }`,
      { i: { slug, headline: "Published with a deferred answer", body: [{ kind: "PARAGRAPH", text: "Text." }] } },
      editor,
    )) as { createArticle: { id: string; version: number } };
    await lede.query(FRONT);
    expect((await lede.countStatements(() => lede.query(FRONT))).statements).toBe(0);
    // Everything the answer says about the article comes later: the cache cannot tell from the first part what changed.
    const publish = `mutation($id: ID!, $version: Int!) { publishArticle(id: $id, version: $version) { ... @defer { id status } } }`;
    const response = await lede.fetch("/graphql", {
      method: "POST",
      headers: {
        "content-type": "application/json",
        accept: "multipart/mixed",
        authorization: `Bearer ${editor.token}`,
      },
      body: JSON.stringify({ query: publish, variables: draft }),
    });
    const text = await response.text();
    expect(response.headers.get("content-type"), describeFailure(publish, draft, text)).toContain("multipart/mixed");
    expect(text, describeFailure(publish, draft, text)).toContain("PUBLISHED");
    const after = (await lede.query(FRONT)) as Front;
    expect(after.articles.edges.map((e) => e.node.slug)).toContain(slug);
  });

  it("keeps a token holder's answers out of the cache altogether", async () => {
    const reader = await guest(lede, "Uncached Reader");
    await lede.query(HEADLINE, { slug: SLUG }, { token: reader.token });
    const again = await lede.countStatements(() => lede.query(HEADLINE, { slug: SLUG }, { token: reader.token }));
    expect(again.statements, describeFailure(HEADLINE, {}, again.sql)).toBeGreaterThan(0);
  });
});

describe.skipIf(skipDatabase)("RESPONSE_CACHE=off", () => {
  let lede: TestLede;
  beforeAll(async () => {
    lede = await startLede({ env: { RESPONSE_CACHE: "off" } });
  });
  afterAll(async () => {
    await lede?.close();
  });

  it("runs every query against the database, and still revalidates GETs with ETags", async () => {
    await lede.query(HEADLINE, { slug: REFERENCE_SLUG });
    const again = await lede.countStatements(() => lede.query(HEADLINE, { slug: REFERENCE_SLUG }));
    expect(again.statements).toBeGreaterThan(0);
    const first = await get(lede, HEADLINE, { slug: REFERENCE_SLUG });
    expect(first.headers.get("cache-control")).toBe("public, max-age=60");
    const etag = first.headers.get("etag")!;
    expect((await get(lede, HEADLINE, { slug: REFERENCE_SLUG }, { "if-none-match": etag })).status).toBe(304);
  });
});

describe.skipIf(skipDatabase)("the response cache and WebSockets", () => {
  const served = serveForBlock();

  it("answers queries and mutations sent over graphql-ws", async () => {
    const { baseUrl } = served;
    const client = wsClient(baseUrl);
    try {
      const ask = (query: string) => lastResult(client, { query });
      for (let i = 0; i < 2; i++) {
        expect(await ask(`{ article(slug: "${REFERENCE_SLUG}") { headline } }`)).toMatchObject({
          data: { article: { headline: expect.stringMatching(/Wagner/) } },
        });
      }
      expect(await ask(`mutation { startGuestSession(displayName: "Socket") { token } }`)).toMatchObject({
        data: { startGuestSession: { token: expect.any(String) } },
      });
    } finally {
      await client.dispose();
    }
  });

  it("drops cached HTTP answers when a mutation sent over graphql-ws changes them", async () => {
    const { lede, baseUrl } = served;
    const editor = await staff(lede, "EDITOR");
    const { article } = (await lede.query(HEADLINE, { slug: REFERENCE_SLUG })) as {
      article: { id: string; headline: string; version: number };
    };
    expect((await lede.countStatements(() => lede.query(HEADLINE, { slug: REFERENCE_SLUG }))).statements).toBe(0);
    const client = wsClient(baseUrl, editor.token);
    try {
      const headline = `${article.headline} (over a socket)`;
      const result = await lastResult(client, {
        query: `mutation($input: UpdateArticleInput!) { updateArticle(input: $input) { id } }`,
        variables: { input: { id: article.id, version: article.version, headline } },
      });
      expect(result).toMatchObject({ data: { updateArticle: { id: article.id } } });
      expect(await lede.query(HEADLINE, { slug: REFERENCE_SLUG })).toMatchObject({ article: { headline } });
    } finally {
      await client.dispose();
    }
  });
});
