// Plain-text articles as copied from a news page: the headline on the first line, then the standfirst, the byline and
// the dateline, the lead picture's caption with its credit in parentheses, and the paragraphs, with pictures captioned
// in between. What belongs to the page rather than the story (comment prompts, sign-up boxes, a caption repeated
// without its credit) is dropped.
import { ImportError, type ImportedArticle, type ImportedBlock, type ImportedMedia } from "./types.js";
import { normalName, subjectNamed } from "./names.js";

const MONTHS = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
];
const MONTH =
  "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";
const ZONE = "(gmt|bst|utc|cet|cest|est|edt|pst|pdt|z|[+-]\\d{2}:?\\d{2})";
const TIME = `(?:,?\\s+(?:at\\s+)?(\\d{1,2})[:.](\\d{2})\\s*(am|pm)?\\s*${ZONE}?)?`;
const DAY_NAME = "(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\\s+)?";
const UPDATED = "(?:(?:published|updated|last updated)\\s*:?\\s*)?";
const DAY_FIRST = new RegExp(`^${UPDATED}${DAY_NAME}(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH}\\s+(\\d{4})${TIME}$`, "i");
const MONTH_FIRST = new RegExp(
  `^${UPDATED}${DAY_NAME}${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})${TIME}$`,
  "i",
);
const ZONE_OFFSET_MINUTES: Record<string, number> = {
  gmt: 0,
  utc: 0,
  z: 0,
  bst: 60,
  cet: 60,
  cest: 120,
  est: -300,
  edt: -240,
  pst: -480,
  pdt: -420,
};

/** "Wednesday 07 February 2024 11:22 GMT" (and the usual variants) as a Date; null when the line is no dateline. */
export function parseDateline(line: string): Date | null {
  const text = line.trim().replace(/\s+/g, " ");
  const dayFirst = DAY_FIRST.exec(text);
  const match = dayFirst ?? MONTH_FIRST.exec(text);
  if (!match) return null;
  const [day, month, year] = (dayFirst ? [match[1], match[2], match[3]] : [match[2], match[1], match[3]]) as string[];
  const rest = match.slice(4);
  const monthIndex = MONTHS.findIndex((m) => m.startsWith(month!.toLowerCase().slice(0, 3)));
  const [hourText, minuteText, meridiem, zone] = rest;
  let hour = hourText ? Number(hourText) : 0;
  if (meridiem?.toLowerCase() === "pm" && hour < 12) hour += 12;
  if (meridiem?.toLowerCase() === "am" && hour === 12) hour = 0;
  const minute = minuteText ? Number(minuteText) : 0;
  let offset = 0;
  if (zone) {
    const z = zone.toLowerCase();
    if (z in ZONE_OFFSET_MINUTES) offset = ZONE_OFFSET_MINUTES[z]!;
    else {
      const [, sign, hh, mm] = /^([+-])(\d{2}):?(\d{2})$/.exec(z)!;
      offset = (sign === "-" ? -1 : 1) * (Number(hh) * 60 + Number(mm));
    }
  }
  const date = new Date(Date.UTC(Number(year), monthIndex, Number(day), hour, minute) - offset * 60_000);
  if (Number(day) < 1 || Number(day) > 31 || hour > 23 || minute > 59 || Number.isNaN(date.getTime())) return null;
  return date;
}

// Page furniture: whole lines that belong to the web page, not to the story.
const FURNITURE = [
  /^\d*\s*comments?$/i,
  /^join our commenting forum$/i,
  /^join thought-provoking conversations\b/i,
  /^thank you for registering$/i,
  /^please refresh the page\b/i,
  /^(sign up|subscribe)\b.{0,200}$/i,
  /^(?=.*\bnewsletters?\b)(?=.*\b(sign up|subscribe|inbox|free|get our|straight to you)\b).{0,200}$/i,
  /^(read more|related( articles| stories| coverage)?|more about this|more on this story|recommended)\s*[:|].{0,120}$/i,
  /^(advertisement|share this article|follow us|most popular|trending|related|recommended)$/i,
  /^(you have been logged out|log in|already have an account)\b/i,
  /^(view|show) comments$/i,
];
// Where the story ends and the comment section begins: everything after is page furniture.
const TAIL = [/^join our commenting forum$/i, /^\d*\s*comments?$/i];

