// The response cache and moderation: what a decision, a staff pick or a new display name changes leaves cached
// anonymous answers at once (the marks on the moderation mutations are honest), and account actions, which change
// only viewer-specific fields, leave the cache alone.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { articleId, guest, post, staff } from "./support/fixtures.js";
import { skipDatabase, startLede, type TestLede } from "./support/lede.js";

const SLUG = "why-norway-refused-wagner-deserter-asylum-but-wont-send-him-back";
// No `id` on the article: the response cache asks for it itself, so the answer is still dropped by the article.
const FEATURED = `query Featured($slug: String!) { article(slug: $slug) { featuredComments { id body } } }`;
const THREAD = `query Thread($slug: String!) {
  article(slug: $slug) { commentCount comments(first: 50) { edges { node { id author { displayName } } } } }
}`;

type Thread = {
  article: { commentCount: number; comments: { edges: { node: { id: string; author: { displayName: string } } }[] } };
};

describe.skipIf(skipDatabase)("the response cache and moderation", () => {
  let lede: TestLede;
  let moderator: { token: string };
  let target: string;
  beforeAll(async () => {
    lede = await startLede({ env: { SUSPECT_WORDS: "holdme" } });
    moderator = await staff(lede, "MODERATOR", "Cache desk");
    target = await articleId(lede, SLUG);
  });
  afterAll(async () => {
    await lede?.close();
  });

  /** An anonymous read, and how many SQL statements it cost (0: it came from the cache). */
  const read = async <R>(query: string) => {
    const { result, statements } = await lede.countStatements(() => lede.query(query, { slug: SLUG }));
    return { result: result as R, statements };
  };
  const asModerator = (query: string, variables: Record<string, unknown>) =>
    lede.query(query, variables, { token: moderator.token });

  it("shows a staff pick in a cached Article.featuredComments at once, and drops it when unfeatured", async () => {
    const reader = await guest(lede, "Picked reader");
    const comment = await post(lede, reader.token, { articleId: target, body: "A staff pick in the making" });
    type Featured = { article: { featuredComments: { id: string }[] } };
    const before = await read<Featured>(FEATURED);
    expect((await read(FEATURED)).statements).toBe(0);
    await asModerator(`mutation($id: ID!) { featureComment(id: $id) { id } }`, { id: comment.id });
    const featured = await read<Featured>(FEATURED);
    expect(featured.statements).toBeGreaterThan(0);
    expect(featured.result.article.featuredComments.map((c) => c.id)).toEqual([
      comment.id,
      ...before.result.article.featuredComments.map((c) => c.id),
    ]);
    expect((await read(FEATURED)).statements).toBe(0);
    await asModerator(`mutation($id: ID!) { unfeatureComment(id: $id) { id } }`, { id: comment.id });
    expect((await read<Featured>(FEATURED)).result).toEqual(before.result);
  });

  it("shows held comments a bulk approval lets through in a cached thread at once", async () => {
    const reader = await guest(lede, "Held reader");
    const held = [
      await post(lede, reader.token, { articleId: target, body: "holdme one" }),
      await post(lede, reader.token, { articleId: target, body: "holdme two" }),
    ];
    const before = await read<Thread>(THREAD);
    expect((await read(THREAD)).statements).toBe(0);
    await asModerator(`mutation($ids: [ID!]!) { approveComments(ids: $ids) { id } }`, { ids: held.map((c) => c.id) });
    const after = (await read<Thread>(THREAD)).result.article;
    expect(after.commentCount).toBe(before.result.article.commentCount + 2);
    expect(after.comments.edges.map((e) => e.node.id)).toEqual(expect.arrayContaining(held.map((c) => c.id)));
  });

  it("leaves cached answers in place after account actions, which change nothing an anonymous reader sees", async () => {
    const reader = await guest(lede, "Warned reader");
    await read(THREAD);
    const actions = [
      `mutation($id: ID!) { warnAccount(id: $id, reason: "tone", message: "Mind your tone") { id } }`,
      `mutation($id: ID!) { addAccountNote(id: $id, reason: "seen before") { id } }`,
      `mutation($id: ID!) { banAccount(id: $id, reason: "abuse") { id } }`,
    ];
    for (const action of actions) await asModerator(action, { id: reader.accountId });
    expect((await read(THREAD)).statements).toBe(0);
  });

  it("shows a reader's new display name in a cached thread at once", async () => {
    const reader = await guest(lede, "Old name");
    const comment = await post(lede, reader.token, { articleId: target, body: "Signed with my old name" });
    const names = async () => {
      const { result } = await read<Thread>(THREAD);
      return result.article.comments.edges.find((e) => e.node.id === comment.id)!.node.author.displayName;
    };
    expect(await names()).toBe("Old name");
    await lede.query(`mutation { changeDisplayName(displayName: "New name") { id } }`, {}, { token: reader.token });
    expect(await names()).toBe("New name");
  });
});
