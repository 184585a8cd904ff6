// Who may see what. Every read path (root fields, relations, node(id), subscriptions) takes its filter from here so
// that a draft or a pending comment cannot leak through a side door.
import type { Account } from "../generated/prisma/client.js";
import type { Prisma as P } from "../generated/prisma/client.js";

type Viewer = Account | null;

export function canSeeUnpublished(viewer: Viewer): boolean {
  return viewer?.role === "EDITOR" || viewer?.role === "ADMIN";
}

export function canModerate(viewer: Viewer): boolean {
  return viewer?.role === "MODERATOR" || viewer?.role === "ADMIN";
}

/** Articles a viewer may open directly: published or withdrawn (with its notice) for everyone, drafts for editors. */
export function openableArticleWhere(viewer: Viewer): P.ArticleWhereInput {
  return canSeeUnpublished(viewer) ? {} : { status: { in: ["PUBLISHED", "WITHDRAWN"] } };
}

/** Articles that appear in lists and on entity pages: published ones (editors see every status). */
export function listedArticleWhere(viewer: Viewer): P.ArticleWhereInput {
  return canSeeUnpublished(viewer) ? {} : { status: "PUBLISHED" };
}

export function isArticleOpenable(viewer: Viewer, article: { status: string }): boolean {
  return canSeeUnpublished(viewer) || article.status === "PUBLISHED" || article.status === "WITHDRAWN";
}

/** Comments a viewer may see: visible ones, plus their own pending ones; moderators see every status. */
export function visibleCommentWhere(viewer: Viewer): P.CommentWhereInput {
  if (canModerate(viewer)) return {};
  if (viewer) return { OR: [{ status: "VISIBLE" }, { status: "PENDING", authorId: viewer.id }] };
  return { status: "VISIBLE" };
}

export function isCommentVisible(viewer: Viewer, comment: { status: string; authorId: string }): boolean {
  if (canModerate(viewer)) return true;
  if (comment.status === "VISIBLE") return true;
  return comment.status === "PENDING" && viewer?.id === comment.authorId;
}
