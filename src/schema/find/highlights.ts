// Highlights: the database marks matched terms with two private-use characters (which never occur in stored
// text); here they become fragments (text + matched) and escaped HTML with <mark>, so a client never has to trust
// markup that came from article text.
import { builder } from "../../builder.js";
import { MARK_END, MARK_START, type SearchHitRow } from "../../services/search/search.js";

export type HighlightField = "TITLE" | "ALTERNATE_NAMES" | "SUMMARY" | "BODY";

export interface Fragment {
  text: string;
  matched: boolean;
}

export interface Highlight {
  field: HighlightField;
  fragments: Fragment[];
}

export function fragmentsOf(marked: string): Fragment[] {
  const fragments: Fragment[] = [];
  let rest = marked;
  while (rest.length > 0) {
    const start = rest.indexOf(MARK_START);
    if (start < 0) {
      fragments.push({ text: rest, matched: false });
      break;
    }
    if (start > 0) fragments.push({ text: rest.slice(0, start), matched: false });
    const end = rest.indexOf(MARK_END, start);
    const stop = end < 0 ? rest.length : end;
    const text = rest.slice(start + 1, stop);
    if (text) fragments.push({ text, matched: true });
    rest = end < 0 ? "" : rest.slice(end + 1);
  }
  // adjacent marked words ("Andrei" "Medvedev") read better as one
  return fragments.reduce<Fragment[]>((merged, f) => {
    const last = merged.at(-1);
    if (last && last.matched === f.matched) last.text += f.text;
    else merged.push({ ...f });
    return merged;
  }, []);
}

const FIELDS: [HighlightField, keyof SearchHitRow][] = [
  ["TITLE", "title"],
  ["ALTERNATE_NAMES", "alias"],
  ["SUMMARY", "summary"],
  ["BODY", "body"],
];

export function highlightsOf(row: SearchHitRow): Highlight[] {
  return FIELDS.flatMap(([field, column]) => {
    const text = String(row[column]);
    return text.includes(MARK_START) ? [{ field, fragments: fragmentsOf(text) }] : [];
  });
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

export const HighlightFieldEnum = builder.enumType("HighlightField", {
  description: "Which part of a hit a highlight comes from.",
  values: {
    TITLE: { description: "The headline, or the entity's name." },
    ALTERNATE_NAMES: { description: "Other names of a person or organisation." },
    SUMMARY: { description: "The standfirst, or the entity's description." },
    BODY: { description: "The article text." },
  } as const,
});

const FragmentRef = builder.objectRef<Fragment>("HighlightFragment").implement({
  description: "A run of a highlight's text, matched or not.",
  fields: (t) => ({
    text: t.string({ description: "The text, as stored (not escaped).", resolve: (f) => f.text }),
    matched: t.boolean({ description: "True when the run matched the query.", resolve: (f) => f.matched }),
  }),
});

export const HighlightRef = builder.objectRef<Highlight>("Highlight").implement({
  description: "A snippet of a matching field with the matched terms marked.",
  fields: (t) => ({
    field: t.field({ type: HighlightFieldEnum, description: "Where the snippet comes from.", resolve: (h) => h.field }),
    html: t.string({
      description: "The snippet as HTML: text escaped, matched terms in <mark>…</mark>.",
      resolve: (h) =>
        h.fragments.map((f) => (f.matched ? `<mark>${escapeHtml(f.text)}</mark>` : escapeHtml(f.text))).join(""),
    }),
    fragments: t.field({
      type: [FragmentRef],
      description: "The snippet as runs of text, each marked matched or not.",
      resolve: (h) => h.fragments,
    }),
  }),
});
