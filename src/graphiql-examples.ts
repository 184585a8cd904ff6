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
