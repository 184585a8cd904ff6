// How names are compared and turned into slugs: case, diacritics, apostrophes and spacing do not matter.

/** "Brynjulf Risnes", "BRYNJULF  RISNÉS" and "brynjulf risnes" all become "brynjulf risnes". */
export function normalName(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[’'`]/g, "'")
    .replace(/[^\p{L}\p{N}'.&-]+/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
}

// Words a phrase starts with (prepositions, conjunctions, relative words): a slug that must be cut is cut before one
// of them, so that it ends where a phrase ends ("…-begs-for-asylum"), not inside the next ("…-asylum-after-police").
const PHRASE_STARTS = new Set(
  (
    "after against ahead amid among and as at because before but by despite during for from if in including into " +
    "like near of on or over since so than that through to towards under until upon via when where whether which " +
    "while who whom whose with within without"
  ).split(" "),
);
// Words a slug should not end on even when no phrase starts after them ("…-and", "…-the").
const DANGLING = new Set([...PHRASE_STARTS, "a", "an", "the", "its", "his", "her", "their", "our", "is", "was", "are"]);
// Punctuation that ends a clause in a headline: a cut there reads as a whole.
const CLAUSE_END = /[,;:!?]|\.(?:\s|$)|\s[-–—]\s|[–—]/;

/** Lower-case words joined by hyphens, at most `max` characters. What fits whole is kept whole; what does not is cut
 * at a word boundary where a clause or phrase ends (at punctuation, or before "after", "with", "who", …) if that
 * keeps at least half the length, and never after a dangling "the" or "and". A first word longer than `max` is cut. */
export function slugify(text: string, max = 80): string {
  const folded = text.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase().replace(/['’`]/g, "");
  const tokens = [...folded.matchAll(/[a-z0-9]+/g)];
  const words = tokens.map((t) => t[0]);
  if (words.length === 0) return "untitled".slice(0, max);
  const whole = words.join("-");
  if (whole.length <= max) return whole;
  if (words[0]!.length > max) return words[0]!.slice(0, max);
  // lengths[k]: the slug of the first k words
  const lengths = [0];
  for (const word of words) lengths.push(lengths.at(-1)! + (lengths.length > 1 ? 1 : 0) + word.length);
  const fits = (k: number) => k >= 1 && lengths[k]! <= max;
  let longest = 1;
  while (fits(longest + 1)) longest++;
  const clauseEndsAfter = (k: number) => {
    const gap = folded.slice(tokens[k - 1]!.index + words[k - 1]!.length, tokens[k]!.index);
    return CLAUSE_END.test(gap);
  };
  const phraseEndsAfter = (k: number) => PHRASE_STARTS.has(words[k]!) && !DANGLING.has(words[k - 1]!);
  const enough = (k: number) => lengths[k]! >= max / 2;
  let cut = longest;
  for (const ends of [clauseEndsAfter, phraseEndsAfter]) {
    let k = longest;
    while (k > 1 && enough(k) && !ends(k)) k--;
    if (enough(k) && ends(k)) {
      cut = k;
      break;
    }
  }
  while (cut > 1 && DANGLING.has(words[cut - 1]!)) cut--;
  return words.slice(0, cut).join("-");
}

/** A section or tag as a person names it: "Border towns" (slug border-towns), or a slug, "border-towns" (named
 * "Border towns"). */
export function subjectNamed(text: string): { slug: string; name: string } {
  const name = text.trim().replace(/\s+/g, " ");
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(name)) return { slug: slugify(name, 100), name };
  const words = name.replace(/-/g, " ");
  return { slug: name, name: words.charAt(0).toUpperCase() + words.slice(1) };
}

/** Words of a text with their character offsets, for matching names against it. */
export function wordsOf(
  text: string,
): { word: string; start: number; end: number; capitalised: boolean; upper: boolean }[] {
  const words = [];
  for (const match of text.matchAll(/[\p{L}\p{N}]+(?:[.'’&-][\p{L}\p{N}]+)*/gu)) {
    // "Russia’s" is Russia
    const raw = match[0].replace(/['’]s$/u, "");
    words.push({
      word: normalName(raw),
      start: match.index,
      end: match.index + raw.length,
      capitalised: /^[\p{Lu}\p{N}]/u.test(raw),
      upper: raw === raw.toUpperCase() && /\p{Lu}/u.test(raw),
    });
  }
  return words;
}
