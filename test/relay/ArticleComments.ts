// A comment thread paged with Relay's usePaginationFragment: the fragment is refetchable on the Article (through
// node(id:)) and its comments are a @connection that Relay's store appends pages to.
const graphql = String.raw;

export const articleComments = graphql`
  fragment ArticleComments_article on Article
  @refetchable(queryName: "ArticleCommentsPaginationQuery")
  @argumentDefinitions(count: { type: "Int", defaultValue: 20 }, cursor: { type: "String" }) {
    id
    commentCount
    comments(first: $count, after: $cursor, orderBy: NEWEST) @connection(key: "ArticleComments_comments") {
      edges {
        node {
          id
          body
          createdAt
          author {
            displayName
          }
          replyCount
        }
      }
    }
  }
`;
