import type { BusinessDate } from '../rules/businessDate';

export type RegisterSalesPoint = {
  type: 'RegisterSalesPoint';
  salesPointId: string;
  name: string;
  /** The subject that runs it, if one does. */
  operatorSubjectId?: string | null;
  /** Whether that subject is registered, as the caller loaded it; ignored without an operator. */
  operatorExists?: boolean;
  districtCode?: string | null;
  communeCode?: string | null;
  address: string;
  openedOn: BusinessDate;
  /** The standard it meets, e.g. "950/QĐ-BCT". */
  standard?: string | null;
  today: BusinessDate;
};

export type CloseSalesPoint = {
  type: 'CloseSalesPoint';
  salesPointId: string;
  closedOn: BusinessDate;
  reason: string;
  today: BusinessDate;
};

export type SalesPointCommand = RegisterSalesPoint | CloseSalesPoint;
