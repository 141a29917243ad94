import { hash } from 'node:crypto';
import type { Actor } from '../../application/metadata';

/** Tokens remembered at most: a working day's officials many times over, a few MB at most. */
const MAX_REMEMBERED = 10_000;

interface Remembered {
  readonly actor: Actor;
  /** When the token expires (`exp`), in milliseconds: it is never answered from memory after that. */
  readonly expiresAt: number;
}

export interface VerifiedTokenOptions {
  /** Milliseconds now. */
  readonly now?: () => number;
  /**
   * The keys tokens are verified against, as an object that is replaced when they change (an identity
   * provider's key set after a reload): when it is replaced, everything remembered is forgotten, so a
   * token signed with a key that was withdrawn is verified again, and refused.
   */
  readonly keys?: () => unknown;
}

/**
 * Remembers the official each verified token names until the token expires, so a signed-in client's
 * repeated requests skip the signature check. Only tokens that verified are remembered, keyed by a
 * SHA-256 of the whole token (a token changed in one character, its signature included, is another
 * key and is verified afresh); a refused token is verified, and refused, every time. Bounded: the
 * oldest is forgotten first.
 */
export function rememberVerifiedTokens(
  verify: (token: string) => Promise<{ actor: Actor; expiresAt: number }>,
  options: VerifiedTokenOptions = {},
): (token: string) => Promise<Actor> {
  const now = options.now ?? Date.now;
  const remembered = new Map<string, Remembered>();
  let keysSeen = options.keys?.();
  return async (token) => {
    if (options.keys) {
      const keys = options.keys();
      if (keys !== keysSeen) {
        remembered.clear();
        keysSeen = keys;
      }
    }
    const key = hash('sha256', token, 'base64url');
    const known = remembered.get(key);
    if (known && now() < known.expiresAt) return known.actor;
    if (known) remembered.delete(key);
    const verified = await verify(token);
    if (now() < verified.expiresAt) {
      if (remembered.size >= MAX_REMEMBERED) remembered.delete(remembered.keys().next().value!);
      remembered.set(key, verified);
    }
    return verified.actor;
  };
}
