import { registerEnumType } from 'type-graphql';
import { PRODUCT_GROUPS, QUALITY_STANDARDS, REGISTRATION_KINDS, REVOCATION_REASONS } from '../domain/product/events';
import { EVALUATION_LEVELS } from '../domain/rules/authority';
import { CERTIFICATE_STATUSES } from '../domain/rules/certificateValidity';
import { LINKAGE_KINDS, SUBJECT_KINDS, SUPPORT_PROGRAMMES } from '../domain/subject/events';

/** GraphQL enums are the domain's own value lists, so the API can never drift from the rules. */
function graphqlEnum<T extends string>(name: string, names: readonly T[]): { [K in T]: K } {
  const values = Object.fromEntries(names.map((n) => [n, n])) as { [K in T]: K };
  registerEnumType(values, { name });
  return values;
}

export const SubjectKindEnum = graphqlEnum('SubjectKind', SUBJECT_KINDS);
export const ProductGroupEnum = graphqlEnum('ProductGroup', PRODUCT_GROUPS);
export const RegistrationKindEnum = graphqlEnum('RegistrationKind', REGISTRATION_KINDS);
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
