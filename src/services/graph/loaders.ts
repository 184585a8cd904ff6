// Per-request DataLoaders for the graph aggregates, one per distinct set of arguments: every person in a list that
// asks for coMentioned(first: 5) shares one batched statement. Kept beside the request's context, not in it, so that
// the aggregates need nothing from the rest of the loaders.
import DataLoader from "dataloader";
import type { Context } from "../../context.js";
import {
  coMentionedBatch,
  relatedArticlesBatch,
  type CoMention,
  type EntityKind,
  type RelatedArticle,
} from "./graph.js";

const perRequest = new WeakMap<Context, Map<string, DataLoader<string, unknown>>>();

function loaderFor<V>(
  ctx: Context,
  key: string,
  batch: (ids: readonly string[]) => Promise<V[]>,
): DataLoader<string, V> {
  let loaders = perRequest.get(ctx);
  if (!loaders) perRequest.set(ctx, (loaders = new Map()));
  let loader = loaders.get(key) as DataLoader<string, V> | undefined;
  if (!loader) {
    loader = new DataLoader<string, V>(batch, { maxBatchSize: 100 });
    loaders.set(key, loader as DataLoader<string, unknown>);
  }
  return loader;
}

export function loadCoMentioned(
  ctx: Context,
  kind: EntityKind,
  id: string,
  options: { limit: number; only: EntityKind | null },
): Promise<CoMention[]> {
  return loaderFor(ctx, `co:${kind}:${options.limit}:${options.only ?? ""}`, (ids) =>
    coMentionedBatch(ctx.prisma, ctx.viewer, kind, ids, options),
  ).load(id);
}

export function loadRelatedArticles(ctx: Context, articleId: string, limit: number): Promise<RelatedArticle[]> {
  return loaderFor(ctx, `related:${limit}`, (ids) => relatedArticlesBatch(ctx.prisma, ctx.viewer, ids, limit)).load(
    articleId,
  );
}
