import type { DomainEvent } from '../../core/decider';
import type { BusinessDate } from '../rules/businessDate';

/**
 * An OCOP sales point (điểm giới thiệu và bán sản phẩm OCOP) opened: placed as a registration is,
 * by district before 2025-07-01 (its old commune optional) and by commune or ward from then, each
 * code read on `openedOn`; `provinceCode` is the province of that day.
 */
export type SalesPointRegistered = DomainEvent<
  'SalesPointRegistered',
  {
    salesPointId: string;
    name: string;
    operatorSubjectId: string | null;
    provinceCode: string;
    districtCode: string | null;
    communeCode: string | null;
    address: string;
    openedOn: BusinessDate;
    standard: string | null;
  }
>;

export type SalesPointClosed = DomainEvent<
  'SalesPointClosed',
  { salesPointId: string; closedOn: BusinessDate; reason: string }
>;

export type SalesPointEvent = SalesPointRegistered | SalesPointClosed;

export const salesPointStreamId = (salesPointId: string): string => `ocop-sales-point-${salesPointId}`;
