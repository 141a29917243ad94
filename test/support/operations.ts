/** GraphQL documents and input builders the API tests share. */
export const REGISTER_SUBJECT = `mutation($input: RegisterSubjectInput!) {
  registerSubject(input: $input) { id name kind district { code name } registeredOn }
}`;
export const REGISTER_PRODUCT = `mutation($input: RegisterProductInput!) {
  registerProduct(input: $input) { id name group registrationKind stars subject { id } district { code } }
}`;
export const AWARD_STARS = `mutation($input: AwardStarsInput!) {
  awardStars(input: $input) {
    level score stars scoreStars proposedToHigherLevel decisionNo decidedOn
    product { id stars }
    certificate { id stars level issuedOn expiresOn status supersedes }
  }
}`;
export const REVOKE = `mutation($input: RevokeCertificateInput!) {
  revokeCertificate(input: $input) { id status revocation { reason details decisionNo decidedOn } product { id stars } }
}`;
export const RECORD_LINKAGE = `mutation($input: RecordLinkageInput!) {
  recordLinkage(input: $input) { id linkages { id partnerName kind startedOn endedOn contractRef } }
}`;
export const RECORD_SUBJECT_COMMUNE = `mutation($input: RecordSubjectCommuneInput!) {
  recordSubjectCommune(input: $input) { id commune { code name } province { code } }
}`;
export const RECORD_SUPPORT = `mutation($input: RecordSupportInput!) {
  recordSupport(input: $input) { id supports { id programme providedOn description } }
}`;
export const RECORD_TRACEABILITY = `mutation($input: RecordTraceabilityInput!) {
  recordTraceability(input: $input) { id traceability { system enabledOn } }
}`;
export const RECORD_QUALITY = `mutation($input: RecordQualityCertificationInput!) {
  recordQualityCertification(input: $input) { id qualityCertifications { standard certificateNo issuedOn validUntil } }
}`;
export const ADOPT_PLAN = `mutation($input: AdoptPlanInput!) {
  adoptPlan(input: $input) { reference provinceCode year adoptedOn revisions targets { unit { code } newProducts3Star } }
}`;

const ROW = (fields: string[]) => `unit { code name } ${fields.map((f) => `${f} { target actual }`).join(' ')}`;
export const DISTRICT_TARGETS = `query($year: Int!, $asOf: DateTime) {
  districtTargets(year: $year, provinceCode: "06", asOf: $asOf) {
    year planReference statusDay
    districts { ${ROW(['newProducts3Star', 'consolidatedSubjects', 'newSubjects'])} }
    total { ${ROW(['newProducts3Star', 'consolidatedSubjects', 'newSubjects'])} }
  }
}`;
export const QUALITY_MANAGEMENT = `query($year: Int!, $asOf: DateTime) {
  qualityManagement(year: $year, provinceCode: "06", asOf: $asOf) {
    year planReference
    districts { ${ROW(['traceabilityProducts', 'linkageSubjects', 'advancedQmProducts'])} }
    total { ${ROW(['traceabilityProducts', 'linkageSubjects', 'advancedQmProducts'])} }
  }
}`;

export const subjectInput = (overrides: Record<string, unknown> = {}) => ({
  id: 'htx-na-ri',
  name: 'HTX Miến dong Na Rì',
  kind: 'COOPERATIVE',
  districtCode: '066',
  registeredOn: '2024-03-01',
  ...overrides,
});

export const productInput = (overrides: Record<string, unknown> = {}) => ({
  id: 'mien-dong',
  subjectId: 'htx-na-ri',
  name: 'Miến dong Na Rì',
  group: 'FOOD',
  registrationKind: 'NEW',
  registeredOn: '2024-03-15',
  ...overrides,
});

export const awardInput = (overrides: Record<string, unknown> = {}) => ({
  productId: 'mien-dong',
  level: 'DISTRICT',
  score: 62,
  decisionNo: '2150/QĐ-UBND',
  decidedOn: '2024-10-15',
  ...overrides,
});

export const revokeInput = (overrides: Record<string, unknown> = {}) => ({
  certificateId: 'mien-dong.C1',
  reason: 'FOOD_SAFETY_VIOLATION',
  details: 'Đoàn kiểm tra phát hiện vi phạm an toàn thực phẩm',
  decisionNo: '310/QĐ-UBND',
  decidedOn: '2024-12-01',
  ...overrides,
});
