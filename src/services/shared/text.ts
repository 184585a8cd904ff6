// Small text rules shared by every input that a person types.
import { BadUserInputError } from "../../errors.js";

// C0 controls except tab, newline and carriage return; DEL; C1 controls.
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

export function hasControlCharacters(text: string): boolean {
  return CONTROL_CHARACTERS.test(text);
}

export function countWords(text: string): number {
  const words = text.trim().match(/[\p{L}\p{N}][\p{L}\p{N}'\u2019\-.]*/gu);
  return words ? words.length : 0;
}

/** A typed text field, trimmed and checked: not empty (when required), at most `max` characters, no control
 * characters but newlines. A BAD_USER_INPUT names the field at fault. */
export function checkedText(value: string, field: string, max: number, required = true): string {
  const trimmed = value.trim();
  if (required && trimmed.length === 0) throw new BadUserInputError(`${field} may not be empty`, field);
  if (trimmed.length > max) throw new BadUserInputError(`${field} may be at most ${max} characters`, field);
  if (hasControlCharacters(trimmed.replace(/\n/g, "")))
    throw new BadUserInputError(`${field} may not contain control characters`, field);
  return trimmed;
}
