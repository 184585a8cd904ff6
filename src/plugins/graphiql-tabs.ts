// GraphiQL's example tabs, in the order they open: the reference story and its graph (the first tab, so an analyst
// sees real data on first load), then an entity's timeline, a full-text search, a live comment subscription on the same story, and the
// sample live blog (graphiql-live-tab.ts).
import { encodeGlobalId } from "../global-id.js";
import { stableId } from "../seed/seed.js";
import { LIVE_BLOG_TAB } from "./graphiql-live-tab.js";

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

/** Andrei Medvedev's global id in the seed story (seed ids are derived from slugs, so it is the same everywhere). */
const MEDVEDEV_ID = encodeGlobalId("Person", stableId("person", "andrei-medvedev"));

export const TIMELINE_QUERY = /* GraphQL */ `
  # An entity's timeline: the events it took part in and the articles that mention it, oldest first.
  # Dates known only to the month or year keep that precision (and sort at the start of the period).
  # Try from/to, include: [EVENT], or another entity's id.

  query Timeline($entity: ID!, $from: DateTime, $to: DateTime) {
    timeline(entity: $entity, from: $from, to: $to, first: 30) {
      totalCount
      edges {
        node {
          kind
          date {
            text
            precision
          }
          endDate {
            text
          }
          item {
            ... on Event {
              name
              kind
              place {
                name
              }
            }
            ... on Article {
              headline
              publishedAt
            }
          }
        }
      }
    }
    node(id: $entity) {
      ... on Person {
        name
        coMentioned(first: 5) {
          articleCount
          entity {
            ... on Person {
              name
            }
            ... on Organisation {
              name
            }
            ... on Place {
              name
            }
            ... on Event {
              name
            }
          }
        }
      }
    }
  }
`;

/** A second tab: full-text search with highlights and facets. */
export const SEARCH_EXAMPLE_QUERY = /* GraphQL */ `
  # Search articles, people, organisations, events and places. Try "quoted phrases", -excluded words,
  # OR between alternatives, and prefix*; another spelling of a name ("Andrey") finds the same person.

  query Search {
    search(query: "Wagner asylum -Prigozhin", first: 10) {
      totalCount
      edges {
        score
        node {
          __typename
          ... on Article {
            headline
            publishedAt
            section {
              name
            }
          }
          ... on Person {
            name
            alternateNames
          }
          ... on Organisation {
            name
          }
          ... on Event {
            name
          }
          ... on Place {
            name
          }
        }
        highlights {
          field
          html
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
      facets {
        types {
          type
          count
        }
        sections {
          value
          label
          count
        }
        tags {
          value
          label
          count
        }
        months {
          value
          count
        }
        entities {
          count
          entity {
            __typename
            ... on Person {
              name
            }
            ... on Organisation {
              name
            }
          }
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
  { query: TIMELINE_QUERY, variables: JSON.stringify({ entity: MEDVEDEV_ID, from: "2022-01-01T00:00:00Z" }, null, 2) },
  { query: SEARCH_EXAMPLE_QUERY },
  // The live-blog tab goes before the live comments: placed last, a click on the comments tab did not switch the
  // editor in the Chromium test (cause not found); in this order every tab switches.
  LIVE_BLOG_TAB,
  { query: LIVE_COMMENTS_SUBSCRIPTION, variables: JSON.stringify({ articleId: REFERENCE_ARTICLE_ID }, null, 2) },
];
