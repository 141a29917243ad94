import { registerEnumType } from 'type-graphql';

/** GraphQL enums mirror the domain's string unions; the values are the same strings. */
const values = <T extends string>(...names: T[]) => Object.fromEntries(names.map((n) => [n, n])) as { [K in T]: K };

export const SubjectKindEnum = values('COOPERATIVE', 'COOPERATIVE_GROUP', 'ENTERPRISE', 'HOUSEHOLD_BUSINESS');
export const ProductGroupEnum = values('FOOD', 'DRINKS', 'HERBAL', 'HANDICRAFTS', 'ORNAMENTAL', 'TOURISM');
export const RegistrationKindEnum = values('NEW', 'UPGRADE');
export const EvaluationLevelEnum = values('DISTRICT', 'PROVINCE', 'NATIONAL');
export const CertificateStatusEnum = values('VALID', 'EXPIRED', 'REVOKED', 'SUPERSEDED');
export const LinkageKindEnum = values('PRODUCTION', 'CONSUMPTION', 'PRODUCTION_AND_CONSUMPTION');
export const QualityStandardEnum = values('ISO_22000', 'HACCP', 'GMP', 'VIETGAP', 'ORGANIC', 'GACP_WHO', 'OTHER');
export const SupportProgrammeEnum = values('CONSOLIDATION', 'INTENSIVE', 'OTHER');
export const RevocationReasonEnum = values(
  'FOOD_SAFETY_VIOLATION',
  'PROCESS_NOT_FOLLOWED',
  'QUALITY_NOT_MAINTAINED',
  'NO_TRACEABILITY_RECORDS',
  'PRODUCTION_STOPPED',
  'MARK_MISUSE',
  'EXPIRED_NOT_RENEWED',
  'OTHER',
);

registerEnumType(SubjectKindEnum, { name: 'SubjectKind' });
registerEnumType(ProductGroupEnum, { name: 'ProductGroup' });
registerEnumType(RegistrationKindEnum, { name: 'RegistrationKind' });
registerEnumType(EvaluationLevelEnum, { name: 'EvaluationLevel' });
registerEnumType(CertificateStatusEnum, { name: 'CertificateStatus' });
registerEnumType(LinkageKindEnum, { name: 'LinkageKind' });
registerEnumType(QualityStandardEnum, { name: 'QualityStandard' });
registerEnumType(SupportProgrammeEnum, { name: 'SupportProgramme' });
registerEnumType(RevocationReasonEnum, { name: 'RevocationReason' });
