// No side door: a pending comment, a removed comment's text or a draft article cannot be read through a relation,
// a count, node(id) or comment(id) by someone who may not see it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CommentByIdDocument, NodeByIdDocument } from "./generated/graphql.js";
import { articleId, guest, post, staff } from "./support/fixtures.js";
import { skipDatabase, startLede, type TestLede } from "./support/lede.js";

const SLUG = "why-norway-refused-wagner-deserter-asylum-but-wont-send-him-back";
const THREAD = `query($slug: String!) { article(slug: $slug) { commentCount comments(first: 100) { totalCount
  edges { node { id replyCount replies(first: 100) { totalCount edges { node { id } } } } } } } }`;

interface Thread {
  article: {
    commentCount: number;
    comments: {
      totalCount: number;
      edges: {
        node: { id: string; replyCount: number; replies: { totalCount: number; edges: { node: { id: string } }[] } };
      }[];
    };
  };
}

describe.skipIf(skipDatabase)("visibility", () => {
  let lede: TestLede;
  let author: { token: string; accountId: string };
  let stranger: { token: string; accountId: string };
  let moderator: { token: string };
  let article: string;
  beforeAll(async () => {
    lede = await startLede({ env: { SUSPECT_WORDS: "crypto" } });
    author = await guest(lede, "Author");
    stranger = await guest(lede, "Stranger");
    moderator = await staff(lede, "MODERATOR");
    article = await articleId(lede, SLUG);
  });
  afterAll(async () => {
    await lede?.close();
  });

  it("keeps a pending reply out of every list and count for others, and in them for its author", async () => {
    const parent = await post(lede, stranger.token, { articleId: article, body: "A visible parent" });
    const pending = await post(lede, author.token, { articleId: article, body: "crypto reply", parentId: parent.id });
    expect(pending.status).toBe("PENDING");
    const view = async (token?: string) => (await lede.query(THREAD, { slug: SLUG }, token ? { token } : {})) as Thread;
    const parentIn = (thread: Thread) => thread.article.comments.edges.find((e) => e.node.id === parent.id)!.node;
    for (const token of [undefined, stranger.token]) {
      const thread = await view(token);
      expect(parentIn(thread).replyCount).toBe(0);
      expect(parentIn(thread).replies.totalCount).toBe(0);
      expect(parentIn(thread).replies.edges).toEqual([]);
      expect((await lede.query(CommentByIdDocument, { id: pending.id }, token ? { token } : {})).comment).toBeNull();
      expect((await lede.query(NodeByIdDocument, { id: pending.id }, token ? { token } : {})).node).toBeNull();
    }
    const own = await view(author.token);
    expect(parentIn(own).replyCount).toBe(1);
    expect(parentIn(own).replies.edges.map((e) => e.node.id)).toEqual([pending.id]);
    expect(own.article.commentCount).toBe((await view(stranger.token)).article.commentCount + 1);
    const desk = await view(moderator.token);
    expect(parentIn(desk).replies.totalCount).toBe(1);
  });

  it("does not reveal a hidden parent through a visible reply", async () => {
    const parent = await post(lede, author.token, { articleId: article, body: "Soon to be removed" });
    const reply = await post(lede, stranger.token, { articleId: article, body: "Replying", parentId: parent.id });
    await lede.query(
      `mutation($id: ID!) { deleteComment(id: $id) { id } }`,
      { id: parent.id },
      { token: author.token },
    );
    const seen = (await lede.query(`query($id: ID!) { comment(id: $id) { parent { id body removed } } }`, {
      id: reply.id,
    })) as {
      comment: { parent: { id: string; body: string | null; removed: boolean } };
    };
    expect(seen.comment.parent).toEqual({ id: parent.id, body: null, removed: true });
    // a parent that moderators rejected is not shown at all
    const rejectedParent = await post(lede, author.token, { articleId: article, body: "Will be rejected" });
    const reply2 = await post(lede, stranger.token, {
      articleId: article,
      body: "Replying again",
      parentId: rejectedParent.id,
    });
    await lede.query(
      `mutation($id: ID!) { rejectComment(id: $id, reason: "spam") { id } }`,
      { id: rejectedParent.id },
      { token: moderator.token },
    );
    const again = (await lede.query(`query($id: ID!) { comment(id: $id) { parent { id body } } }`, {
      id: reply2.id,
    })) as { comment: { parent: unknown } };
    expect(again.comment.parent).toBeNull();
  });

  it("hides the comments of an article that is no longer open, by id and through node()", async () => {
    const comment = await post(lede, stranger.token, {
      articleId: article,
      body: "On an article about to be unpublished",
    });
    await lede.db.prisma.article.update({ where: { slug: SLUG }, data: { status: "DRAFT" } });
    try {
      expect((await lede.query(CommentByIdDocument, { id: comment.id })).comment).toBeNull();
      expect((await lede.query(NodeByIdDocument, { id: comment.id }, { token: stranger.token })).node).toBeNull();
      const editor = await staff(lede, "EDITOR");
      expect((await lede.query(NodeByIdDocument, { id: comment.id }, { token: editor.token })).node).toEqual({
        __typename: "Comment",
        id: comment.id,
      });
    } finally {
      await lede.db.prisma.article.update({ where: { slug: SLUG }, data: { status: "PUBLISHED" } });
    }
  });
});
