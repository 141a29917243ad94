import type { TypePolicies } from '@apollo/client';
import { relayStylePagination } from '@apollo/client/utilities';

/**
 * The cache configuration docs/clients.md gives browser apps: pages merged by Relay cursors, an actor
 * kept inside each audit entry (its identity is the official, role and unit together, and it cannot
 * be fetched on its own), and value objects without an id merged field by field.
 */
export const TYPE_POLICIES: TypePolicies = {
  Query: {
    fields: {
      products: relayStylePagination(['filter', 'asOf', 'atPosition']),
      subjects: relayStylePagination(['filter', 'asOf', 'atPosition']),
      certificates: relayStylePagination(['filter', 'asOf', 'atPosition']),
      events: relayStylePagination(['types', 'streamId']),
    },
  },
  Actor: { keyFields: false, merge: true },
  ...Object.fromEntries(
    [
      'AdministrativeUnit',
      'Indicator',
      'Revocation',
      'Traceability',
      'QualityCertification',
      'ChainBreak',
      'RevisionGap',
    ].map((type) => [type, { merge: true }]),
  ),
};
