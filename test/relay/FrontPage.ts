// The front page: a query-level @connection over every article, refetchable from the root, plus the query that
// renders it. Entity pages use the same pattern on Person.mentionedIn.
const graphql = String.raw;

export const frontPage = graphql`
  fragment FrontPage_query on Query
  @refetchable(queryName: "FrontPagePaginationQuery")
  @argumentDefinitions(count: { type: "Int", defaultValue: 10 }, cursor: { type: "String" }) {
    articles(first: $count, after: $cursor) @connection(key: "FrontPage_articles") {
      totalCount
      edges {
        node {
          id
          ...ArticleCard_article
        }
      }
    }
  }
`;

export const frontPageQuery = graphql`
  query FrontPageQuery {
    ...FrontPage_query
  }
`;

export const personMentions = graphql`
  fragment FrontPage_person on Person
  @refetchable(queryName: "FrontPagePersonMentionsQuery")
  @argumentDefinitions(count: { type: "Int", defaultValue: 5 }, cursor: { type: "String" }) {
    id
    name
    mentionedIn(first: $count, after: $cursor) @connection(key: "FrontPage_mentionedIn") {
      edges {
        node {
          salience
          article {
            id
            ...ArticleCard_article
          }
        }
      }
    }
  }
`;

export const articlePageQuery = graphql`
  query FrontPageArticleQuery($slug: String!) {
    article(slug: $slug) {
      ...ArticleCard_article
      ...ArticleComments_article @arguments(count: 10)
    }
  }
`;
