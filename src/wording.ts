// How messages name things, so that every error reads the same: "an Article id", "a Person id", "an analyst, editor
// or admin account", "Person, Organisation and Place". Messages build their phrases here rather than writing "a ${x}".

// Words that start with a vowel letter but a consonant sound ("a unique slug", "a user", "a one-off", "a European").
const CONSONANT_SOUND = /^(union|unique|unit|univers|uniform|unif|usual|use|uti|eu|one\b|once\b)/i;
// Words that start with a consonant letter but a vowel sound ("an hour", "an honest").
const VOWEL_SOUND = /^(hour|honest|honou?r|heir)/i;
// Letters whose spoken name starts with a vowel sound, for initialisms read letter by letter ("an HTTP", "an NTB").
const VOWEL_SOUND_LETTERS = "AEFHILMNORSX";

/** "a" or "an", whichever `phrase` takes: by the sound of its first word, not just its first letter. */
export function indefiniteArticle(phrase: string): "a" | "an" {
  const word = phrase.trim().split(/[\s,]+/)[0] ?? "";
  if (word === "") return "a";
  // an initialism (two or more capitals, digits allowed) is read letter by letter: "an HTTP address", "a URL"
  if (/^[A-Z][A-Z0-9]+$/.test(word)) return VOWEL_SOUND_LETTERS.includes(word[0]!) ? "an" : "a";
  if (CONSONANT_SOUND.test(word)) return "a";
  if (VOWEL_SOUND.test(word)) return "an";
  return /^[aeiou]/i.test(word) ? "an" : "a";
}

/** `phrase` with its indefinite article: "an Article", "a Person", "an analyst, editor or admin". */
export function withArticle(phrase: string): string {
  return `${indefiniteArticle(phrase)} ${phrase}`;
}

/** "A", "A and B", "A, B and C" (or with "or"). */
export function listOf(items: readonly string[], conjunction: "and" | "or" = "and"): string {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} ${conjunction} ${items.at(-1)}`;
}
