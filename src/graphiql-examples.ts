// GraphiQL's example tabs, in the order they open: the reference story and its graph (the first tab, so an analyst
// sees real data on first load), then a live comment subscription on the same story. Search and timeline tabs go
// between the two once those fields exist: add an entry to `graphiqlTabs`.
import { encodeGlobalId } from "./global-id.js";
import { stableId } from "./seed/seed.js";

export const REFERENCE_ARTICLE_SLUG = "ex-wagner-commander-norway-refused-asylum-allowed-to-stay";

export const EXAMPLE_QUERY = /* GraphQL */ `# Welcome to Lede. Press the run button (or Ctrl-Enter) to fetch the reference story
# with its byline, image credits, corrections and the people, organisations, events and places it mentions.
# The Docs panel (top left) describes every type and field.

query ReferenceStory {
  article(slug: "${REFERENCE_ARTICLE_SLUG}") {
    id
    headline
    standfirst
    publishedAt
    section { name }
    tags { name }
    publisher { name }
    bylines { role person { name } }
    media { caption credit creditPerson { name } creditOrganisation { name } }
    corrections { publishedAt text }
    mentions(first: 50) {
      totalCount
      edges {
        node {
          salience
          entity {
            __typename
            ... on Person {
              name
              alternateNames
              affiliations(first: 5) { edges { node { role organisation { name } start { text } end { text } } } }
            }
            ... on Organisation { name organisationKind: kind }
            ... on Event { name start { text } end { text } place { name } }
            ... on Place { name placeKind: kind parent { name } }
          }
        }
      }
    }
    commentCount
    comments(first: 5) {
      edges { node { body author { displayName } replies(first: 3) { edges { node { body author { displayName } } } } } }
    }
  }
}
`;

/** The seeded reference article's global id (seed ids derive from slugs, so it is the same in every database). */
export const REFERENCE_ARTICLE_ID = encodeGlobalId("Article", stableId("article", REFERENCE_ARTICLE_SLUG));

export const LIVE_COMMENTS_SUBSCRIPTION = /* GraphQL */ `
  # Live comments on the reference story. Press run: nothing shows until someone comments.
  # Post one from another tab (startGuestSession, then postComment with the token in the Headers panel as
  # {"Authorization": "Bearer <token>"}) and watch it arrive. To resume after a dropped connection, pass the last
  # event's cursor as $after.

  subscription LiveComments($articleId: ID!, $after: String) {
    commentEvents(articleId: $articleId, after: $after) {
      kind
      sequence
      cursor
      comment {
        id
        body
        status
        createdAt
        author {
          displayName
        }
        parent {
          id
        }
      }
    }
  }
`;

export interface GraphiQLTab {
  query: string;
  variables?: string;
  headers?: string;
}

export const graphiqlTabs: GraphiQLTab[] = [
  { query: EXAMPLE_QUERY },
  // Search and timeline examples belong here.
  { query: LIVE_COMMENTS_SUBSCRIPTION, variables: JSON.stringify({ articleId: REFERENCE_ARTICLE_ID }, null, 2) },
];
