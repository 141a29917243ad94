import type { DomainEvent } from '../../core/decider';
import type { EvaluationLevel } from '../rules/authority';
import type { BusinessDate } from '../rules/businessDate';
import type { EvaluationOutcome } from '../rules/evaluationOutcome';
import type { EvaluationPurpose } from '../rules/evaluationPurpose';
import type { DecidingAuthority } from '../rules/issuingAuthority';
import type { ScoreParts } from '../rules/scoreParts';

export type ProductGroup = 'FOOD' | 'DRINKS' | 'HERBAL' | 'HANDICRAFTS' | 'ORNAMENTAL' | 'TOURISM';
export const PRODUCT_GROUPS: readonly ProductGroup[] = [
  'FOOD',
  'DRINKS',
  'HERBAL',
  'HANDICRAFTS',
  'ORNAMENTAL',
  'TOURISM',
];
/** NEW product, UPGRADE of an OCOP product to more stars, RENEWAL of an expiring or expired certificate. */
export type RegistrationKind = 'NEW' | 'UPGRADE' | 'RENEWAL';
export const REGISTRATION_KINDS: readonly RegistrationKind[] = ['NEW', 'UPGRADE', 'RENEWAL'];
export type QualityStandard = 'ISO_22000' | 'HACCP' | 'GMP' | 'VIETGAP' | 'ORGANIC' | 'GACP_WHO' | 'OTHER';
export const QUALITY_STANDARDS: readonly QualityStandard[] = [
  'ISO_22000',
  'HACCP',
  'GMP',
  'VIETGAP',
  'ORGANIC',
  'GACP_WHO',
  'OTHER',
];
export type RevocationReason =
  | 'FOOD_SAFETY_VIOLATION'
  | 'PROCESS_NOT_FOLLOWED'
  | 'QUALITY_NOT_MAINTAINED'
  | 'NO_TRACEABILITY_RECORDS'
  | 'PRODUCTION_STOPPED'
  | 'MARK_MISUSE'
  | 'EXPIRED_NOT_RENEWED'
  | 'OTHER';
export const REVOCATION_REASONS: readonly RevocationReason[] = [
  'FOOD_SAFETY_VIOLATION',
  'PROCESS_NOT_FOLLOWED',
  'QUALITY_NOT_MAINTAINED',
  'NO_TRACEABILITY_RECORDS',
  'PRODUCTION_STOPPED',
  'MARK_MISUSE',
  'EXPIRED_NOT_RENEWED',
  'OTHER',
];

export type ProductRegistered = DomainEvent<
  'ProductRegistered',
  {
    productId: string;
    subjectId: string;
    /** The subject's district when the product was registered (null for subjects registered from 2025-07-01). */
    districtCode: string | null;
    /**
     * Its subject's commune on the product's registration day, read in that day's code list (absent
     * when none placed it then, and in events recorded before subjects had communes).
     */
    communeCode?: string;
    name: string;
    group: ProductGroup;
    registrationKind: RegistrationKind;
    registeredOn: BusinessDate;
  }
>;

export type ProductEvaluated = DomainEvent<
  'ProductEvaluated',
  {
    productId: string;
    evaluationNo: number;
    level: EvaluationLevel;
    score: number;
    /** The stars the score's band gives, before the level's cap. */
    scoreStars: number;
    /** The band's stars, capped at the most this level may recognise. */
    stars: number;
    /** What the result means at this level (schema version 2; upcast from the older fields). */
    outcome: EvaluationOutcome;
    /** The result goes to the next level up as a proposal. */
    proposedToHigherLevel: boolean;
    /** The council's part scores, when recorded (schema version 2; null before). */
    parts: ScoreParts | null;
    decisionNo: string;
    decidedOn: BusinessDate;
    /** The certificate this result issued; null unless the outcome is RECOGNISED. */
    certificateId: string | null;
    /** Why it was evaluated (absent on events recorded before purposes: read models derive it). */
    purpose?: EvaluationPurpose;
    /** The authority that decided, on the decision date (absent on older events: derived from the place). */
    decidedBy?: DecidingAuthority;
  }
>;

export type CertificateIssued = DomainEvent<
  'CertificateIssued',
  {
    productId: string;
    certificateId: string;
    evaluationNo: number;
    stars: number;
    level: EvaluationLevel;
    decisionNo: string;
    issuedOn: BusinessDate;
    expiresOn: BusinessDate;
    /** The certificate it replaces: the one valid on its decision date, or the one a renewal renews. */
    supersedes: string | null;
    /** The authority that issued it, on the decision date (absent on older events: derived from the place). */
    issuedBy?: DecidingAuthority;
  }
>;

export type CertificateSuperseded = DomainEvent<
  'CertificateSuperseded',
  { productId: string; certificateId: string; supersededBy: string; supersededOn: BusinessDate }
>;

export type CertificateRevoked = DomainEvent<
  'CertificateRevoked',
  {
    productId: string;
    certificateId: string;
    reason: RevocationReason;
    details: string;
    decisionNo: string;
    decidedOn: BusinessDate;
    /** The authority that decided, on the decision date (absent on older events). */
    decidedBy?: DecidingAuthority;
  }
>;

/** A commune committee (or the province for it) proposes a product whose dossier it received and assessed. */
export type ProductProposed = DomainEvent<
  'ProductProposed',
  {
    productId: string;
    /** `<productId>.P<n>`, n counting the product's proposals of this kind from 1. */
    proposalId: string;
    fromLevel: 'COMMUNE';
    toLevel: EvaluationLevel;
    /** The proposing commune on the proposal's date. */
    communeCode: string | null;
    purpose: EvaluationPurpose;
    decisionNo: string;
    proposedOn: BusinessDate;
    dossierReceivedOn: BusinessDate | null;
    note: string | null;
  }
>;

/** The level a commune proposed to sends the dossier back, incomplete, with a reason. */
export type ProposalReturned = DomainEvent<
  'ProposalReturned',
  { productId: string; proposalId: string; reason: string; returnedOn: BusinessDate }
>;

export type TraceabilityRecorded = DomainEvent<
  'TraceabilityRecorded',
  { productId: string; system: string; enabledOn: BusinessDate }
>;

export type QualityCertificationRecorded = DomainEvent<
  'QualityCertificationRecorded',
  {
    productId: string;
    standard: QualityStandard;
    certificateNo: string;
    issuedOn: BusinessDate;
    validUntil: BusinessDate | null;
  }
>;

export type ProductEvent =
  | ProductRegistered
  | ProductEvaluated
  | CertificateIssued
  | CertificateSuperseded
  | CertificateRevoked
  | ProductProposed
  | ProposalReturned
  | TraceabilityRecorded
  | QualityCertificationRecorded;

export const productStreamId = (productId: string): string => `ocop-product-${productId}`;

/** Certificates live in their product's stream; the id names both, so a revocation finds its stream. */
export const certificateIdFor = (productId: string, sequence: number): string => `${productId}.C${sequence}`;

export function productIdOfCertificate(certificateId: string): string | undefined {
  const match = /^(.+)\.C\d+$/.exec(certificateId);
  return match?.[1];
}

/** A commune's proposal lives in its product's stream; its id names both. */
export const communeProposalIdFor = (productId: string, sequence: number): string => `${productId}.P${sequence}`;

/** The product of a proposal id: a commune's (`.P<n>`) or a council's proposing evaluation (`.E<n>`). */
export function productIdOfProposal(proposalId: string): string | undefined {
  return /^(.+)\.[PE]\d+$/.exec(proposalId)?.[1];
}
