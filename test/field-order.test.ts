// Answers keep the order of the query's selections (the GraphQL spec's ordered response maps), fragments included:
// clients and caches may compare answers as text, and the benchmark compares them byte for byte with B1's.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { print } from "graphql";
import { FrontPageDocument } from "./generated/graphql.js";
import { skipDatabase, startLede, type TestLede } from "./support/lede.js";

describe.skipIf(skipDatabase)("the order of an answer's fields", () => {
  let lede: TestLede;
  beforeAll(async () => {
    lede = await startLede();
  });
  afterAll(async () => {
    await lede?.close();
  });

  it("is the order of the front page's selections, fragments spread where they stand, twice alike", async () => {
    const ask = async () => {
      const response = await lede.fetch("/graphql", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: print(FrontPageDocument), variables: { first: 3, comments: 5 } }),
      });
      return response.text();
    };
    const text = await ask();
    const answer = JSON.parse(text);
    expect(Object.keys(answer.data.articles), text).toEqual(["totalCount", "pageInfo", "edges"]);
    expect(Object.keys(answer.data.articles.pageInfo)).toEqual(["hasNextPage", "endCursor"]);
    const node = answer.data.articles.edges.find((edge: any) => edge.node.comments.edges.length > 0).node;
    expect(Object.keys(node)).toEqual([
      "id",
      "headline",
      "publishedAt",
      "section",
      "bylines",
      "publisher",
      "mentions",
      "commentCount",
      "comments",
    ]);
    expect(Object.keys(node.bylines[0])).toEqual(["role", "person"]);
    const comment = node.comments.edges[0].node;
    expect(Object.keys(comment)).toEqual(["id", "body", "author", "replyCount", "replies"]);
    // the second answer (from the response cache) is the same text
    expect(await ask()).toBe(text);
  });
});
