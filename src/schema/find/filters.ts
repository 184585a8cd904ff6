// The input types of the filtered article lists: ArticleFilter (with AND / OR / NOT), ArticleOrder, and the mention
// match they use (the date range is in shared/dates.ts).
import { builder } from "../../builder.js";
import type { ArticleFilter } from "../../services/articles/filter.js";
import { DateRangeInput } from "../shared/dates.js";
import { MAX_FILTER_DEPTH, MAX_FILTER_IDS } from "../../services/articles/filter.js";
import { ArticleStatusEnum } from "../shared/enums.js";

export const MentionMatchInput = builder
  .inputRef<{ anyOf?: string[] | null; allOf?: string[] | null }>("MentionMatch")
  .implement({
    description: `Articles by the entities they mention (Person, Organisation, Event or Place ids, at most ${MAX_FILTER_IDS} each).`,
    fields: (t) => ({
      anyOf: t.idList({ required: false, description: "Articles that mention at least one of these entities." }),
      allOf: t.idList({ required: false, description: "Articles that mention every one of these entities." }),
    }),
  });

export const ArticleFilterInput = builder.inputRef<ArticleFilter>("ArticleFilter").implement({
  description: `Which articles to list. The fields of one filter must all hold; AND, OR and NOT combine filters (at most ${MAX_FILTER_DEPTH} levels deep).`,
  fields: (t) => ({
    section: t.string({ required: false, description: "Articles in the section with this slug, e.g. world." }),
    tag: t.string({ required: false, description: "Articles with the tag of this slug." }),
    status: t.field({
      type: ArticleStatusEnum,
      required: false,
      description: "Articles in this status. Anything but PUBLISHED is for editors only (FORBIDDEN otherwise).",
    }),
    mentions: t.field({
      type: MentionMatchInput,
      required: false,
      description: "Articles by the entities they mention.",
    }),
    byline: t.id({ required: false, description: "Articles credited to this person (a Person id)." }),
    publisher: t.id({ required: false, description: "Articles published by this organisation (an Organisation id)." }),
    publishedAt: t.field({ type: DateRangeInput, required: false, description: "Articles published in this span." }),
    updatedAt: t.field({ type: DateRangeInput, required: false, description: "Articles last changed in this span." }),
    language: t.string({ required: false, description: "Articles in this language (BCP 47 code, e.g. en)." }),
    hasComments: t.boolean({
      required: false,
      description: "true: articles with at least one visible comment; false: articles with none.",
    }),
    text: t.string({
      required: false,
      description:
        'Articles matching this search query (same syntax as Query.search: words, "phrases", -excluded, OR, prefix*). Needed by orderBy RELEVANCE.',
    }),
    AND: t.field({ type: [ArticleFilterInput], required: false, description: "Every one of these filters holds." }),
    OR: t.field({ type: [ArticleFilterInput], required: false, description: "At least one of these filters holds." }),
    NOT: t.field({ type: ArticleFilterInput, required: false, description: "This filter does not hold." }),
  }),
});

export const ArticleOrderEnum = builder.enumType("ArticleOrder", {
  description: "How to order a list of articles. Ties are broken by id, so that paging is stable.",
  values: {
    PUBLISHED_DESC: { description: "Newest publication first (the default; drafts last)." },
    PUBLISHED_ASC: { description: "Oldest publication first (drafts last)." },
    UPDATED_DESC: { description: "Most recently changed first." },
    MOST_COMMENTED: { description: "Most visible comments first, then newest." },
    RELEVANCE: { description: "Best match for filter.text first, then newest (BAD_USER_INPUT without filter.text)." },
  } as const,
});
