import type { DomainEvent } from '../../core/decider';
import type { BusinessDate } from '../rules/businessDate';

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

export type SubjectRegistered = DomainEvent<
  'SubjectRegistered',
  { subjectId: string; name: string; kind: SubjectKind; districtCode: string; registeredOn: BusinessDate }
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

export type SupportRecorded = DomainEvent<
  'SupportRecorded',
  { subjectId: string; supportId: string; programme: SupportProgramme; providedOn: BusinessDate; description: string }
>;

export type SubjectEvent = SubjectRegistered | LinkageRecorded | SupportRecorded;

export const subjectStreamId = (subjectId: string): string => `ocop-subject-${subjectId}`;
