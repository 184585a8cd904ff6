// What a comment body may be: plain text, 1–5,000 characters after trimming. Markup is stripped with sanitize-html
// (script and style elements with their content), so nothing executable is ever stored or returned.
import sanitizeHtml from "sanitize-html";
import { decodeHTMLStrict } from "entities";
import { BadUserInputError } from "../../errors.js";
import { hasControlCharacters } from "../shared/text.js";

export const MAX_COMMENT_LENGTH = 5000;

const STRIP_ALL: sanitizeHtml.IOptions = {
  allowedTags: [],
  allowedAttributes: {},
  disallowedTagsMode: "discard",
  nonTextTags: ["script", "style", "textarea", "option", "noscript", "template", "iframe", "object"],
};

/** Strips markup and returns plain text; the sanitiser escapes what it keeps, so entities are decoded back. */
export function stripMarkup(raw: string): string {
  const stripped = sanitizeHtml(raw, STRIP_ALL);
  // Decoding may turn "&lt;b&gt;" (typed literally) into "<b>": that is text, and a second pass removes anything
  // that would read as a tag, so the stored text never contains markup either way.
  const decoded = decodeHTMLStrict(stripped);
  return decoded.includes("<") ? decodeHTMLStrict(sanitizeHtml(decoded, STRIP_ALL)) : decoded;
}

export function normaliseCommentBody(raw: string): string {
  if (hasControlCharacters(raw)) throw new BadUserInputError("A comment may not contain control characters", "body");
  if (raw.length > MAX_COMMENT_LENGTH * 4) {
    throw new BadUserInputError(`A comment may be at most ${MAX_COMMENT_LENGTH} characters`, "body");
  }
  const body = stripMarkup(raw.replace(/\r\n?/g, "\n"))
    .replace(/[ \t]+\n/g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
  if (body.length === 0) throw new BadUserInputError("A comment needs some text", "body");
  if (body.length > MAX_COMMENT_LENGTH) {
    throw new BadUserInputError(`A comment may be at most ${MAX_COMMENT_LENGTH} characters`, "body");
  }
  return body;
}
