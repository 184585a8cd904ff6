// node(id) and nodes(ids): loads the row through the per-request DataLoaders, applies the same visibility rules as
// every other read path, and tags the row with its GraphQL type for the Node interface. A merged record's id
// resolves to the record it was merged into.
import { brandWithType } from "@pothos/core";
import type { Context } from "../../context.js";
import { isNodeTypename, type NodeTypename } from "../../loaders/index.js";
import { canSeeUnpublished, isArticleOpenable, isCommentVisible } from "./visibility.js";

const MERGEABLE = new Set(["Person", "Organisation", "Event", "Place"]);

/** A merged record's id leads to the record it was merged into (whose own id the answer then carries). */
async function loadRow(ctx: Context, typename: NodeTypename, id: string): Promise<object | null> {
  const row = await ctx.loaders.rows[typename].load(id);
  if (row || !MERGEABLE.has(typename)) return row;
  const redirect = await ctx.loaders.redirects.load(id);
  return redirect?.entityType === typename ? ctx.loaders.rows[typename].load(redirect.targetId) : null;
}

export async function loadNode(ctx: Context, typename: string, id: string): Promise<object | null> {
  if (!isNodeTypename(typename)) return null;
  const row = await loadRow(ctx, typename, id);
  if (!row) return null;
  if (typename === "Article" && !isArticleOpenable(ctx.viewer, row as { status: string })) return null;
  if (typename === "Media") {
    const article = await ctx.loaders.rows.Article.load((row as { articleId: string }).articleId);
    if (!article || !isArticleOpenable(ctx.viewer, article)) return null;
  }
  if (typename === "Comment") {
    const comment = row as { status: string; authorId: string; articleId: string };
    if (!isCommentVisible(ctx.viewer, comment)) return null;
    const article = await ctx.loaders.rows.Article.load(comment.articleId);
    if (!article || !isArticleOpenable(ctx.viewer, article)) return null;
  }
  if (typename === "LiveUpdate") {
    // A draft is for editors only; a withdrawn update stays readable (its fields show only that it was withdrawn).
    const update = row as { status: string; articleId: string };
    if (update.status === "DRAFT" && !canSeeUnpublished(ctx.viewer)) return null;
    const article = await ctx.loaders.rows.Article.load(update.articleId);
    if (!article || !isArticleOpenable(ctx.viewer, article)) return null;
  }
  brandWithType(row, typename as never);
  return row;
}
