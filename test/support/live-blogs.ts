// Live-blog fixtures: a fresh published article made a live blog by an editor, and a short way to post updates.
import { PostLiveUpdateDocument, SetLiveCoverageDocument, type PostLiveUpdateInput } from "../generated/graphql.js";
import { staff } from "./fixtures.js";
import type { TestLede } from "./lede.js";

export interface TestLiveBlog {
  articleId: string;
  slug: string;
  editorToken: string;
}

export async function newLiveBlog(lede: TestLede, editorToken?: string): Promise<TestLiveBlog> {
  const token = editorToken ?? (await staff(lede, "EDITOR")).token;
  const slug = `live-${Math.random().toString(36).slice(2, 10)}`;
  const created = await lede.query<{ createArticle: { id: string; version: number } }, unknown>(
    `mutation($s: String!) { createArticle(input: { slug: $s, headline: "Live: a test story", body: [{ kind: PARAGRAPH, text: "Follow the story as it happens." }] }) { id version } }`,
    { s: slug },
    { token },
  );
  const { id, version } = created.createArticle;
  await lede.query(
    `mutation($id: ID!, $v: Int!) { publishArticle(id: $id, version: $v) { id } }`,
    { id, v: version },
    {
      token,
    },
  );
  await lede.query(SetLiveCoverageDocument, { input: { articleId: id } }, { token });
  return { articleId: id, slug, editorToken: token };
}

export async function postUpdate(
  lede: TestLede,
  blog: TestLiveBlog,
  text: string,
  more: Partial<PostLiveUpdateInput> = {},
) {
  const input = { articleId: blog.articleId, body: [{ kind: "PARAGRAPH" as const, text }], ...more };
  return (await lede.query(PostLiveUpdateDocument, { input }, { token: blog.editorToken })).postLiveUpdate;
}
