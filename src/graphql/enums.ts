import { registerEnumType } from 'type-graphql';
import { PRODUCT_GROUPS, QUALITY_STANDARDS, REGISTRATION_KINDS, REVOCATION_REASONS } from '../domain/product/events';
import { LEVELS_IN_SCHEMA } from '../domain/rules/authority';
import { CERTIFICATE_STATUSES } from '../domain/rules/certificateValidity';
import { EVALUATION_OUTCOMES } from '../domain/rules/evaluationOutcome';
import { EVALUATION_PURPOSES } from '../domain/rules/evaluationPurpose';
import { PROPOSAL_STATUSES } from '#projections/proposals.projection';
import { LINKAGE_KINDS, SUBJECT_KINDS, SUPPORT_PROGRAMMES } from '../domain/subject/events';
import { FUNDING_SOURCES, KEY_PRODUCT_LEVELS, MEDIA_LEVELS } from '../domain/rules/plan180Targets';

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

export const SubjectKindEnum = graphqlEnum('SubjectKind', SUBJECT_KINDS, {
  description: 'The legal form of a producer taking part in OCOP',
  values: {
    COOPERATIVE: 'A cooperative (hợp tác xã)',
    COOPERATIVE_GROUP: 'A cooperative group (tổ hợp tác)',
    ENTERPRISE: 'An enterprise (doanh nghiệp)',
    HOUSEHOLD_BUSINESS: 'A household business with a business registration (hộ kinh doanh)',
  },
});
export const ProductGroupEnum = graphqlEnum('ProductGroup', PRODUCT_GROUPS, {
  description: 'The OCOP product group a product is evaluated in',
  values: {
    FOOD: 'Food: fresh, processed and preserved foods',
    DRINKS: 'Drinks: alcoholic and non-alcoholic',
    HERBAL: 'Herbal products: medicinal herbs and products made from them',
    HANDICRAFTS: 'Handicrafts and fine-art goods, textiles and garments',
    ORNAMENTAL: 'Ornamental plants, flowers and animals',
    TOURISM: 'Rural community tourism services and points of sale',
  },
});
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
    NOT_RECOGNISED:
      'Below 50, the centre below 90, or a re-check below the certificate held: no certificate (the product keeps what it holds until revoked)',
    CONFIRMED: 'A re-check found the product still at the level of its certificate, which stands',
  },
});
export const ProposalStatusEnum = graphqlEnum('ProposalStatus', PROPOSAL_STATUSES, {
  description: 'Where a proposal to the next level stands',
  values: {
    PENDING: 'Waiting for the next level to evaluate the product',
    EVALUATED: 'The next level has evaluated the product',
    WITHDRAWN: 'Replaced by a newer result of the proposing level',
    RETURNED: 'Sent back to the proposing commune (an incomplete dossier), with a reason',
  },
});
export const EvaluationLevelEnum = graphqlEnum('EvaluationLevel', LEVELS_IN_SCHEMA, {
  description: 'The level of the council that evaluates and the authority that recognises',
  values: {
    COMMUNE: 'The commune People’s Committee (from 2025-07-01): receives dossiers and proposes; it recognises nothing',
    DISTRICT: 'The district council and People’s Committee (up to 3★, for decisions before 2025-07-01)',
    PROVINCE: 'The provincial council and People’s Committee (up to 4★)',
    NATIONAL: 'The central council (5★)',
  },
});
export const EvaluationPurposeEnum = graphqlEnum('EvaluationPurpose', EVALUATION_PURPOSES, {
  description: 'Why a product is evaluated (derived from what it holds when not given)',
  values: {
    FIRST: 'The product holds no certificate',
    UPGRADE: 'It holds a valid certificate and seeks more stars: never fewer while that one is valid',
    RENEWAL:
      'Re-evaluation of the certificate it holds, within 90 days of its last day or after: a recognised result replaces it, fewer stars included',
    RECHECK: 'A check during the term: it confirms the certificate or finds the product below it; it issues nothing',
  },
});
export const CertificateStatusEnum = graphqlEnum('CertificateStatus', CERTIFICATE_STATUSES, {
  description: 'Where a certificate stands on the day asked',
  values: {
    VALID: 'In force: not expired, revoked or superseded',
    EXPIRED: 'Past its last valid day',
    REVOKED: 'Withdrawn by a decision of the recognising level',
    SUPERSEDED: 'Replaced by a newer certificate of the same product (a renewal included)',
  },
});
export const LinkageKindEnum = graphqlEnum('LinkageKind', LINKAGE_KINDS, {
  description: 'What a linkage with a partner covers',
  values: {
    PRODUCTION: 'Linkage in production (raw materials, growing areas)',
    CONSUMPTION: 'Linkage in consumption (buying and selling the products)',
    PRODUCTION_AND_CONSUMPTION: 'Linkage along the chain, from production to consumption',
  },
});
export const QualityStandardEnum = graphqlEnum('QualityStandard', QUALITY_STANDARDS, {
  description: 'An advanced quality management standard or certification',
  values: {
    ISO_22000: 'ISO 22000 food safety management',
    HACCP: 'HACCP hazard analysis and critical control points',
    GMP: 'GMP good manufacturing practice',
    VIETGAP: 'VietGAP good agricultural practice',
    ORGANIC: 'Organic production (TCVN 11041 or an equivalent)',
    GACP_WHO: 'GACP-WHO good agricultural and collection practice for medicinal plants',
    OTHER: 'Another advanced standard (named by its certificate)',
  },
});
export const SupportProgrammeEnum = graphqlEnum('SupportProgramme', SUPPORT_PROGRAMMES, {
  description: 'The kind of support a subject received under the plan',
  values: {
    CONSOLIDATION: 'Support to consolidate and improve a subject that already holds a certificate',
    INTENSIVE: 'Intensive support to develop new products or raise their stars',
    OTHER: 'Other support (training, trade promotion, …)',
  },
});
export const RevocationReasonEnum = graphqlEnum('RevocationReason', REVOCATION_REASONS, {
  description: 'Why a certificate is revoked',
  values: {
    FOOD_SAFETY_VIOLATION: 'A breach of food safety rules',
    PROCESS_NOT_FOLLOWED: 'The production process recognised at evaluation is not followed',
    QUALITY_NOT_MAINTAINED: 'The product no longer meets the quality it was recognised for',
    NO_TRACEABILITY_RECORDS: 'No traceability records are kept',
    PRODUCTION_STOPPED: 'The subject stopped producing the product',
    MARK_MISUSE: 'The OCOP mark is used on other products or otherwise misused',
    EXPIRED_NOT_RENEWED: 'The certificate expired and was not renewed',
    OTHER: 'Another reason, stated in the details',
  },
});

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

export const FundingSourceEnum = graphqlEnum('FundingSource', FUNDING_SOURCES, {
  description: 'Where the money for support came from (Plan 180 §V: the four sources)',
  values: {
    NTM_PROGRAMME: 'The national target programme for new rural development (nông thôn mới)',
    LOCAL_BUDGET: 'The local budget',
    OTHER_PROGRAMMES: 'Other programmes and projects combined in',
    COMMUNITY: 'The community, subjects and other lawful sources',
  },
});
export const MediaLevelEnum = graphqlEnum('MediaLevel', MEDIA_LEVELS, {
  description: 'Whether a media outlet is central or local',
  values: { CENTRAL: 'A central (national) outlet', LOCAL: 'A local (provincial) outlet' },
});
export const KeyProductLevelEnum = graphqlEnum('KeyProductLevel', KEY_PRODUCT_LEVELS, {
  description: 'The level a key product (sản phẩm chủ lực) is designated at',
  values: {
    PROVINCE: "A key product of the province, by the provincial People's Committee",
    DISTRICT: 'A key product of a district (decisions before 2025-07-01)',
    COMMUNE: 'A key product of a commune or ward (decisions from 2025-07-01)',
  },
});
