import type { DomainEvent } from '../../core/decider';
import type { BusinessDate } from '../rules/businessDate';
import type { FundingSource } from '../rules/plan180Targets';

export type SubjectKind = 'COOPERATIVE' | 'COOPERATIVE_GROUP' | 'ENTERPRISE' | 'HOUSEHOLD_BUSINESS';
export const SUBJECT_KINDS: readonly SubjectKind[] = [
  'COOPERATIVE',
  'COOPERATIVE_GROUP',
  'ENTERPRISE',
  'HOUSEHOLD_BUSINESS',
];
export type LinkageKind = 'PRODUCTION' | 'CONSUMPTION' | 'PRODUCTION_AND_CONSUMPTION';
export const LINKAGE_KINDS: readonly LinkageKind[] = ['PRODUCTION', 'CONSUMPTION', 'PRODUCTION_AND_CONSUMPTION'];
export type SupportProgramme = 'CONSOLIDATION' | 'INTENSIVE' | 'OTHER';
export const SUPPORT_PROGRAMMES: readonly SupportProgramme[] = ['CONSOLIDATION', 'INTENSIVE', 'OTHER'];

/**
 * `districtCode` is the district of a registration dated before 2025-07-01 (null from then on);
 * `communeCode` its commune, read in the code list of `registeredOn` (absent in events recorded
 * before subjects had communes).
 */
export type SubjectRegistered = DomainEvent<
  'SubjectRegistered',
  {
    subjectId: string;
    name: string;
    kind: SubjectKind;
    districtCode: string | null;
    communeCode?: string | null;
    registeredOn: BusinessDate;
  }
>;

/** The subject is in this commune from `on`; `on` also picks the code list the code is read in. */
export type SubjectCommuneRecorded = DomainEvent<
  'SubjectCommuneRecorded',
  { subjectId: string; communeCode: string; on: BusinessDate }
>;

export type LinkageRecorded = DomainEvent<
  'LinkageRecorded',
  {
    subjectId: string;
    linkageId: string;
    partnerName: string;
    kind: LinkageKind;
    startedOn: BusinessDate;
    endedOn: BusinessDate | null;
    contractRef: string | null;
  }
>;

/** `amountVnd` and `fundingSource` are absent in events recorded before support carried its money. */
export type SupportRecorded = DomainEvent<
  'SupportRecorded',
  {
    subjectId: string;
    supportId: string;
    programme: SupportProgramme;
    providedOn: BusinessDate;
    description: string;
    amountVnd?: number;
    fundingSource?: FundingSource;
  }
>;

export type SubjectEvent = SubjectRegistered | SubjectCommuneRecorded | LinkageRecorded | SupportRecorded;

export const subjectStreamId = (subjectId: string): string => `ocop-subject-${subjectId}`;
