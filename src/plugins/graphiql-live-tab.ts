// GraphiQL's live-blog tab: the seed's sample live blog (pinned update, summary, key events, the newest updates with
// the cursor to follow from), and the subscription that follows it.
import { encodeGlobalId } from "../global-id.js";
import { SAMPLE_LIVE_BLOG } from "../seed/live-story.js";
import { stableId } from "../seed/seed.js";

export const SAMPLE_LIVE_BLOG_ID = encodeGlobalId("Article", stableId("article", SAMPLE_LIVE_BLOG.slug));

export const LIVE_BLOG_QUERY = /* GraphQL */ `
  # A live blog: the pinned update, the summary and key events, then the updates newest first with stable cursors
  # (first/after pages back, before: the ones since a cursor; since: what changed after a time).
  # To follow it live, run FollowLiveBlog with $after set to eventCursor: nothing that happens after this read is
  # missed. Editors post with postLiveUpdate (a token in the Headers panel).

  query SampleLiveBlog($slug: String!) {
    article(slug: $slug) {
      id
      headline
      liveBlog {
        coverageStartTime
        coverageEndTime
        isLive
        eventCursor
        pinnedUpdate {
          title
          publishedAt
        }
        summary {
          title
          bodyText
        }
        keyEvents {
          title
          publishedAt
        }
        liveUpdates(first: 10) {
          totalCount
          pageInfo {
            hasNextPage
            endCursor
          }
          edges {
            cursor
            node {
              sequence
              title
              bodyText
              keyEvent
              pinned
              publishedAt
              editedAt
              corrections {
                text
              }
            }
          }
        }
      }
    }
  }

  subscription FollowLiveBlog($articleId: ID!, $after: String) {
    liveBlogEvents(articleId: $articleId, after: $after) {
      kind
      sequence
      cursor
      update {
        id
        title
        bodyText
        status
        keyEvent
        pinned
        publishedAt
        editedAt
      }
    }
  }
`;

export const LIVE_BLOG_TAB = {
  query: LIVE_BLOG_QUERY,
  variables: JSON.stringify({ slug: SAMPLE_LIVE_BLOG.slug, articleId: SAMPLE_LIVE_BLOG_ID }, null, 2),
};
