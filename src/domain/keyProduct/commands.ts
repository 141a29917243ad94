import type { BusinessDate } from '../rules/businessDate';
import type { KeyProductLevel } from '../rules/plan180Targets';
import type { Placement } from '../rules/units/placement';

/** What a designation needs to know of the product, loaded by the caller: where its subject is. */
export interface KeyProductSnapshot {
  readonly productId: string;
  readonly registeredOn: BusinessDate;
  readonly placement: Placement;
}

export type DesignateKeyProduct = {
  type: 'DesignateKeyProduct';
  productId: string;
  product: KeyProductSnapshot | null;
  level: KeyProductLevel;
  decisionNo: string;
  decidedOn: BusinessDate;
  today: BusinessDate;
};

export type EndKeyProduct = {
  type: 'EndKeyProduct';
  productId: string;
  level: KeyProductLevel;
  decisionNo: string;
  endedOn: BusinessDate;
  today: BusinessDate;
};

export type KeyProductCommand = DesignateKeyProduct | EndKeyProduct;
