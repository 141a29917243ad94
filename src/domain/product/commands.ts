import type { EvaluationLevel, ProposingLevel } from '../rules/authority';
import type { BusinessDate } from '../rules/businessDate';
import type { CommuneRecord } from '../rules/units/placement';
import type { ScoreParts } from '../rules/scoreParts';
import type { EvaluationPurpose } from '../rules/evaluationPurpose';
import type { ProductGroup, QualityStandard, RegistrationKind, RevocationReason } from './events';

/** What registration needs to know of the owning subject, loaded from its stream by the caller. */
export interface SubjectSnapshot {
  subjectId: string;
  districtCode: string | null;
  /** Its communes, each read in the code list of its date. */
  communes: readonly CommuneRecord[];
  registeredOn: BusinessDate;
}

export type RegisterProduct = {
  type: 'RegisterProduct';
  productId: string;
  /** As `RegisterSubject.sameIdIgnoringCase`, for products. */
  sameIdIgnoringCase?: string;
  subject: SubjectSnapshot | null;
  subjectId: string;
  name: string;
  group: ProductGroup;
  registrationKind: RegistrationKind;
  registeredOn: BusinessDate;
  today: BusinessDate;
};

export type AwardStars = {
  type: 'AwardStars';
  productId: string;
  level: EvaluationLevel;
  score: number;
  /** The A/B/C part scores, when the council's record gives them. */
  parts?: ScoreParts | null;
  /** Why it is evaluated; derived from what the product holds when absent (rules/evaluationPurpose.ts). */
  purpose?: EvaluationPurpose | null;
  decisionNo: string;
  decidedOn: BusinessDate;
  today: BusinessDate;
};

export type RevokeCertificate = {
  type: 'RevokeCertificate';
  productId: string;
  certificateId: string;
  reason: RevocationReason;
  details: string;
  decisionNo: string;
  decidedOn: BusinessDate;
  today: BusinessDate;
};

/** A commune committee proposes a product whose dossier it received (from 2025-07-01). */
export type ProposeProduct = {
  type: 'ProposeProduct';
  productId: string;
  /** Only PROVINCE is accepted; the API's enum names every level. */
  toLevel: ProposingLevel;
  /** The proposing commune, read from the product's subject on `proposedOn` by the caller. */
  communeCode: string | null;
  decisionNo: string;
  proposedOn: BusinessDate;
  dossierReceivedOn?: BusinessDate | null;
  note?: string | null;
  today: BusinessDate;
};

/** The level a commune proposed to sends an incomplete dossier back. */
export type ReturnProposal = {
  type: 'ReturnProposal';
  productId: string;
  proposalId: string;
  reason: string;
  returnedOn: BusinessDate;
  today: BusinessDate;
};

export type RecordTraceability = {
  type: 'RecordTraceability';
  productId: string;
  system: string;
  enabledOn: BusinessDate;
  today: BusinessDate;
};

export type RecordQualityCertification = {
  type: 'RecordQualityCertification';
  productId: string;
  standard: QualityStandard;
  certificateNo: string;
  issuedOn: BusinessDate;
  validUntil?: BusinessDate | null;
  today: BusinessDate;
};

export type ProductCommand =
  | RegisterProduct
  | AwardStars
  | RevokeCertificate
  | ProposeProduct
  | ReturnProposal
  | RecordTraceability
  | RecordQualityCertification;
