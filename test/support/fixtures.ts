// Fixtures that build on each other: a guest reader, an article id, a posted comment.
import {
  ArticleBySlugDocument,
  PostCommentDocument,
  StartGuestSessionDocument,
  type PostCommentInput,
} from "../generated/graphql.js";
import type { TestLede } from "./lede.js";
import { globalId } from "./ids.js";

export const REFERENCE_SLUG = "ex-wagner-commander-norway-refused-asylum-allowed-to-stay";
/** Its comments closed in 2023 (closesAt in the past). */
export const CLOSED_SLUG = "who-was-yevgeny-prigozhin-what-next-for-wagner";
export const DRAFT_SLUG = "what-medvedev-case-means-for-russian-deserters";

export async function guest(
  lede: TestLede,
  displayName = "Test Reader",
): Promise<{ token: string; accountId: string }> {
  const { startGuestSession } = await lede.query(StartGuestSessionDocument, { displayName });
  return { token: startGuestSession.token, accountId: startGuestSession.account.id };
}

export async function articleId(lede: TestLede, slug = REFERENCE_SLUG): Promise<string> {
  const { article } = await lede.query(ArticleBySlugDocument, { slug });
  if (!article) throw new Error(`no article ${slug}`);
  return article.id;
}

export async function post(lede: TestLede, token: string, input: PostCommentInput) {
  return (await lede.query(PostCommentDocument, { input }, { token })).postComment;
}

/** An account of any role with an API token, written straight to the database (the token CLI comes with issue 5). */
export async function staff(
  lede: TestLede,
  role: "MODERATOR" | "EDITOR" | "ADMIN" | "ANALYST" | "READER",
  displayName = `Test ${role}`,
) {
  const { hashToken, newTokenSecret } = await import("../../src/auth/authenticate.js");
  const token = newTokenSecret();
  const id = `staff-${role.toLowerCase()}-${Math.random().toString(36).slice(2, 10)}`;
  await lede.db.prisma.account.create({
    data: {
      id,
      displayName,
      role,
      createdAt: new Date("2020-01-01T00:00:00Z"),
      tokens: { create: { id: `${id}-token`, kind: "API", name: "test", tokenHash: hashToken(token) } },
    },
  });
  return { token, accountId: globalId("Account", id) };
}
