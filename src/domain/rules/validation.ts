import { ValidationError } from '../../core/errors';
import { type BusinessDate, assertBusinessDate } from './businessDate';
import { type TextShape, cleanText } from './text';

/** Field checks shared by the deciders. The GraphQL inputs check the same earlier; these hold for every caller. */
export function requireText(field: string, value: string, maxLength: number, shape: TextShape = 'line'): string {
  return cleanText(field, value, maxLength, shape);
}

export function optionalText(field: string, value: string | null | undefined, maxLength: number): string | null {
  if (value === null || value === undefined || value.trim() === '') return null;
  return requireText(field, value, maxLength);
}

/** A business date that has already happened: decisions and registrations are never dated in the future. */
export function requirePastDate(field: string, value: string, today: BusinessDate): BusinessDate {
  assertBusinessDate(field, value);
  if (value > today) throw new ValidationError(`${field} (${value}) is in the future`, { field });
  return value;
}

export function requireOneOf<T extends string>(field: string, value: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(value)) {
    throw new ValidationError(`${field} must be one of ${allowed.join(', ')}`, { field });
  }
  return value as T;
}

export function requireNotBefore(field: string, value: BusinessDate, earliest: BusinessDate, what: string): void {
  if (value < earliest) throw new ValidationError(`${field} (${value}) is before ${what} (${earliest})`, { field });
}
