import type { DomainEvent } from '../../core/decider';
import type { BusinessDate } from '../rules/businessDate';
import type { KeyProductLevel } from '../rules/plan180Targets';

/**
 * A product designated a key product (sản phẩm chủ lực) of a level by decision. `unitCode` is the
 * unit of that level it is a key product of, read on `decidedOn` (the province, the district of its
 * subject, or its subject's commune then).
 */
export type KeyProductDesignated = DomainEvent<
  'KeyProductDesignated',
  { productId: string; level: KeyProductLevel; unitCode: string; decisionNo: string; decidedOn: BusinessDate }
>;

/** The designation of that level ends (a later decision, or the unit's own end). */
export type KeyProductDesignationEnded = DomainEvent<
  'KeyProductDesignationEnded',
  { productId: string; level: KeyProductLevel; decisionNo: string; endedOn: BusinessDate }
>;

export type KeyProductEvent = KeyProductDesignated | KeyProductDesignationEnded;

/** A product's designations live beside its own stream, so recording one never races an evaluation. */
export const keyProductStreamId = (productId: string): string => `ocop-key-product-${productId}`;
