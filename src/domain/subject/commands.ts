import type { BusinessDate } from '../rules/businessDate';
import type { FundingSource } from '../rules/plan180Targets';
import type { LinkageKind, SubjectKind, SupportProgramme } from './events';

export type RegisterSubject = {
  type: 'RegisterSubject';
  subjectId: string;
  /**
   * The id of a recorded subject equal to `subjectId` ignoring case but spelled otherwise, as the
   * caller looked it up (rules/ids.ts): the registration is refused. Absent when there is none.
   */
  sameIdIgnoringCase?: string;
  name: string;
  kind: SubjectKind;
  /** Registrations dated before 2025-07-01: the district. */
  districtCode?: string | null;
  /** From 2025-07-01 required: a commune or ward of today's provinces; before, optional: an old commune. */
  communeCode?: string | null;
  registeredOn: BusinessDate;
  today: BusinessDate;
};

/** Attaches a commune to a subject from `on`; `on` picks the code list the code is read in. */
export type RecordSubjectCommune = {
  type: 'RecordSubjectCommune';
  subjectId: string;
  communeCode: string;
  on: BusinessDate;
  today: BusinessDate;
};

export type RecordLinkage = {
  type: 'RecordLinkage';
  subjectId: string;
  linkageId: string;
  partnerName: string;
  kind: LinkageKind;
  startedOn: BusinessDate;
  endedOn?: BusinessDate | null;
  contractRef?: string | null;
  today: BusinessDate;
};

export type RecordSupport = {
  type: 'RecordSupport';
  subjectId: string;
  supportId: string;
  programme: SupportProgramme;
  providedOn: BusinessDate;
  description: string;
  /** What it cost, in whole đồng, when the office records it. */
  amountVnd?: number | null;
  /** Which of Plan 180's four sources paid for it. */
  fundingSource?: FundingSource | null;
  today: BusinessDate;
};

export type SubjectCommand = RegisterSubject | RecordSubjectCommune | RecordLinkage | RecordSupport;
