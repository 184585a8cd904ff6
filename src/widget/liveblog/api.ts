// What the live-blog script asks Lede: the blog's first page (with the cursor to follow it from) and its live
// events. Plain strings: the browser bundle needs no GraphQL parser. test/browser/liveblog.test.ts runs them.

export interface Block {
  kind: "PARAGRAPH" | "HEADING" | "QUOTE" | "IMAGE";
  text: string | null;
  level: number | null;
  attribution: string | null;
  media: { url: string; caption: string | null; altText: string | null; credit: string | null } | null;
}

export interface Update {
  id: string;
  status: "DRAFT" | "PUBLISHED" | "WITHDRAWN";
  sequence: number | null;
  title: string | null;
  body: Block[];
  authors: { name: string }[];
  keyEvent: boolean;
  summary: boolean;
  pinned: boolean;
  publishedAt: string | null;
  editedAt: string | null;
  corrections: { text: string; publishedAt: string }[];
}

export interface BlogState {
  isLive: boolean;
  coverageEndTime: string | null;
  pinnedUpdate: Update | null;
}

export interface Page {
  article: {
    id: string;
    headline: string;
    liveBlog: (BlogState & { eventCursor: string; liveUpdates: { edges: { node: Update }[] } }) | null;
  } | null;
}

export interface LiveEvent {
  kind: string;
  cursor: string;
  sequence: number;
  update: Update | null;
  liveBlog: BlogState;
}

const UPDATE = `id status sequence title keyEvent summary pinned publishedAt editedAt
  body { kind text level attribution media { url caption altText credit } }
  authors { name } corrections { text publishedAt }`;

export const PAGE_QUERY = `query LedeLiveBlog($slug: String!, $first: Int) {
  article(slug: $slug) { id headline liveBlog {
    isLive coverageEndTime eventCursor pinnedUpdate { ${UPDATE} }
    liveUpdates(first: $first) { edges { node { ${UPDATE} } } }
  } }
}`;

export const EVENTS_SUBSCRIPTION = `subscription LedeLiveBlogEvents($articleId: ID!, $after: String) {
  liveBlogEvents(articleId: $articleId, after: $after) {
    kind cursor sequence update { ${UPDATE} } liveBlog { isLive coverageEndTime pinnedUpdate { ${UPDATE} } }
  }
}`;

export async function request<T>(endpoint: string, query: string, variables: Record<string, unknown>): Promise<T> {
  const response = await fetch(endpoint, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/graphql-response+json" },
    body: JSON.stringify({ query, variables }),
  });
  const result = (await response.json()) as { data?: T; errors?: { message: string }[] };
  if (result.errors?.length || !result.data) throw new Error(result.errors?.[0]?.message ?? `HTTP ${response.status}`);
  return result.data;
}
