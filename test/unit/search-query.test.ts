// The search query language on its own: what the parser makes of words, phrases, exclusions, OR and prefixes, what
// it refuses, and the FTS5 and tsquery text it writes (where no user text may reach the engine's own syntax).
import { GraphQLError } from "graphql";
import { describe, expect, it } from "vitest";
import {
  MAX_QUERY_LENGTH,
  MAX_QUERY_TERMS,
  parseSearchQuery,
  toFts5,
  toTsquery,
  type SearchQuery,
} from "../../src/services/search/query.js";

const term = (words: string[], prefix = false) => ({ words, prefix });

/** toTsquery with numbered placeholders, returning the SQL and the parameters it asked for. */
function tsquery(query: SearchQuery): { sql: string; params: string[] } {
  const params: string[] = [];
  const sql = toTsquery(query, (value) => {
    params.push(value);
    return `$${params.length}`;
  });
  return { sql, params };
}

describe("parseSearchQuery", () => {
  it("reads words, quoted phrases, exclusions, OR groups and prefixes", () => {
    expect(parseSearchQuery('Wagner "Norway asylum" -Russia OR commander* OR Oslo')).toEqual({
      groups: [
        { include: [term(["wagner"]), term(["norway", "asylum"])], exclude: [term(["russia"])] },
        { include: [term(["commander"], true)], exclude: [] },
        { include: [term(["oslo"])], exclude: [] },
      ],
    });
  });

  it("lower-cases, normalises (NFKC) and keeps letters and digits of every script", () => {
    expect(parseSearchQuery("ＷＡＧＮＥＲ Пригожин 2023").groups[0]!.include).toEqual([
      term(["wagner"]),
      term(["пригожин"]),
      term(["2023"]),
    ]);
  });

  it("treats FTS and tsquery syntax as punctuation", () => {
    const parsed = parseSearchQuery("(Wagner) NEAR/3 title:Oslo a&b !x |y <-> 'z'");
    expect(parsed.groups[0]!.include.map((t) => t.words)).toEqual([
      ["wagner"],
      ["near", "3"],
      ["title", "oslo"],
      ["a", "b"],
      ["x"],
      ["y"],
      ["z"],
    ]);
    expect(parsed.groups[0]!.include.every((t) => !t.prefix)).toBe(true);
  });

  it("takes a star as a prefix only at the end of a word", () => {
    expect(parseSearchQuery("comm*").groups[0]!.include).toEqual([term(["comm"], true)]);
    expect(parseSearchQuery("co*mm").groups[0]!.include).toEqual([term(["co", "mm"])]);
    expect(parseSearchQuery('"comm*"').groups[0]!.include).toEqual([term(["comm"])]);
  });

  it("reads OR only in capitals and not negated; a lone dash or an unclosed quote is harmless", () => {
    expect(parseSearchQuery("cats or dogs").groups).toHaveLength(1);
    expect(parseSearchQuery("cats -OR dogs").groups[0]).toEqual({
      include: [term(["cats"]), term(["dogs"])],
      exclude: [term(["or"])],
    });
    expect(parseSearchQuery("cats - dogs").groups[0]!.include).toEqual([term(["cats"]), term(["dogs"])]);
    expect(parseSearchQuery('"open phrase').groups[0]!.include).toEqual([term(["open", "phrase"])]);
  });

  it("drops a group that only excludes, with its exclusions", () => {
    expect(parseSearchQuery("-russia OR wagner")).toEqual({ groups: [{ include: [term(["wagner"])], exclude: [] }] });
  });

  it.each([
    ["empty", "", /must not be empty/],
    ["blank", "   \t", /must not be empty/],
    ["punctuation only", '(( "" )) * -', /has no word to look for/],
    ["exclusions only", "-wagner -oslo", /has no word to look for/],
    ["operators only", "OR OR", /has no word to look for/],
    ["too long", "a".repeat(MAX_QUERY_LENGTH + 1), new RegExp(`at most ${MAX_QUERY_LENGTH} characters`)],
    ["too many terms", Array.from({ length: MAX_QUERY_TERMS + 1 }, (_, i) => `w${i}`).join(" "), /at most 32 words/],
  ])("refuses %s with BAD_USER_INPUT naming the field", (_what, input, message) => {
    let error: unknown;
    try {
      parseSearchQuery(input, "search");
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(GraphQLError);
    expect((error as GraphQLError).extensions).toEqual({ code: "BAD_USER_INPUT", field: "search" });
    expect((error as GraphQLError).message).toMatch(message);
  });

  it("accepts exactly the limits", () => {
    const terms = Array.from({ length: MAX_QUERY_TERMS }, (_, i) => `w${i}`).join(" ");
    expect(parseSearchQuery(terms).groups[0]!.include).toHaveLength(MAX_QUERY_TERMS);
    expect(parseSearchQuery("a".repeat(MAX_QUERY_LENGTH)).groups[0]!.include).toHaveLength(1);
  });

  it("never lets a quote, a star or an operator through into a term's words, whatever the input", () => {
    // a deterministic sweep over hostile characters in every position
    const alphabet = ['"', "*", "-", "(", ")", ":", "^", "'", "\\", " ", "OR", "NEAR", "a", "é", "7", "\u200b"];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    for (let i = 0; i < 500; i++) {
      const input = Array.from({ length: 1 + (next() % 12) }, () => alphabet[next() % alphabet.length]).join("");
      let parsed: SearchQuery;
      try {
        parsed = parseSearchQuery(input);
      } catch (error) {
        expect((error as GraphQLError).extensions?.code).toBe("BAD_USER_INPUT");
        continue;
      }
      for (const group of parsed.groups)
        for (const t of [...group.include, ...group.exclude])
          for (const word of t.words) expect(word, JSON.stringify(input)).toMatch(/^[\p{L}\p{N}]+$/u);
    }
  });
});

describe("toFts5", () => {
  it("quotes every term, joins with AND, excludes with NOT and groups with OR", () => {
    expect(toFts5(parseSearchQuery('wagner "norway asylum" -russia -moscow OR comm*'))).toBe(
      '(("wagner" AND "norway asylum") NOT ("russia" OR "moscow")) OR ("comm" *)',
    );
  });
});

describe("toTsquery", () => {
  it("passes every term as a parameter: phrases through phraseto_tsquery, prefixes as quoted lexemes", () => {
    expect(tsquery(parseSearchQuery('wagner "norway asylum" -russia OR oslo harb*'))).toEqual({
      sql:
        "((phraseto_tsquery('english', $1) && phraseto_tsquery('english', $2)) && !!(phraseto_tsquery('english', $3)))" +
        " || (phraseto_tsquery('english', $4) && to_tsquery('english', $5))",
      params: ["wagner", "norway asylum", "russia", "oslo", "'harb':*"],
    });
  });

  it("puts the words before a prefix in a phrase followed by the prefix", () => {
    // the prefix's parameter is added first; each placeholder names its own value
    expect(tsquery(parseSearchQuery("new-yor*"))).toEqual({
      sql: "((phraseto_tsquery('english', $2) <-> to_tsquery('english', $1)))",
      params: ["'yor':*", "new"],
    });
  });
});
