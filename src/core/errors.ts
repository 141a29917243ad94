/**
 * Typed domain errors. Each carries the stable code that the GraphQL layer exposes as
 * `extensions.code`, so the mapping lives in one place and never depends on messages.
 */
export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'UNAVAILABLE'
  | 'INTERNAL_SERVER_ERROR';

export abstract class DomainError extends Error {
  abstract readonly code: ErrorCode;
  constructor(
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** The command is malformed or breaks a rule about its own content (score out of range, unknown district). */
export class ValidationError extends DomainError {
  readonly code = 'BAD_USER_INPUT' as const;
}

/** The aggregate the command addresses does not exist. */
export class NotFoundError extends DomainError {
  readonly code = 'NOT_FOUND' as const;
}

/** The command is well-formed but the current state forbids it (revoking a revoked certificate). */
export class IllegalStateError extends DomainError {
  readonly code = 'CONFLICT' as const;
}

/** Concurrent writers kept winning after the bounded retries. */
export class ConcurrencyError extends DomainError {
  readonly code = 'CONFLICT' as const;
}

export class UnauthenticatedError extends DomainError {
  readonly code = 'UNAUTHENTICATED' as const;
}

export class ForbiddenError extends DomainError {
  readonly code = 'FORBIDDEN' as const;
}

/** A dependency (the event store) cannot be reached; nothing was written. */
export class UnavailableError extends DomainError {
  readonly code = 'UNAVAILABLE' as const;
}
