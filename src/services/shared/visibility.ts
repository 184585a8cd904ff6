// Who may see what. Every read path (root fields, relations, node(id), subscriptions) takes its filter from here so
// that a draft or a pending comment cannot leak through a side door.
import type { Account } from "../../generated/prisma/client.js";
import type { Prisma as P } from "../../generated/prisma/client.js";
import type { Role } from "../../generated/prisma/enums.js";

type Viewer = Account | null;

/** Who sees drafts and edits articles and the graph. */
export const EDITING_ROLES: readonly Role[] = ["EDITOR", "ADMIN"];
/** Who moderates comments and accounts. */
export const MODERATING_ROLES: readonly Role[] = ["MODERATOR", "ADMIN"];

export function canSeeUnpublished(viewer: Viewer): boolean {
  return viewer != null && EDITING_ROLES.includes(viewer.role);
}

export function canModerate(viewer: Viewer): boolean {
  return viewer != null && MODERATING_ROLES.includes(viewer.role);
}

/** Articles a viewer may open directly: published or withdrawn (with its notice) for everyone, drafts for editors.
 * An article under embargo is for editors only until the scheduler lifts the embargo (embargoedUntil → null). */
export function openableArticleWhere(viewer: Viewer): P.ArticleWhereInput {
  return canSeeUnpublished(viewer) ? {} : { status: { in: ["PUBLISHED", "WITHDRAWN"] }, embargoedUntil: null };
}

/** Articles that appear in lists and on entity pages: published ones (editors see every status). */
export function listedArticleWhere(viewer: Viewer): P.ArticleWhereInput {
  return canSeeUnpublished(viewer) ? {} : { status: "PUBLISHED", embargoedUntil: null };
}

/** listedArticleWhere for SQL, on the article aliased `alias`. */
export function listedArticleSqlCondition(viewer: Viewer, alias = "a"): string {
  return canSeeUnpublished(viewer) ? "1 = 1" : `${alias}."status" = 'PUBLISHED' AND ${alias}."embargoedUntil" IS NULL`;
}

export function isArticleOpenable(viewer: Viewer, article: { status: string; embargoedUntil?: Date | null }): boolean {
  if (canSeeUnpublished(viewer)) return true;
  return (article.status === "PUBLISHED" || article.status === "WITHDRAWN") && !article.embargoedUntil;
}

/** How lists of articles are ordered: newest publication first, ties by id so that paging is stable. */
export const NEWEST_ARTICLES_FIRST = [{ publishedAt: "desc" as const }, { id: "asc" as const }];

/** Comments shown in threads: visible ones, removed ones as placeholders (so replies keep their place), and the
 * viewer's own pending ones; moderators see every status. */
export function threadCommentWhere(viewer: Viewer): P.CommentWhereInput {
  if (canModerate(viewer)) return {};
  const shown: P.CommentWhereInput[] = [{ status: "VISIBLE" }, { status: "REMOVED", removedWhileVisible: true }];
  if (viewer) shown.push({ status: { in: ["PENDING", "REMOVED"] }, authorId: viewer.id });
  return { OR: shown };
}

/** Comments that count in commentCount / replyCount: what the viewer can read (placeholders do not count). */
export function countedCommentWhere(viewer: Viewer): P.CommentWhereInput {
  if (canModerate(viewer)) return { status: { not: "REMOVED" } };
  if (viewer) return { OR: [{ status: "VISIBLE" }, { status: "PENDING", authorId: viewer.id }] };
  return { status: "VISIBLE" };
}

/** Whether a single comment may be fetched: what threads show, plus the author's own rejected comments (with the
 * reasons, so that the author can see why). */
export function isCommentVisible(
  viewer: Viewer,
  comment: { status: string; authorId: string; removedWhileVisible?: boolean },
): boolean {
  if (canModerate(viewer)) return true;
  if (viewer?.id === comment.authorId) return true;
  // A removed comment keeps its place only if the public saw it: a held or rejected one just disappears.
  return comment.status === "VISIBLE" || (comment.status === "REMOVED" && comment.removedWhileVisible === true);
}

/** A single comment by id: visible by isCommentVisible's rule, on an article the viewer may open. */
export function singleCommentWhere(viewer: Viewer): P.CommentWhereInput {
  if (canModerate(viewer)) return { article: openableArticleWhere(viewer) };
  const shown: P.CommentWhereInput[] = [{ status: "VISIBLE" }, { status: "REMOVED", removedWhileVisible: true }];
  if (viewer) shown.push({ authorId: viewer.id });
  return { OR: shown, article: openableArticleWhere(viewer) };
}
