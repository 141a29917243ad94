import type { Actor } from '../../application/metadata';
import { UnauthenticatedError } from '../../core/errors';
import type { TokenVerifier } from './verifyToken';

/**
 * Who is calling, from an `Authorization` value (HTTP header, or graphql-ws `connectionParams`):
 * null when there is none (an anonymous caller, who gets public reads only), the verified official
 * for `Bearer <token>`, and UNAUTHENTICATED for anything else. A bad token is never treated as
 * anonymous, so a client learns at once that its token is wrong.
 */
export type Authenticator = (authorization: unknown) => Promise<Actor | null>;

const BEARER = /^Bearer +([A-Za-z0-9_\-.=]+)\s*$/i;
const MAX_TOKEN_LENGTH = 8192;

export function createAuthenticator(verify: TokenVerifier): Authenticator {
  return async (authorization) => {
    if (authorization === undefined || authorization === null || authorization === '') return null;
    const match = typeof authorization === 'string' ? BEARER.exec(authorization) : null;
    if (!match || match[1]!.length > MAX_TOKEN_LENGTH) {
      throw new UnauthenticatedError('Authorization must be "Bearer <token>"');
    }
    return verify(match[1]!);
  };
}
