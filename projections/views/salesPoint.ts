import type { Draft } from './draft';

export interface SalesPointView {
  readonly id: string;
  readonly name: string;
  readonly operatorSubjectId: string | null;
  readonly provinceCode: string;
  readonly districtCode: string | null;
  readonly communeCode: string | null;
  readonly address: string;
  readonly openedOn: string;
  readonly standard: string | null;
  readonly closedOn: string | null;
  readonly closeReason: string | null;
}

/** Sales points by id, in the order they were registered. */
export type SalesPointsState = Map<string, Draft<SalesPointView>>;
