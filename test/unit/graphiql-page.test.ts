// The logic of Lede's GraphiQL page that runs without a browser: which tab it reopens after a reload (from GraphiQL's
// stored tabs and a ?query= link), and JSON that no tab's text can break out of its script element.
import { describe, expect, it } from "vitest";
import { jsonForScript } from "../../src/graphiql/page-config.js";
import { reopenTab, storedTabs } from "../../src/graphiql/reopen.js";

const examples = [{ query: "query First { a }" }, { query: "query Second($x: ID!) { b(x: $x) }", variables: "{}" }];

function tab(query: string | null, variables: string | null = null, headers: string | null = null) {
  return {
    id: `id-${query}`,
    title: query ?? "<untitled>",
    query,
    variables,
    headers,
    operationName: null,
    response: null,
  };
}

const stored = (activeTabIndex: number, ...tabs: ReturnType<typeof tab>[]) => JSON.stringify({ tabs, activeTabIndex });

describe("reopenTab", () => {
  it("opens a new profile on the examples, the first one first", () => {
    expect(reopenTab(null, null, examples)).toEqual({});
  });

  it("reopens the tab that was open, with its variables and headers, so GraphiQL finds it among the stored ones", () => {
    const state = stored(
      1,
      tab("query First { a }"),
      tab("query Second { b }", '{"x": "1"}', '{"Authorization": "t"}'),
    );
    expect(reopenTab(state, null, examples)).toEqual({
      initialQuery: "query Second { b }",
      initialVariables: '{"x": "1"}',
      initialHeaders: '{"Authorization": "t"}',
    });
  });

  it("reopens an empty tab as empty, not as a new untitled one", () => {
    expect(reopenTab(stored(0, tab(null)), null, examples)).toEqual({
      initialQuery: "",
      initialVariables: "",
      initialHeaders: "",
    });
  });

  it("opens a ?query= link on the tab that holds it, or as a new tab when none does", () => {
    const state = stored(0, tab("query First { a }"), tab("query Second { b }", "{}"));
    expect(reopenTab(state, "query Second { b }", examples)).toMatchObject({ initialVariables: "{}" });
    expect(reopenTab(state, "{ c }", examples)).toEqual({
      initialQuery: "{ c }",
      initialVariables: "",
      initialHeaders: "",
    });
    expect(reopenTab(null, "{ c }", examples)).toEqual({
      initialQuery: "{ c }",
      defaultTabs: [{ query: "{ c }" }, ...examples],
    });
  });

  it("ignores stored tabs GraphiQL itself would throw away", () => {
    for (const broken of ["", "not json", "[]", '{"tabs": [], "activeTabIndex": 0}', '{"tabs": [{"query": 1}]}'])
      expect(storedTabs(broken), broken).toBeNull();
    expect(reopenTab('{"tabs": [{"id": "x"}], "activeTabIndex": 0}', null, examples)).toEqual({});
    // an index past the end falls back to the first tab
    expect(reopenTab(stored(7, tab("query First { a }")), null, examples)).toMatchObject({
      initialQuery: "query First { a }",
    });
  });
});

describe("jsonForScript", () => {
  it("keeps every text of a tab inside its script element, and parses back to the same value", () => {
    const value = { query: '# </script><script>alert(1)</script> <!-- & "quotes" \u2028' };
    const json = jsonForScript(value);
    expect(json).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(json)).toEqual(value);
  });
});
