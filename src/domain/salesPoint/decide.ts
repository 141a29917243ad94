import { assertNever } from '../../core/assertNever';
import type { Decider } from '../../core/decider';
import { IllegalStateError, NotFoundError } from '../../core/errors';
import { requireSafeId } from '../rules/ids';
import { NAME_MAX, REF_MAX, TEXT_MAX } from '../rules/limits';
import { locate } from '../rules/units/placement';
import { requireRegistrationPlace } from '../rules/units/readPlace';
import { optionalText, requireNotBefore, requirePastDate, requireText } from '../rules/validation';
import type { CloseSalesPoint, RegisterSalesPoint, SalesPointCommand } from './commands';
import type { SalesPointClosed, SalesPointEvent, SalesPointRegistered } from './events';
import { type SalesPointState, evolveSalesPoint, initialSalesPointState } from './state';

/** Placed as a subject's registration is (rules/units/readPlace.ts), by its opening day. */
export function registerSalesPoint(command: RegisterSalesPoint, state: SalesPointState): SalesPointRegistered[] {
  if (state.status !== 'unregistered') {
    throw new IllegalStateError(`Sales point ${command.salesPointId} is already registered`, {
      salesPointId: command.salesPointId,
    });
  }
  requireSafeId('id', command.salesPointId);
  const operatorSubjectId = command.operatorSubjectId ?? null;
  if (operatorSubjectId !== null && !command.operatorExists) {
    throw new NotFoundError(`Subject ${operatorSubjectId} does not exist`, { subjectId: operatorSubjectId });
  }
  const openedOn = requirePastDate('openedOn', command.openedOn, command.today);
  const place = requireRegistrationPlace(command.districtCode, command.communeCode, openedOn);
  const communes = place.communeCode ? [{ code: place.communeCode, on: openedOn }] : [];
  const province = locate({ districtCode: place.districtCode, communes }, openedOn).province;
  return [
    {
      type: 'SalesPointRegistered',
      data: {
        salesPointId: command.salesPointId,
        name: requireText('name', command.name, NAME_MAX),
        operatorSubjectId,
        provinceCode: province?.code ?? '',
        districtCode: place.districtCode,
        communeCode: place.communeCode,
        address: requireText('address', command.address, TEXT_MAX),
        openedOn,
        standard: optionalText('standard', command.standard, REF_MAX),
      },
    },
  ];
}

export function closeSalesPoint(command: CloseSalesPoint, state: SalesPointState): SalesPointClosed[] {
  if (state.status === 'unregistered') {
    throw new NotFoundError(`Sales point ${command.salesPointId} does not exist`, {
      salesPointId: command.salesPointId,
    });
  }
  if (state.status === 'closed') {
    throw new IllegalStateError(`Sales point ${command.salesPointId} is already closed`, {
      salesPointId: command.salesPointId,
    });
  }
  const closedOn = requirePastDate('closedOn', command.closedOn, command.today);
  requireNotBefore('closedOn', closedOn, state.openedOn, 'its opening');
  const reason = requireText('reason', command.reason, TEXT_MAX, 'lines');
  return [{ type: 'SalesPointClosed', data: { salesPointId: state.salesPointId, closedOn, reason } }];
}

export function decideSalesPoint(command: SalesPointCommand, state: SalesPointState): SalesPointEvent[] {
  switch (command.type) {
    case 'RegisterSalesPoint':
      return registerSalesPoint(command, state);
    case 'CloseSalesPoint':
      return closeSalesPoint(command, state);
    default:
      return assertNever(command);
  }
}

export const salesPointDecider: Decider<SalesPointState, SalesPointCommand, SalesPointEvent> = {
  initialState: initialSalesPointState,
  evolve: evolveSalesPoint,
  decide: decideSalesPoint,
};
