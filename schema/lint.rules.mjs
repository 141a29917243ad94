import graphql from '@graphql-eslint/eslint-plugin';

/**
 * graphql-eslint's schema rules, recommended and relay, over schema/schema.graphql (run by npm run lint).
 * What is changed from those sets, and why:
 */
export const schemaRules = {
  ...graphql.configs['flat/schema-recommended'].rules,
  ...graphql.configs['flat/schema-relay'].rules,
  // Officials read the schema in the explorer: every type, field, argument, enum value and input field
  // says what it is. The error names the coordinate that lacks one (e.g. `Subject.commune`).
  '@graphql-eslint/require-description': [
    'error',
    {
      types: true,
      rootField: true,
      FieldDefinition: true,
      InputValueDefinition: true,
      EnumValueDefinition: true,
      DirectiveDefinition: true,
    },
  ],
  // Values held inside the object that owns them have no identity of their own (docs/clients.md,
  // "Identities"); pages, edges and page info are Relay's shapes, which carry none either.
  '@graphql-eslint/strict-id-in-types': [
    'error',
    {
      exceptions: {
        types: [
          'Actor',
          'AdministrativeUnit',
          'ChainBreak',
          'Indicator',
          'IssuingAuthority',
          // A designation as api.md names it: its product, level and decision say which it is.
          'KeyProduct',
          // Reports and their parts computed for a question, never fetched again by an id.
          'MediaCoverageReport',
          'MediaMonth',
          'PageInfo',
          'PlanOtherTargets',
          'QualityCertification',
          'RevisionGap',
          'Revocation',
          'ScoreParts',
          'SourceAmount',
          'SupportSpendingReport',
          'Traceability',
          'UnitAmount',
          'UnitIndicator',
        ],
        suffixes: ['Page', 'Edge'],
      },
    },
  ],

  // Pages keep their published names (`ProductPage`, `ProposalPage`, …: clients' fragments and
  // generated types name them), so the rule that wants a `Connection` suffix is off. They have the
  // Relay shape all the same: edges with cursor and node, pageInfo, first/after and last/before.
  '@graphql-eslint/relay-connection-types': 'off',
  // Lists that are not pages are lists of values or of a parent's parts (report rows, a certificate's
  // history, a product's certificates): short, whole, never paged. Edge types are still checked.
  '@graphql-eslint/relay-edge-types': ['error', { listTypeCanWrapOnlyEdgeType: false }],
  // An old name (districtTargets, qualityManagement, `districts`) keeps answering, deprecated with a
  // reason that names its replacement, so clients' linters and codegen point them onward.
  '@graphql-eslint/require-deprecation-reason': 'error',
  // `Evaluation.evaluationNo` is the published name of an evaluation's number, as decisions cite it.
  '@graphql-eslint/no-typename-prefix': 'off',
};
