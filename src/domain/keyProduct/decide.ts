import { assertNever } from '../../core/assertNever';
import type { Decider } from '../../core/decider';
import { IllegalStateError, NotFoundError, ValidationError } from '../../core/errors';
import type { BusinessDate } from '../rules/businessDate';
import { REF_MAX } from '../rules/limits';
import { KEY_PRODUCT_LEVELS, type KeyProductLevel, requireKeyProductLevelOn } from '../rules/plan180Targets';
import { communeOnDay, locate, registeredDistrict } from '../rules/units/placement';
import { requireNotBefore, requireOneOf, requirePastDate, requireText } from '../rules/validation';
import type { DesignateKeyProduct, EndKeyProduct, KeyProductCommand, KeyProductSnapshot } from './commands';
import type { KeyProductDesignated, KeyProductDesignationEnded, KeyProductEvent } from './events';
import { type KeyProductState, evolveKeyProduct, initialKeyProductState } from './state';

/** The unit of `level` the product belongs to on `day`, through its subject. */
function unitOf(product: KeyProductSnapshot, level: KeyProductLevel, day: BusinessDate): string {
  const unit =
    level === 'PROVINCE'
      ? locate(product.placement, day).province
      : level === 'DISTRICT'
        ? registeredDistrict(product.placement, day)
        : communeOnDay(product.placement, day);
  if (!unit) {
    throw new ValidationError(`Product ${product.productId} has no ${level.toLowerCase()} on ${day}`, {
      field: 'level',
    });
  }
  return unit.code;
}

export function designateKeyProduct(command: DesignateKeyProduct, state: KeyProductState): KeyProductDesignated[] {
  const product = command.product;
  if (!product)
    throw new NotFoundError(`Product ${command.productId} does not exist`, { productId: command.productId });
  const level = requireOneOf('level', command.level, KEY_PRODUCT_LEVELS);
  const decidedOn = requirePastDate('decidedOn', command.decidedOn, command.today);
  requireNotBefore('decidedOn', decidedOn, product.registeredOn, 'the product registration');
  requireKeyProductLevelOn(level, decidedOn);
  if (state.active.has(level)) {
    throw new IllegalStateError(`Product ${product.productId} is already a ${level} key product`, {
      productId: product.productId,
    });
  }
  return [
    {
      type: 'KeyProductDesignated',
      data: {
        productId: product.productId,
        level,
        unitCode: unitOf(product, level, decidedOn),
        decisionNo: requireText('decisionNo', command.decisionNo, REF_MAX),
        decidedOn,
      },
    },
  ];
}

export function endKeyProduct(command: EndKeyProduct, state: KeyProductState): KeyProductDesignationEnded[] {
  const level = requireOneOf('level', command.level, KEY_PRODUCT_LEVELS);
  const decidedOn = state.active.get(level);
  if (decidedOn === undefined) {
    throw new IllegalStateError(`Product ${command.productId} is not a ${level} key product`, {
      productId: command.productId,
    });
  }
  const endedOn = requirePastDate('endedOn', command.endedOn, command.today);
  requireNotBefore('endedOn', endedOn, decidedOn, 'the designation');
  const decisionNo = requireText('decisionNo', command.decisionNo, REF_MAX);
  return [{ type: 'KeyProductDesignationEnded', data: { productId: command.productId, level, decisionNo, endedOn } }];
}

export function decideKeyProduct(command: KeyProductCommand, state: KeyProductState): KeyProductEvent[] {
  switch (command.type) {
    case 'DesignateKeyProduct':
      return designateKeyProduct(command, state);
    case 'EndKeyProduct':
      return endKeyProduct(command, state);
    default:
      return assertNever(command);
  }
}

export const keyProductDecider: Decider<KeyProductState, KeyProductCommand, KeyProductEvent> = {
  initialState: initialKeyProductState,
  evolve: evolveKeyProduct,
  decide: decideKeyProduct,
};
