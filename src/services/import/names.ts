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

/** Lower-case words joined by hyphens, at most `max` characters, cut at a word boundary. */
export function slugify(text: string, max = 80): string {
  const words = text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/['’`]/g, "")
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  let slug = "";
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > max) break;
    slug = next;
  }
  return slug || words[0]?.slice(0, max) || "untitled";
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
