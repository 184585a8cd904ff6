// The search query language, parsed by us into a small AST so that no user text ever reaches an FTS engine's own
// syntax: words, "quoted phrases", -excluded terms, OR between groups, and word* for a prefix. Everything else
// (parentheses, NEAR, colons, stray quotes and operators) is punctuation. The AST is then written out as an FTS5
// MATCH string (every term a quoted string) or as a PostgreSQL tsquery built from parameters.
import { BadUserInputError } from "../../errors.js";

export const MAX_QUERY_LENGTH = 1000;
export const MAX_QUERY_TERMS = 32;

/** A word or phrase: its words (letters and digits only), and whether the last one is a prefix. */
export interface Term {
  words: string[];
  prefix: boolean;
}

/** Terms that must all match, terms that must not. */
export interface Group {
  include: Term[];
  exclude: Term[];
}

/** Groups joined by OR: a document matches when it matches any group. */
export interface SearchQuery {
  groups: Group[];
}

const WORD = /[\p{L}\p{N}]+/gu;

function wordsOf(text: string): string[] {
  return (text.normalize("NFKC").match(WORD) ?? []).map((w) => w.toLowerCase());
}

type Token = { kind: "or" } | { kind: "term"; term: Term; negated: boolean };

function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < input.length) {
    const ch = input[i]!;
    if (/\s/u.test(ch)) {
      i++;
      continue;
    }
    let negated = false;
    if (ch === "-" && i + 1 < input.length && !/\s/u.test(input[i + 1]!)) {
      negated = true;
      i++;
    }
    if (input[i] === '"') {
      const end = input.indexOf('"', i + 1);
      const text = end < 0 ? input.slice(i + 1) : input.slice(i + 1, end);
      i = end < 0 ? input.length : end + 1;
      const words = wordsOf(text);
      if (words.length > 0) tokens.push({ kind: "term", term: { words, prefix: false }, negated });
      continue;
    }
    let end = i;
    while (end < input.length && !/\s/u.test(input[end]!) && input[end] !== '"') end++;
    const raw = input.slice(i, end);
    i = end;
    if (raw === "OR" && !negated) {
      tokens.push({ kind: "or" });
      continue;
    }
    const words = wordsOf(raw);
    if (words.length === 0) continue;
    // "word*" asks for a prefix; a star anywhere else is punctuation
    tokens.push({ kind: "term", term: { words, prefix: /[\p{L}\p{N}]\*+$/u.test(raw) }, negated });
  }
  return tokens;
}

/** Parses a user's query; BAD_USER_INPUT (naming `field`) when it is empty, too long or has nothing to look for. */
export function parseSearchQuery(input: string, field = "query"): SearchQuery {
  if (input.length > MAX_QUERY_LENGTH) {
    throw new BadUserInputError(`${field} may be at most ${MAX_QUERY_LENGTH} characters (got ${input.length})`, field);
  }
  if (input.trim() === "") throw new BadUserInputError(`${field} must not be empty`, field);
  const groups: Group[] = [];
  let current: Group = { include: [], exclude: [] };
  let terms = 0;
  for (const token of tokenize(input)) {
    if (token.kind === "or") {
      groups.push(current);
      current = { include: [], exclude: [] };
      continue;
    }
    if (++terms > MAX_QUERY_TERMS) {
      throw new BadUserInputError(`${field} may hold at most ${MAX_QUERY_TERMS} words and phrases`, field);
    }
    (token.negated ? current.exclude : current.include).push(token.term);
  }
  groups.push(current);
  // A group of exclusions alone would match nearly everything: it is dropped, and its exclusions with it.
  const usable = groups.filter((g) => g.include.length > 0);
  if (usable.length === 0) {
    throw new BadUserInputError(`${field} has no word to look for (only punctuation, operators or exclusions)`, field);
  }
  return { groups: usable };
}

// ---- SQLite FTS5 ----------------------------------------------------------------------------------------------

function fts5Term(term: Term): string {
  // inside double quotes FTS5 reads only tokens; the words hold letters and digits only, so nothing can escape
  const phrase = `"${term.words.join(" ")}"`;
  return term.prefix ? `${phrase} *` : phrase;
}

function fts5Group(group: Group): string {
  const include = group.include.map(fts5Term).join(" AND ");
  if (group.exclude.length === 0) return `(${include})`;
  return `((${include}) NOT (${group.exclude.map(fts5Term).join(" OR ")}))`;
}

/** The FTS5 MATCH expression for a parsed query. */
export function toFts5(query: SearchQuery): string {
  return query.groups.map(fts5Group).join(" OR ");
}

// ---- PostgreSQL tsquery ---------------------------------------------------------------------------------------

/**
 * A tsquery expression over parameters: every term is `phraseto_tsquery('english', $n)` (or, for a prefix, a
 * to_tsquery of a quoted lexeme built from letters and digits only). `param` adds a parameter and returns its
 * placeholder.
 */
export function toTsquery(query: SearchQuery, param: (value: string) => string): string {
  const term = (t: Term): string => {
    if (!t.prefix) return `phraseto_tsquery('english', ${param(t.words.join(" "))})`;
    const head = t.words.slice(0, -1);
    const last = `'${t.words[t.words.length - 1]}':*`;
    const prefix = `to_tsquery('english', ${param(last)})`;
    return head.length === 0 ? prefix : `(phraseto_tsquery('english', ${param(head.join(" "))}) <-> ${prefix})`;
  };
  const group = (g: Group): string => {
    const include = g.include.map(term).join(" && ");
    if (g.exclude.length === 0) return `(${include})`;
    return `((${include}) && !!(${g.exclude.map(term).join(" || ")}))`;
  };
  return query.groups.map(group).join(" || ");
}
