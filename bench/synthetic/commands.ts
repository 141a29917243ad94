import type { Decider, DomainEvent } from '../../src/core/decider';
import type { Actor } from '../../src/application/metadata';
import { planDecider } from '../../src/domain/plan/decide';
import { planStreamId } from '../../src/domain/plan/events';
import { productDecider } from '../../src/domain/product/decide';
import {
  PRODUCT_GROUPS,
  QUALITY_STANDARDS,
  REVOCATION_REASONS,
  productStreamId,
} from '../../src/domain/product/events';
import type { ProductState } from '../../src/domain/product/state';
import { unitsAt } from '../../src/domain/rules/units/units';
import { addMonths } from '../../src/domain/rules/businessDate';
import { certificateStatusOn } from '../../src/domain/rules/certificateValidity';
import { subjectDecider } from '../../src/domain/subject/decide';
import { LINKAGE_KINDS, SUBJECT_KINDS, type SupportProgramme, subjectStreamId } from '../../src/domain/subject/events';
import type { SubjectState } from '../../src/domain/subject/state';
import type { Rng } from '../support/rng';
import { partnerName, productName, subjectName, traceSystem } from './names';
import type { Intent } from './schedule';

/** A command bound to its stream and decider, with the state types erased so steps can share a queue. */
export interface Step {
  readonly streamId: string;
  readonly command: object;
  readonly actor: Actor;
  initialState(): unknown;
  decide(state: unknown): DomainEvent[];
  evolve(state: unknown, event: DomainEvent): unknown;
}

function step<S, C extends object, E extends DomainEvent>(
  streamId: string,
  decider: Decider<S, C, E>,
  command: C,
  actor: Actor,
): Step {
  return {
    streamId,
    command,
    actor,
    initialState: decider.initialState,
    decide: (state) => decider.decide(command, state as S),
    evolve: (state, event) => decider.evolve(state as S, event as E),
  };
}

const DISTRICTS = unitsAt('06', 'DISTRICT', '2024-01-01').map((d) => d.code);
export const subjectId = (index: number): string => `sub-${index}`;
export const productId = (index: number): string => `prd-${index}`;
const officer = (unit: string): Actor => ({
  id: `officer-${unit}`,
  role: unit.length === 2 ? 'PROVINCIAL_OFFICER' : 'DISTRICT_OFFICER',
  unit,
});
const PROVINCE_OFFICER = officer('06');
/** District councils may recognise products until 2025-06-30 (Decision 1489/QĐ-TTg). */
const LAST_DISTRICT_COUNCIL_DAY = '2025-06-30';

export interface World {
  /** The state of a stream as the generator has folded it so far. */
  stateOf(streamId: string): unknown;
  /** A serial shared by every decision, contract and certificate number. */
  serial(): number;
  /** The subject that owns a product (by index). */
  productSubject(productIndex: number): number;
}

