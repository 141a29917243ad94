/**
 * Sizes and ranges every caller is held to: the deciders enforce them and the GraphQL inputs check
 * the same numbers earlier, so a client sees one limit whichever layer answers.
 */

/** Names of subjects, products, partners, systems. */
export const NAME_MAX = 200;
/** Free text: revocation details, support descriptions. */
export const TEXT_MAX = 2000;
/** Document numbers and references: decisions, plans, contracts, certificates. */
export const REF_MAX = 100;

/** The plan years the registry accepts: the programme started in 2018. */
export const PLAN_YEAR_FIRST = 2018;
export const PLAN_YEAR_LAST = 2100;

/** The largest target a plan may set for one indicator in one unit. */
export const TARGET_MAX = 100_000;
