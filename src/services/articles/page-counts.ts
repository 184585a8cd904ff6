// Counts under a page of articles, kept to the page. Prisma reads a relation's `_count` (an article's mentions and
// comments, a comment's replies) as a LEFT JOIN on a GROUP BY over the whole counted table, which SQLite
// materialises by scanning every mention and every comment in the database on every front page. Everything counted
// under an article (its mentions, its comments, their replies) belongs to that article, so adding `articleId IN
// (the page's ids)` to each count's filter changes no count and lets the database use the articleId indexes.

type Selection = Record<string, unknown>;

/** The relations, from an article down, whose rows all carry the article's id: the walk goes no further. */
const WITHIN_ARTICLE: Record<string, readonly string[]> = {
  article: ["mentions", "comments"],
  comment: ["replies"],
};
const KIND_OF: Record<string, keyof typeof WITHIN_ARTICLE | undefined> = { comments: "comment", replies: "comment" };

const isObject = (value: unknown): value is Selection => typeof value === "object" && value !== null;

function scope(selection: Selection, kind: keyof typeof WITHIN_ARTICLE, articleIds: string[]): Selection {
  const relations = WITHIN_ARTICLE[kind]!;
  const scoped: Selection = { ...selection };
  for (const key of ["include", "select"] as const) {
    const nested = selection[key];
    if (!isObject(nested)) continue;
    const next: Selection = { ...nested };
    const count = nested._count;
    if (isObject(count) && isObject(count.select)) {
      const counted: Selection = {};
      for (const [relation, filter] of Object.entries(count.select)) {
        if (!relations.includes(relation) || !filter) {
          counted[relation] = filter;
          continue;
        }
        const where = isObject(filter) && isObject(filter.where) ? filter.where : {};
        counted[relation] = { ...(isObject(filter) ? filter : {}), where: { ...where, articleId: { in: articleIds } } };
      }
      next._count = { ...count, select: counted };
    }
    for (const relation of relations) {
      const child = nested[relation];
      const childKind = KIND_OF[relation];
      if (isObject(child) && childKind) next[relation] = scope(child, childKind, articleIds);
    }
    scoped[key] = next;
  }
  return scoped;
}

/** The Prisma selection for a page of articles, with the counts under them limited to those articles. */
export function countsWithinPage<T extends object>(selection: T, articleIds: string[]): T {
  return scope(selection as Selection, "article", articleIds) as T;
}
