// The text rules every typed input shares (control characters, word counts) and what a comment body may be:
// markup stripped to plain text, whitespace tidied, 1–5,000 characters.
import { GraphQLError } from "graphql";
import { describe, expect, it } from "vitest";
import { MAX_COMMENT_LENGTH, normaliseCommentBody, stripMarkup } from "../../src/services/comments/text.js";
import { countWords, hasControlCharacters } from "../../src/services/shared/text.js";

function refusal(raw: string): GraphQLError {
  try {
    normaliseCommentBody(raw);
  } catch (error) {
    expect(error).toBeInstanceOf(GraphQLError);
    return error as GraphQLError;
  }
  throw new Error(`expected ${JSON.stringify(raw.slice(0, 40))} to be refused`);
}

describe("shared text rules", () => {
  it("finds C0 and C1 control characters and DEL, but allows tab, newline and carriage return", () => {
    for (const ok of ["plain", "tab\there", "lines\nand\r\nreturns", "ünïcødé ✓ 🙂"])
      expect(hasControlCharacters(ok)).toBe(false);
    for (const bad of ["\u0000", "a\u0007b", "\u000b", "\u000c", "\u001b[31m", "\u007f", "\u0085", "\u009f"])
      expect(hasControlCharacters(bad), JSON.stringify(bad)).toBe(true);
  });

  it("counts words, with apostrophes, hyphens and dots inside them", () => {
    expect(countWords("")).toBe(0);
    expect(countWords("   ")).toBe(0);
    expect(countWords("The commander’s wife didn't go")).toBe(5);
    expect(countWords("A well-known U.S. firm — 2024")).toBe(5);
    expect(countWords("Пригожин и Вагнер")).toBe(3);
    expect(countWords("-- ... !!")).toBe(0);
  });
});

describe("comment bodies", () => {
  it("strips markup, dropping script and style with their content", () => {
    expect(stripMarkup("<b>bold</b> and <i>it</i>")).toBe("bold and it");
    expect(stripMarkup("a<script>alert(1)</script>b<style>p{}</style>c")).toBe("abc");
    expect(stripMarkup('<img src=x onerror="alert(1)">after')).toBe("after");
    expect(stripMarkup("fish &amp; chips &lt; 5")).toBe("fish & chips < 5");
  });

  it("never returns markup, even when entities decode to a tag", () => {
    expect(stripMarkup("&lt;script&gt;alert(1)&lt;/script&gt;")).not.toMatch(/<script/i);
    expect(stripMarkup("&lt;b&gt;typed&lt;/b&gt;")).toBe("typed");
    expect(stripMarkup("1 < 2 and 3 > 2")).toBe("1 < 2 and 3 > 2");
  });

  it("tidies line endings, trailing spaces and runs of blank lines, and trims", () => {
    expect(normaliseCommentBody("  first  \r\nsecond\r\rthird\n\n\n\n\nlast  ")).toBe("first\nsecond\n\nthird\n\nlast");
  });

  it("accepts exactly the maximum length after trimming", () => {
    expect(normaliseCommentBody(`  ${"x".repeat(MAX_COMMENT_LENGTH)}  `)).toHaveLength(MAX_COMMENT_LENGTH);
  });

  it.each([
    ["empty", "", /needs some text/],
    ["whitespace only", " \n\t ", /needs some text/],
    ["markup only", "<b></b><script>x</script>", /needs some text/],
    ["a control character", "hello\u0000", /control characters/],
    ["too long", "x".repeat(MAX_COMMENT_LENGTH + 1), /at most 5000 characters/],
    ["far too long to sanitise", "<b>".repeat(MAX_COMMENT_LENGTH * 2), /at most 5000 characters/],
  ])("refuses %s with BAD_USER_INPUT on the field body", (_what, raw, message) => {
    const error = refusal(raw);
    expect(error.extensions).toEqual({ code: "BAD_USER_INPUT", field: "body" });
    expect(error.message).toMatch(message);
  });
});
