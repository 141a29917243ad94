import type { LinkageKind, SubjectKind, SupportProgramme } from '#src/domain/subject/events';
import type { Draft } from './draft';
import type { CommuneRecord } from '#src/domain/rules/units/placement';
import type { FundingSource } from '#src/domain/rules/plan180Targets';

export interface LinkageView {
  readonly id: string;
  readonly partnerName: string;
  readonly kind: LinkageKind;
  readonly startedOn: string;
  readonly endedOn: string | null;
  readonly contractRef: string | null;
}

export interface SupportView {
  readonly id: string;
  readonly programme: SupportProgramme;
  readonly providedOn: string;
  readonly description: string;
  /** Null when recorded without its money (as all support was before it could carry it). */
  readonly amountVnd: number | null;
  readonly fundingSource: FundingSource | null;
}

export interface SubjectView {
  readonly id: string;
  readonly name: string;
  readonly kind: SubjectKind;
  /** The district it registered in (registrations before 2025-07-01), else null. */
  readonly districtCode: string | null;
  /** Its communes, each read in the code list of its date: where it is on a day is `locate(subject, day)`. */
  readonly communes: readonly CommuneRecord[];
  readonly registeredOn: string;
  readonly productIds: readonly string[];
  readonly linkages: readonly LinkageView[];
  readonly supports: readonly SupportView[];
}

export type SubjectsState = Map<string, Draft<SubjectView>>;
