// The query GraphiQL opens with: the reference story and its graph, so an analyst sees real data on first load.
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

/** GraphiQL's tabs when a browser has none saved. */
export const EXAMPLE_TABS = [{ query: EXAMPLE_QUERY }, { query: SEARCH_EXAMPLE_QUERY }];
