import { ALL_PROVINCE_CODES } from '../domain/rules/units/units';

/**
 * The province a report or plan question means when it names none and the caller's office places it
 * in none (OCOP_DEFAULT_PROVINCE; unset: none, and such a question is refused). Read per question, so a
 * deployment for one province can say so without a restart of its clients.
 */
export function defaultProvince(env: NodeJS.ProcessEnv = process.env): string | null {
  const given = env['OCOP_DEFAULT_PROVINCE'];
  if (given === undefined || given === '') return null;
  if (!ALL_PROVINCE_CODES.includes(given))
    throw new RangeError(`OCOP_DEFAULT_PROVINCE must be a province code such as 19, got ${given}`);
  return given;
}
