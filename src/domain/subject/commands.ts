import type { BusinessDate } from '../rules/businessDate';
import type { LinkageKind, SubjectKind, SupportProgramme } from './events';

export type RegisterSubject = {
  type: 'RegisterSubject';
  subjectId: string;
  name: string;
  kind: SubjectKind;
  districtCode: string;
  registeredOn: BusinessDate;
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
  today: BusinessDate;
};

export type SubjectCommand = RegisterSubject | RecordLinkage | RecordSupport;