/** Turns an intent into the command an official would send that day, or null when it no longer applies. */
export function commandFor(intent: Intent, today: string, rng: Rng, world: World): Step | null {
  const base = { today };
  switch (intent.kind) {
    case 'registerSubject': {
      const kind = rng.pick(SUBJECT_KINDS);
      const districtCode = rng.pick(DISTRICTS);
      const id = subjectId(intent.target);
      const command = { ...base, type: 'RegisterSubject' as const, subjectId: id, kind, districtCode };
      const full = { ...command, name: subjectName(rng, kind, intent.target), registeredOn: today };
      return step(subjectStreamId(id), subjectDecider, full, officer(districtCode));
    }
    case 'linkage':
    case 'support': {
      const id = subjectId(intent.target);
      const subject = world.stateOf(subjectStreamId(id)) as SubjectState | undefined;
      if (subject?.status !== 'registered') return null;
      const actor = officer(subject.districtCode ?? '');
      const n = world.serial();
      if (intent.kind === 'support') {
        const programme: SupportProgramme = rng.chance(0.45)
          ? 'CONSOLIDATION'
          : rng.chance(0.5)
            ? 'INTENSIVE'
            : 'OTHER';
        const description = `Hỗ trợ ${programme === 'CONSOLIDATION' ? 'củng cố' : 'nâng cấp'} sản phẩm, đợt ${n}`;
        const command = { ...base, type: 'RecordSupport' as const, subjectId: id, supportId: `H${n}`, programme };
        return step(subjectStreamId(id), subjectDecider, { ...command, providedOn: today, description }, actor);
      }
      const endedOn = rng.chance(0.6) ? addMonths(today, rng.int(6, 36)) : null;
      const command = {
        ...base,
        type: 'RecordLinkage' as const,
        subjectId: id,
        linkageId: `L${n}`,
        partnerName: partnerName(rng),
        kind: rng.pick(LINKAGE_KINDS),
        startedOn: today,
        endedOn,
        contractRef: rng.chance(0.7) ? `${n}/HĐLK` : null,
      };
      return step(subjectStreamId(id), subjectDecider, command, actor);
    }
    case 'registerProduct': {
      const owner = world.stateOf(subjectStreamId(subjectId(world.productSubject(intent.target)))) as
        SubjectState | undefined;
      if (owner?.status !== 'registered') return null;
      const group = rng.pick(PRODUCT_GROUPS);
      const command = {
        ...base,
        type: 'RegisterProduct' as const,
        productId: productId(intent.target),
        subjectId: owner.subjectId,
        subject: {
          subjectId: owner.subjectId,
          districtCode: owner.districtCode,
          communes: owner.communes,
          registeredOn: owner.registeredOn,
        },
        name: productName(rng, group),
        group,
        registrationKind: rng.chance(0.7) ? ('NEW' as const) : ('UPGRADE' as const),
        registeredOn: today,
      };
      return step(productStreamId(command.productId), productDecider, command, officer(owner.districtCode ?? ''));
    }
    case 'adoptPlan': {
      const targets = DISTRICTS.map((districtCode) => ({
        districtCode,
        newProducts3Star: rng.int(0, 6),
        consolidatedSubjects: rng.int(0, 3),
        newSubjects: rng.int(0, 3),
        traceabilityProducts: rng.int(0, 6),
        linkageSubjects: rng.int(0, 6),
        advancedQmProducts: rng.int(0, 8),
      }));
      const reference = `${world.serial()}/KH-UBND`;
      const command = { ...base, type: 'AdoptPlan' as const, provinceCode: '06', year: intent.target, reference };
      const full = { ...command, adoptedOn: today, targets };
      return step(planStreamId('06', intent.target), planDecider, full, PROVINCE_OFFICER);
    }
    default:
      return productCommand(intent, today, rng, world);
  }
}

function productCommand(intent: Intent, today: string, rng: Rng, world: World): Step | null {
  const streamId = productStreamId(productId(intent.target));
  const product = world.stateOf(streamId) as ProductState | undefined;
  if (product?.status !== 'registered') return null;
  const base = { today, productId: product.productId };
  const n = world.serial();
  switch (intent.kind) {
    case 'evaluate': {
      const level =
        today <= LAST_DISTRICT_COUNCIL_DAY && rng.chance(0.6) ? 'DISTRICT' : rng.chance(0.9) ? 'PROVINCE' : 'NATIONAL';
      const score = Math.max(0, Math.min(100, Math.round(35 + rng.next() * 35 + rng.next() * 25)));
      const command = { ...base, type: 'AwardStars' as const, level, score, decisionNo: `${n}/QĐ-UBND` } as const;
      return step(streamId, productDecider, { ...command, decidedOn: today }, PROVINCE_OFFICER);
    }
    case 'qualityCertification': {
      const validUntil = rng.chance(0.8) ? addMonths(today, 36) : null;
      const standard = rng.pick(QUALITY_STANDARDS);
      const command = { ...base, type: 'RecordQualityCertification' as const, standard, certificateNo: `QC-${n}` };
      return step(streamId, productDecider, { ...command, issuedOn: today, validUntil }, PROVINCE_OFFICER);
    }
    case 'traceability': {
      const command = { ...base, type: 'RecordTraceability' as const, system: traceSystem(rng, n), enabledOn: today };
      return step(streamId, productDecider, command, PROVINCE_OFFICER);
    }
    case 'revoke': {
      const latest = product.certificates.at(-1);
      if (!latest || latest.revokedOn || latest.supersededOn || certificateStatusOn(latest, today) !== 'VALID')
        return null;
      const command = {
        ...base,
        type: 'RevokeCertificate' as const,
        certificateId: latest.certificateId,
        reason: rng.pick(REVOCATION_REASONS),
        details: 'Kiểm tra định kỳ phát hiện sản phẩm không duy trì chất lượng như khi được công nhận',
        decisionNo: `${n}/QĐ-UBND`,
        decidedOn: today,
      };
      return step(streamId, productDecider, command, PROVINCE_OFFICER);
    }
    default:
      return null;
  }
}
