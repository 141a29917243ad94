import { type BusinessDate, addDays } from './businessDate';

/**
 * The first day of two-level local government (Decision 1489/QĐ-TTg and the 2025 reorganisation):
 * districts abolished, the province recognises 3★, commune committees receive dossiers. Every rule
 * that changes then compares a decision date with this day.
 */
export const REORGANISATION_DAY: BusinessDate = '2025-07-01';

/** The last day district-level units and councils existed. */
export const LAST_DAY_OF_DISTRICTS: BusinessDate = addDays(REORGANISATION_DAY, -1);

/** Whether a decision dated `day` falls under the rules in force from the reorganisation. */
export const isAfterReorganisation = (day: BusinessDate): boolean => day >= REORGANISATION_DAY;
