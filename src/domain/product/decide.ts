import { assertNever } from '../../core/assertNever';
import type { Decider } from '../../core/decider';
import { IllegalStateError, NotFoundError } from '../../core/errors';
import { assertBusinessDate } from '../rules/businessDate';
import { requireSafeId } from '../rules/ids';
import { NAME_MAX, REF_MAX } from '../rules/limits';
import { requireNotBefore, requireOneOf, requirePastDate, requireText } from '../rules/validation';
import { awardStars } from './awardStars';
import type {
  ProductCommand,
  RecordQualityCertification,
  RecordTraceability,
  RegisterProduct,
  SubjectSnapshot,
} from './commands';
import { communeOnDay } from '../rules/units/placement';
import {
  PRODUCT_GROUPS,
  QUALITY_STANDARDS,
  REGISTRATION_KINDS,
  type ProductEvent,
  type ProductRegistered,
  type QualityCertificationRecorded,
  type TraceabilityRecorded,
} from './events';
import { registeredProduct } from './guards';
import { proposeProduct, returnProposal } from './proposeProduct';
import { revokeCertificate } from './revokeCertificate';
import { type ProductState, evolveProduct, initialProductState, qualityKey } from './state';

/** The subject's commune on `day`, in that day's code list. */
function communeOf(subject: SubjectSnapshot, day: string): { communeCode?: string } {
  const commune = communeOnDay(subject, day);
  return commune ? { communeCode: commune.code } : {};
}

export function registerProduct(command: RegisterProduct, state: ProductState): ProductRegistered[] {
  if (state.status === 'registered') {
    throw new IllegalStateError(`Product ${command.productId} is already registered`, { productId: command.productId });
  }
  requireSafeId('id', command.productId);
  const twin = command.sameIdIgnoringCase;
  if (twin !== undefined) {
    throw new IllegalStateError(`Product ${twin} already exists: ids are unique regardless of case`, {
      productId: twin,
    });
  }
  const subject = command.subject;
  if (!subject)
    throw new NotFoundError(`Subject ${command.subjectId} does not exist`, { subjectId: command.subjectId });
  const registeredOn = requirePastDate('registeredOn', command.registeredOn, command.today);
  requireNotBefore('registeredOn', registeredOn, subject.registeredOn, 'the subject registration');
  return [
    {
      type: 'ProductRegistered',
      data: {
        productId: command.productId,
        subjectId: subject.subjectId,
        districtCode: subject.districtCode,
        // Where its subject is on the product's registration day, when a commune places it then.
        ...communeOf(subject, registeredOn),
        name: requireText('name', command.name, NAME_MAX),
        group: requireOneOf('group', command.group, PRODUCT_GROUPS),
        registrationKind: requireOneOf('registrationKind', command.registrationKind, REGISTRATION_KINDS),
        registeredOn,
      },
    },
  ];
}

export function recordTraceability(command: RecordTraceability, state: ProductState): TraceabilityRecorded[] {
  const product = registeredProduct(state, command.productId);
  const system = requireText('system', command.system, NAME_MAX);
  if (product.traceabilitySystems.has(system)) {
    throw new IllegalStateError(`Traceability through ${system} is already recorded`, { system });
  }
  const enabledOn = requirePastDate('enabledOn', command.enabledOn, command.today);
  return [{ type: 'TraceabilityRecorded', data: { productId: product.productId, system, enabledOn } }];
}

export function recordQualityCertification(
  command: RecordQualityCertification,
  state: ProductState,
): QualityCertificationRecorded[] {
  const product = registeredProduct(state, command.productId);
  const standard = requireOneOf('standard', command.standard, QUALITY_STANDARDS);
  const certificateNo = requireText('certificateNo', command.certificateNo, REF_MAX);
  if (product.qualityCertifications.has(qualityKey({ standard, certificateNo }))) {
    throw new IllegalStateError(`${standard} certificate ${certificateNo} is already recorded`, { certificateNo });
  }
  const issuedOn = requirePastDate('issuedOn', command.issuedOn, command.today);
  const validUntil = command.validUntil ? assertBusinessDate('validUntil', command.validUntil) : null;
  if (validUntil) requireNotBefore('validUntil', validUntil, issuedOn, 'issuedOn');
  return [
    {
      type: 'QualityCertificationRecorded',
      data: { productId: product.productId, standard, certificateNo, issuedOn, validUntil },
    },
  ];
}

export function decideProduct(command: ProductCommand, state: ProductState): ProductEvent[] {
  switch (command.type) {
    case 'RegisterProduct':
      return registerProduct(command, state);
    case 'AwardStars':
      return awardStars(command, state);
    case 'RevokeCertificate':
      return revokeCertificate(command, state);
    case 'ProposeProduct':
      return proposeProduct(command, state);
    case 'ReturnProposal':
      return returnProposal(command, state);
    case 'RecordTraceability':
      return recordTraceability(command, state);
    case 'RecordQualityCertification':
      return recordQualityCertification(command, state);
    default:
      return assertNever(command);
  }
}

export const productDecider: Decider<ProductState, ProductCommand, ProductEvent> = {
  initialState: initialProductState,
  evolve: evolveProduct,
  decide: decideProduct,
};
