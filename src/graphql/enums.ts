import { registerEnumType } from 'type-graphql';
import { PRODUCT_GROUPS, QUALITY_STANDARDS, REGISTRATION_KINDS, REVOCATION_REASONS } from '../domain/product/events';
import { EVALUATION_LEVELS } from '../domain/rules/authority';
import { CERTIFICATE_STATUSES } from '../domain/rules/certificateValidity';
import { EVALUATION_OUTCOMES } from '../domain/rules/evaluationOutcome';
import { PROPOSAL_STATUSES } from '../../projections/proposals.projection';
import { LINKAGE_KINDS, SUBJECT_KINDS, SUPPORT_PROGRAMMES } from '../domain/subject/events';

/**
 * GraphQL enums are the domain's own value lists, so the API can never drift from the rules; `about`
 * describes the enum and, by value, what each value means.
 */
function graphqlEnum<T extends string>(
  name: string,
  names: readonly T[],
  about?: { description: string; values: { readonly [K in T]: string } },
): { [K in T]: K } {
  const values = Object.fromEntries(names.map((n) => [n, n])) as { [K in T]: K };
  const valuesConfig = about
    ? (Object.fromEntries(names.map((n) => [n, { description: about.values[n] }])) as {
        [K in T]: { description: string };
      })
    : undefined;
  registerEnumType(values, { name, description: about?.description, valuesConfig });
  return values;
}

export const SubjectKindEnum = graphqlEnum('SubjectKind', SUBJECT_KINDS);
export const ProductGroupEnum = graphqlEnum('ProductGroup', PRODUCT_GROUPS);
export const RegistrationKindEnum = graphqlEnum('RegistrationKind', REGISTRATION_KINDS, {
  description: 'Why a product is registered for evaluation',
  values: {
    NEW: 'A product evaluated for the first time',
    UPGRADE: 'An OCOP product seeking more stars',
    RENEWAL: 'Re-evaluation of a product whose certificate is expiring or has expired',
  },
});
export const EvaluationOutcomeEnum = graphqlEnum('EvaluationOutcome', EVALUATION_OUTCOMES, {
  description: "What a council's result means at its level, by the decision date",
  values: {
    RECOGNISED: 'This level issued a certificate (see `certificate`)',
    PROPOSED: 'The score is in a band above what this level may recognise: proposed to the next level, no certificate',
    RETURNED:
      'A province below 70 before 2025-07-01: returned to the district, which issues the 3★ decision on this result',
    NOT_RECOGNISED: 'Below 50, or the centre below 90: no certificate (the product keeps what it holds)',
  },
});
export const ProposalStatusEnum = graphqlEnum('ProposalStatus', PROPOSAL_STATUSES, {
  description: 'Where a proposal to the next level stands',
  values: {
    PENDING: 'Waiting for the next level to evaluate the product',
    EVALUATED: 'The next level has evaluated the product',
    WITHDRAWN: 'Replaced by a newer result of the proposing level',
  },
});
export const EvaluationLevelEnum = graphqlEnum('EvaluationLevel', EVALUATION_LEVELS);
export const CertificateStatusEnum = graphqlEnum('CertificateStatus', CERTIFICATE_STATUSES);
export const LinkageKindEnum = graphqlEnum('LinkageKind', LINKAGE_KINDS);
export const QualityStandardEnum = graphqlEnum('QualityStandard', QUALITY_STANDARDS);
export const SupportProgrammeEnum = graphqlEnum('SupportProgramme', SUPPORT_PROGRAMMES);
export const RevocationReasonEnum = graphqlEnum('RevocationReason', REVOCATION_REASONS);

/** Levels of administrative unit, described for officials (see rules/units). */
export const UnitLevelEnum = { PROVINCE: 'PROVINCE', DISTRICT: 'DISTRICT', COMMUNE: 'COMMUNE' } as const;
registerEnumType(UnitLevelEnum, {
  name: 'UnitLevel',
  description: 'The level of an administrative unit',
  valuesConfig: {
    PROVINCE: { description: 'A province or centrally run city' },
    DISTRICT: { description: 'A district, town or provincial city (abolished after 2025-06-30)' },
    COMMUNE: { description: 'A commune, ward or special zone' },
  },
});
