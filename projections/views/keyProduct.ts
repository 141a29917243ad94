import type { KeyProductLevel } from '#src/domain/rules/plan180Targets';
import type { Draft } from './draft';

export interface KeyProductView {
  readonly productId: string;
  readonly level: KeyProductLevel;
  /** The unit of that level it is a key product of, read on `decidedOn`. */
  readonly unitCode: string;
  readonly decisionNo: string;
  readonly decidedOn: string;
  readonly endedOn: string | null;
}

/** Every designation, ended ones included, by product, in log order. */
export type KeyProductsState = Map<string, Draft<KeyProductView>[]>;
