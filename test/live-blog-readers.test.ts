// Live blogs for readers: the seed's sample live blog, node(id:) for an update, comments on a live blog, the response
// cache dropping what an update changes, and the live-blog script served at /embed/liveblog.js.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EditLiveUpdateDocument, LiveBlogDocument, WithdrawLiveUpdateDocument } from "./generated/graphql.js";
import { guest, post, staff } from "./support/fixtures.js";
import { skipDatabase, startLede, type TestLede } from "./support/lede.js";
import { newLiveBlog, postUpdate, type TestLiveBlog } from "./support/live-blogs.js";

describe.skipIf(skipDatabase)("live blogs for readers", () => {
  let lede: TestLede;
  let editor: string;
  beforeAll(async () => {
    // No webhook dispatcher or scheduler: their polls would be counted by countStatements (the cache test below).
    lede = await startLede({ env: { WEBHOOK_DISPATCH: "false", SCHEDULER: "false" } });
    editor = (await staff(lede, "EDITOR")).token;
  });
  afterAll(async () => {
    await lede?.close();
  });

  const read = async (blog: TestLiveBlog) =>
    (await lede.query(LiveBlogDocument, { slug: blog.slug })).article!.liveBlog!;

  it("seeds one small sample live blog, marked as sample content, with a pinned key event and a summary", async () => {
    const seeded = await lede.query(LiveBlogDocument, {
      slug: "sample-live-blog-a-day-in-oslo",
    });
    const live = seeded.article!.liveBlog!;
    expect(seeded.article!.headline).toMatch(/^Sample live blog:/);
    expect(live).toMatchObject({ isLive: false, coverageEndTime: "2024-02-07T18:00:00.000Z" });
    expect(live.liveUpdates.totalCount).toBe(6);
    expect(live.pinnedUpdate?.title).toBe("No asylum, but no return to Russia either");
    expect(live.summary?.title).toBe("Where things stand tonight");
    expect(live.keyEvents.map((u) => u.title)).toEqual([
      "Where things stand tonight",
      "No asylum, but no return to Russia either",
    ]);
    expect(live.liveUpdates.edges.find((e) => e.node.corrections.length)?.node.editedAt).toBe(
      "2024-02-07T09:50:00.000Z",
    );
  });

  it("finds an update by node(id:): published and withdrawn ones for anyone, a draft for editors only", async () => {
    const blog = await newLiveBlog(lede, editor);
    const published = await postUpdate(lede, blog, "The ferry has left.");
    const draft = await postUpdate(lede, blog, "Not yet.", { draft: true });
    const node = async (id: string, token?: string) =>
      (
        (await lede.query(
          `query($id: ID!) { node(id: $id) { id ... on LiveUpdate { status bodyText } } }`,
          { id },
          {
            token,
          },
        )) as { node: { id: string; status: string; bodyText: string } | null }
      ).node;
    expect(await node(published.id)).toEqual({
      id: published.id,
      status: "PUBLISHED",
      bodyText: "The ferry has left.",
    });
    expect(await node(draft.id)).toBeNull();
    expect(await node(draft.id, editor)).toMatchObject({ id: draft.id, status: "DRAFT" });
    await lede.query(
      WithdrawLiveUpdateDocument,
      { input: { id: published.id, reason: "Wrong ferry" } },
      { token: editor },
    );
    expect(await node(published.id)).toEqual({ id: published.id, status: "WITHDRAWN", bodyText: "" });
  });

  it("takes reader comments like any article", async () => {
    const blog = await newLiveBlog(lede, editor);
    const reader = await guest(lede, "Live commenter");
    const comment = await post(lede, reader.token, { articleId: blog.articleId, body: "Following along" });
    expect(comment).toMatchObject({ status: "VISIBLE", body: "Following along" });
    const thread = await lede.query<{ article: { comments: { totalCount: number } } }, unknown>(
      `query($s: String!) { article(slug: $s) { comments { totalCount } } }`,
      { s: blog.slug },
    );
    expect(thread.article.comments.totalCount).toBe(1);
  });

  it("drops cached answers when an update changes", async () => {
    const blog = await newLiveBlog(lede, editor);
    await postUpdate(lede, blog, "Before");
    const titles = async () => (await read(blog)).liveUpdates.edges.map((e) => e.node.bodyText);
    expect(await titles()).toEqual(["Before"]);
    expect(await titles()).toEqual(["Before"]); // now from the cache
    const after = await postUpdate(lede, blog, "After");
    expect(await titles()).toEqual(["After", "Before"]);
    await lede.query(
      EditLiveUpdateDocument,
      { input: { id: after.id, version: after.version, body: [{ kind: "PARAGRAPH", text: "After, edited" }] } },
      { token: editor },
    );
    expect(await titles()).toEqual(["After, edited", "Before"]);
    await lede.query(WithdrawLiveUpdateDocument, { input: { id: after.id, reason: "wrong" } }, { token: editor });
    expect(await titles()).toEqual(["Before"]);
    // Only the blog's answers go: another article's cached answer outlives a new update.
    const other = `{ article(slug: "ex-wagner-commander-norway-refused-asylum-allowed-to-stay") { headline } }`;
    await lede.query(other);
    await postUpdate(lede, blog, "One more");
    expect((await lede.countStatements(() => lede.query(other))).statements).toBe(0);
    expect(await titles()).toEqual(["One more", "Before"]);
  });
});

describe.skipIf(skipDatabase)("the live-blog script", () => {
  it("is served at /embed/liveblog.js like the comment widget: cacheable, revalidated, cross-origin", async () => {
    const lede = await startLede({ seeded: false });
    try {
      const response = await lede.fetch("/embed/liveblog.js");
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
      expect(response.headers.get("access-control-allow-origin")).toBe("*");
      const body = await response.text();
      expect(body).toContain("data-lede-liveblog");
      expect(body).toContain("/graphql");
      const again = await lede.fetch("/embed/liveblog.js", {
        headers: { "if-none-match": response.headers.get("etag")! },
      });
      expect(again.status).toBe(304);
    } finally {
      await lede.close();
    }
  });
});
