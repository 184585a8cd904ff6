// Relay fragments as a web front end colocates them with its components. test/relay.test.ts compiles them with
// relay-compiler against schema/schema.graphql: @refetchable needs Node and node(id:), @connection needs Relay
// connections (edges { cursor node }, pageInfo), so a clean compile proves Lede's schema conforms.
// relay-compiler reads the graphql`…` templates without running this file; String.raw stands in for the tag.
const graphql = String.raw;

export const articleCard = graphql`
  fragment ArticleCard_article on Article @refetchable(queryName: "ArticleCardRefetchQuery") {
    id
    headline
    standfirst
    publishedAt
    section {
      name
    }
    bylines {
      role
      person {
        id
        name
      }
    }
    commentCount
  }
`;
