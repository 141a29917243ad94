import { ValidationError } from '../../core/errors';

/**
 * What an id a client chooses (a subject's, a product's) may be. Ids name event streams
 * (`ocop-product-<id>`), certificate numbers and their public addresses (`/c/<id>.C1`), file names of
 * exports and QR sheets, and are read aloud and typed by officials: so they are short and plain ASCII,
 * with nothing that needs escaping in a URL, a file name or a shell, and nothing that looks like
 * something else (no Unicode look-alikes, no spaces, no dots, which separate a certificate's sequence).
 *
 * Ids are kept exactly as the client gave them, but two ids that differ only in case name one record
 * (`HTX-01` is refused once `htx-01` exists): people read them out and retype them, and some file
 * systems and tools do not tell case apart. `foldId` is that comparison.
 */
export const ID_MAX_LENGTH = 64;

/** 1–64 of ASCII letters A–Z and a–z, digits 0–9, '_' and '-'. */
export const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/** A certificate's number: its product's id, `.C` and its sequence (`mien-dong.C1`), as `certificateIdFor` makes it. */
export const CERTIFICATE_ID_PATTERN = new RegExp(`^${ID_PATTERN.source.slice(1, -1)}\\.C[1-9][0-9]{0,5}$`);

/** The rule in words, for schema descriptions and refusals. */
export const ID_RULE = `1–${ID_MAX_LENGTH} letters, digits, '_' or '-' (ASCII)`;

export function isSafeId(value: string): boolean {
  return ID_PATTERN.test(value);
}

/** The id as given, or a refusal naming `field` (never the value, which may be anything). */
export function requireSafeId(field: string, value: string): string {
  if (!isSafeId(value)) throw new ValidationError(`${field} must be ${ID_RULE}`, { field });
  return value;
}

/**
 * The key two ids are compared by: equal keys name one record. Safe ids are ASCII, whose lower case
 * is the same in every locale; ids recorded before the rule are folded the same way.
 */
export function foldId(id: string): string {
  return id.toLowerCase();
}
