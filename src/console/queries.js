// The operations the console sends (the same fields as schema/operations/moderation-console.graphql), the only
// place the console writes one: test/unit/console-queries.test.ts validates each against the schema.
const ITEM = `
fragment Item on Comment {
  id body status featured reported flagCount createdAt editedAt depth
  article { id headline url slug section { slug name } }
  parent { id body author { displayName } }
  author { id displayName createdAt }
  flags { reason note createdAt reporter { displayName } }
  moderation { status previousStatus automatic note createdAt moderator { displayName } reasons { rule detail } }
}`;

export const VIEWER = `{ viewer { id displayName role } }`;

export const QUEUE = `${ITEM}
query Queue($queue: ModerationQueue!, $order: ModerationOrder, $section: String, $articleId: ID, $authorId: ID,
            $after: String) {
  moderationItems(queue: $queue, order: $order, section: $section, articleId: $articleId, authorId: $authorId,
                  first: 25, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { ...Item } }
  }
  moderationCounts(section: $section, articleId: $articleId, authorId: $authorId) {
    pending reported rejected approved featured
  }
}`;

export const COUNTS = `
query Counts($section: String, $articleId: ID, $authorId: ID) {
  moderationCounts(section: $section, articleId: $articleId, authorId: $authorId) {
    pending reported rejected approved featured
  }
}`;

export const ARTICLE_BY_SLUG = `query Story($slug: String!) { article(slug: $slug) { id headline } }`;

export const HISTORY = `
query History($id: ID!) {
  node(id: $id) {
    ... on Account {
      id displayName role createdAt
      standing { banned suspendedUntil warning warnedAt }
      history {
        accountCreatedAt visibleCount approvedCount pendingCount rejectedCount removedCount flagsReceived
        decisions { status note automatic createdAt moderator { displayName } reasons { rule detail } }
        actions { kind reason message until createdAt moderator { displayName } }
      }
    }
  }
}`;

export const APPROVE = `${ITEM} mutation Approve($ids: [ID!]!) { approveComments(ids: $ids) { ...Item } }`;
export const REJECT = `${ITEM}
mutation Reject($ids: [ID!]!, $reason: String!) { rejectComments(ids: $ids, reason: $reason) { ...Item } }`;
export const FEATURE = `${ITEM} mutation Feature($id: ID!) { featureComment(id: $id) { ...Item } }`;
export const UNFEATURE = `${ITEM} mutation Unfeature($id: ID!) { unfeatureComment(id: $id) { ...Item } }`;

/** Account actions by kind: each takes the account id and a reason. */
export const ACCOUNT_ACTIONS = {
  WARN: `mutation($id: ID!, $reason: String!, $message: String!) {
    warnAccount(id: $id, reason: $reason, message: $message) { id } }`,
  SUSPEND: `mutation($id: ID!, $reason: String!, $until: DateTime!) {
    suspendAccount(id: $id, reason: $reason, until: $until) { id } }`,
  BAN: `mutation($id: ID!, $reason: String!) { banAccount(id: $id, reason: $reason) { id } }`,
  UNBAN: `mutation($id: ID!, $reason: String!) { unbanAccount(id: $id, reason: $reason) { id } }`,
  NOTE: `mutation($id: ID!, $reason: String!) { addAccountNote(id: $id, reason: $reason) { id } }`,
};

export const STREAM = `${ITEM} subscription { moderationEvents { kind comment { ...Item } } }`;