// A caption with its credit: "Police outside the court (Jane Doe / Agency)".
const CAPTION = /^(.*\S)\s*\(([^()]{2,200})\)\s*$/;
const CREDIT_WORDS =
  /\/|\bvia\b|getty|afp|reuters|\bap\b|\bpa\b|\bepa\b|copyright|©|images?\b|photo|press\b|agency|wire\b|shutterstock|alamy|handout|supplied|\bntb\b/i;

function isFurniture(line: string): boolean {
  return FURNITURE.some((pattern) => pattern.test(line));
}

/** The caption and credit of a caption line, or null when the parentheses are part of an ordinary sentence. */
export function captionOf(line: string): { caption: string; credit: string } | null {
  const match = CAPTION.exec(line);
  if (!match) return null;
  const [, caption, credit] = match as unknown as [string, string, string];
  if (caption.length > 400 || !/^[\p{Lu}\p{N}©]/u.test(credit.trim())) return null;
  const nameLike = /^(\p{Lu}[\p{L}'’.-]*)(\s+\p{Lu}[\p{L}'’.-]*){0,3}$/u.test(credit.trim());
  if (!CREDIT_WORDS.test(credit) && !nameLike) return null;
  return { caption: caption.trim(), credit: credit.trim() };
}

function isByline(line: string): boolean {
  const name = line.replace(/^by\s+/i, "");
  return (
    name.length <= 120 &&
    !/[.!?:;]$/.test(name) &&
    /^\p{Lu}/u.test(name) &&
    name.split(/\s+/).length <= 12 &&
    name.split(/\s+(?:and|&)\s+|,\s*/).every((part) => /^(\p{Lu}[\p{L}'’.-]*\s*){1,4}$/u.test(part.trim()))
  );
}

export function bylineNames(line: string): string[] {
  return line
    .replace(/^by\s+/i, "")
    .split(/\s+(?:and|&)\s+|,\s*/)
    .map((name) => name.trim())
    .filter(Boolean);
}

// Lines a file may start with, before the headline, to say what the text of a news page does not: "Section: World",
// "Tags: Arctic, Border towns" (or a "Tag:" line each), "Publisher: The Independent".
const FIELD_LINE = /^(section|tags?|publisher)\s*:\s*(\S.*)$/i;

type Fields = Pick<ImportedArticle, "section" | "tags" | "publisher">;

/** The field lines from `start` on; returns them and where the headline begins. */
function fieldLines(lines: string[], start: number): { fields: Fields; headlineAt: number } {
  const fields: Fields = {};
  let i = start;
  for (; i < lines.length; i++) {
    if (lines[i] === "") continue;
    const match = FIELD_LINE.exec(lines[i]!);
    if (!match) break;
    const [, key, value] = match as unknown as [string, string, string];
    const name = key.toLowerCase();
    if (name === "section") fields.section = subjectNamed(value);
    else if (name === "publisher") fields.publisher = value.trim();
    else {
      const tags = value.split(",").flatMap((tag) => (tag.trim() ? [subjectNamed(tag)] : []));
      fields.tags = [...(fields.tags ?? []), ...tags];
    }
  }
  return { fields, headlineAt: i };
}

export function parsePlainText(text: string, source: string): ImportedArticle {
  if (text.includes("\u0000")) throw new ImportError("not a text file (it contains NUL bytes)");
  const lines = text
    .replace(/^\uFEFF/, "")
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((line) => line.replace(/\s+/g, " ").trim());
  const first = lines.findIndex((line) => line !== "");
  if (first < 0) throw new ImportError("the file is empty");
  const { fields, headlineAt } = fieldLines(lines, first);
  let i = headlineAt;
  if (i >= lines.length) throw new ImportError("no headline after the Section, Tags and Publisher lines");
  const headline = lines[i]!;
  if (headline.length > 300) throw new ImportError("the first line is too long to be a headline (over 300 characters)");
  i++;

  // The header runs to the first blank line after the dateline; without a dateline, it is headline and standfirst.
  const datelineAt = lines.findIndex((line, n) => n >= i && n < i + 15 && parseDateline(line) !== null);
  const header = datelineAt >= 0 ? lines.slice(i, datelineAt) : [];
  const standfirstLines: string[] = [];
  let bylines: string[] = [];
  const nonEmptyHeader = header.filter(Boolean);
  if (nonEmptyHeader.length > 0 && isByline(nonEmptyHeader.at(-1)!)) bylines = bylineNames(nonEmptyHeader.pop()!);
  standfirstLines.push(...nonEmptyHeader.filter((line) => !isFurniture(line)));
  let rest: string[];
  if (datelineAt >= 0) rest = lines.slice(datelineAt + 1);
  else {
    rest = lines.slice(i);
    const blocks = splitBlocks(rest);
    if (blocks.length >= 2 && blocks[0]!.length === 1 && !captionOf(blocks[0]![0]!)) {
      standfirstLines.push(blocks[0]![0]!);
      rest = blocks.slice(1).flatMap((b) => [...b, ""]);
    }
    const first = splitBlocks(rest)[0];
    if (first?.length === 1 && /^by\s+/i.test(first[0]!) && isByline(first[0]!)) {
      bylines = bylineNames(first[0]!);
      rest = splitBlocks(rest)
        .slice(1)
        .flatMap((b) => [...b, ""]);
    }
  }
  const publishedAt = datelineAt >= 0 ? parseDateline(lines[datelineAt]!) : null;

  // Captions with credits, so that the same caption without its credit can be recognised as a repeat.
  const credited = new Set(
    rest.flatMap((line) => {
      const c = captionOf(line);
      return c ? [normalName(c.caption)] : [];
    }),
  );
  const media: ImportedMedia[] = [];
  const blocks: ImportedBlock[] = [];
  let paragraphs = 0;
  for (const block of splitBlocks(rest)) {
    if (paragraphs > 0 && block.some((line) => TAIL.some((t) => t.test(line)))) break;
    const kept = block.filter((line) => !isFurniture(line) && !credited.has(normalName(line)));
    const captions = kept.map(captionOf);
    if (kept.length > 0 && captions.every(Boolean)) {
      for (const c of captions) {
        media.push({ url: null, caption: c!.caption, altText: null, creditText: c!.credit, width: null, height: null });
        blocks.push({ kind: "IMAGE", text: null, level: null, attribution: null, mediaIndex: media.length - 1 });
      }
      continue;
    }
    const paragraph = kept.join(" ").trim();
    if (!paragraph) continue;
    blocks.push({ kind: "PARAGRAPH", text: paragraph, level: null, attribution: null, mediaIndex: null });
    paragraphs++;
  }
  if (paragraphs === 0) throw new ImportError("no paragraphs found after the headline");
  return {
    source,
    canonicalUrl: null,
    slug: null,
    headline,
    standfirst: standfirstLines.join(" ").trim() || null,
    language: "en",
    status: null,
    publishedAt,
    updatedAt: null,
    bylines: bylines.map((name) => ({ name, role: null })),
    media,
    blocks,
    declared: [],
    ...fields,
  };
}

function splitBlocks(lines: string[]): string[][] {
  const blocks: string[][] = [];
  let current: string[] = [];
  for (const line of lines) {
    if (line === "") {
      if (current.length) blocks.push(current);
      current = [];
    } else current.push(line);
  }
  if (current.length) blocks.push(current);
  return blocks;
}
