import { ValidationError } from '../../core/errors';

/**
 * What a piece of text typed by an official may hold. Names and references are read back on
 * certificates, lists and terminals, so characters that hide, reorder or drive a display are refused
 * rather than stored; what is kept is stored in one Unicode spelling (NFC), so a name typed with
 * composed or decomposed diacritics is the same name.
 */

/** C0 and C1 control characters (NUL, BEL, ESC and the rest), DEL included. */
const CONTROL = /\p{Cc}/u;
/** Tab and line breaks, which free text may hold. */
const LINE_BREAKS = /[\t\n\r]/gu;
/**
 * Bidi marks (U+200E, U+200F, U+061C), embeddings, overrides (U+202A–U+202E) and isolates
 * (U+2066–U+2069): they reorder what a reader sees.
 */
const BIDI_CONTROL = /[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]/u;
/**
 * The line and paragraph separators (U+2028, U+2029), refused in free text too: some readers break the
 * line there and others show nothing (terminals, CSV, logs, a JavaScript string before ES2019), so one
 * stored text would read differently in each. A line break (\n) says the same and every reader shows it;
 * a browser never types a separator, only pasted or crafted text holds one.
 */
const SEPARATOR = /[\u2028\u2029]/u;
/**
 * Tag characters (U+E0000–U+E007F), invisible letters that can spell a second, hidden text, and the
 * interlinear annotation marks (U+FFF9–U+FFFB), which make part of a text a note most readers drop.
 */
const HIDDEN_TEXT = /[\u{e0000}-\u{e007f}\ufff9-\ufffb]/u;
/** A surrogate standing alone is no character at all. */
const LONE_SURROGATE = /\p{Cs}/u;
/**
 * Characters that show nothing by themselves: spaces, format characters (zero-width space and
 * joiners, U+FEFF, …), the other default-ignorable ones (variation selectors, Hangul fillers, …) and
 * the blank braille pattern.
 */
const INVISIBLE = /[\p{White_Space}\p{Cf}\p{Default_Ignorable_Code_Point}\u2800]/gu;
/** Combining marks: they are drawn on the character before them, so marks alone draw on nothing of the text's own. */
const MARK = /\p{M}/gu;

/** `line`: one line (names, numbers, references); `lines`: free text, where tab and line breaks are kept. */
export type TextShape = 'line' | 'lines';

/** The text in NFC and trimmed, or a refusal naming `field`; never the value itself in the message. */
export function cleanText(field: string, value: string, maxLength: number, shape: TextShape = 'line'): string {
  if (LONE_SURROGATE.test(value)) throw new ValidationError(`${field} contains an incomplete character`, { field });
  if (CONTROL.test(shape === 'line' ? value : value.replace(LINE_BREAKS, '')))
    throw new ValidationError(`${field} must not contain control characters`, { field });
  if (SEPARATOR.test(value))
    throw new ValidationError(`${field} must not contain line or paragraph separators (U+2028, U+2029)`, { field });
  if (BIDI_CONTROL.test(value))
    throw new ValidationError(`${field} must not contain bidirectional marks, overrides or isolates`, { field });
  if (HIDDEN_TEXT.test(value))
    throw new ValidationError(`${field} must not contain tag or interlinear annotation characters`, { field });
  const text = value.normalize('NFC').trim();
  if (text.length === 0) throw new ValidationError(`${field} must not be empty`, { field });
  if (text.replace(INVISIBLE, '').replace(MARK, '').length === 0)
    throw new ValidationError(`${field} must contain a visible character`, { field });
  if (text.length > maxLength) throw new ValidationError(`${field} is longer than ${maxLength} characters`, { field });
  return text;
}
