import fc from 'fast-check';
import { DomainError } from '../../src/core/errors';
import type { ProductCommand } from '../../src/domain/product/commands';
import { productDecider } from '../../src/domain/product/decide';
import { type ProductEvent, REVOCATION_REASONS } from '../../src/domain/product/events';
import { EVALUATION_LEVELS } from '../../src/domain/rules/authority';
import { addDays } from '../../src/domain/rules/businessDate';
import { certificateProblems, foldProduct, revocationsKept } from './support/invariants';
import { intFromEnv, printFigures } from './support/random';

/**
 * Property: whatever commands reach a product, in whatever order, its history keeps the certificate
 * rules (3–5 stars, at most 36 months, a revocation is for good, supersession is a line and never to
 * fewer stars, at most one VALID certificate on any day), and a refused command is refused with a domain error, never a crash.
 */
const RUNS = intFromEnv('PROPERTY_RUNS', 300);
const TODAY = '2027-06-30';
const PRODUCT = 'p-1';

const registration: ProductEvent = {
  type: 'ProductRegistered',
  data: {
    productId: PRODUCT,
    subjectId: 's-1',
    districtCode: '066',
    name: 'Miến dong',
    group: 'FOOD',
    registrationKind: 'NEW',
    registeredOn: '2022-01-10',
  },
};

/**
 * When a command is decided: mostly a step forward from the previous command (a timeline, which
 * reaches renewals, expiry and the 2025 reform), sometimes any day from 2022 to today (out of order).
 */
const when = fc.oneof(
  { arbitrary: fc.record({ step: fc.integer({ min: 0, max: 150 }) }), weight: 4 },
  { arbitrary: fc.record({ day: fc.integer({ min: 0, max: 2100 }).map((d) => addDays('2022-01-01', d)) }), weight: 1 },
);
type When = { step: number } | { day: string };

/** Gives each command its decision date, walking the timeline the steps describe. */
function dated(sequence: readonly (ProductCommand & { when: When })[]): ProductCommand[] {
  let clock = '2022-01-01';
  return sequence.map(({ when: w, ...command }) => {
    const decidedOn = 'step' in w ? (clock = addDays(clock, w.step)) : w.day;
    return { ...command, decidedOn } as ProductCommand;
  });
}
const score = fc.oneof(
  fc.integer({ min: 0, max: 100 }),
  fc.double({ min: -5, max: 105, noNaN: true }),
  fc.constantFrom(29.999, 30, 49.99, 50, 69.99, 70, 89.99, 90, 100),
);
const award = fc.record({
  type: fc.constant('AwardStars' as const),
  productId: fc.constant(PRODUCT),
  level: fc.constantFrom(...EVALUATION_LEVELS),
  score,
  decisionNo: fc.constantFrom('QĐ-1', 'QĐ-2', 'QĐ-3', 'QĐ-4', 'QĐ-5', 'QĐ-6', 'QĐ-7', 'QĐ-8'),
  decidedOn: fc.constant(''),
  when,
  today: fc.constant(TODAY),
});
const revoke = fc.record({
  type: fc.constant('RevokeCertificate' as const),
  productId: fc.constant(PRODUCT),
  certificateId: fc.integer({ min: 1, max: 4 }).map((n) => `${PRODUCT}.C${n}`),
  reason: fc.constantFrom(...REVOCATION_REASONS),
  details: fc.constant('Vi phạm'),
  decisionNo: fc.constantFrom('TH-1', 'TH-2'),
  decidedOn: fc.constant(''),
  when,
  today: fc.constant(TODAY),
});
const commands = fc.array(fc.oneof({ arbitrary: award, weight: 3 }, { arbitrary: revoke, weight: 2 }), {
  minLength: 1,
  maxLength: 40,
});

describe('Deciders under random command sequences', () => {
  it(`should keep the certificate rules over ${RUNS} random histories`, () => {
    const figures = {
      runs: 0,
      commands: 0,
      accepted: 0,
      refused: 0,
      certificates: 0,
      revocations: 0,
      supersessions: 0,
    };
    fc.assert(
      fc.property(commands.map(dated), (sequence) => {
        figures.runs += 1;
        const events: ProductEvent[] = [registration];
        let state = foldProduct(events);
        for (const command of sequence) {
          figures.commands += 1;
          let decided: ProductEvent[];
          try {
            decided = productDecider.decide(command, state);
          } catch (error) {
            if (!(error instanceof DomainError)) throw error;
            figures.refused += 1;
            continue;
          }
          figures.accepted += 1;
          const next = decided.reduce(productDecider.evolve, state);
          events.push(...decided);
          expect(revocationsKept(state, next)).toEqual([]);
          expect(certificateProblems(events)).toEqual([]);
          state = next;
          for (const e of decided) {
            if (e.type === 'CertificateIssued') figures.certificates += 1;
            if (e.type === 'CertificateRevoked') figures.revocations += 1;
            if (e.type === 'CertificateSuperseded') figures.supersessions += 1;
          }
        }
      }),
      { numRuns: RUNS },
    );
    printFigures('decider properties', figures);
    // The generator must reach the interesting states, or the property proves little.
    expect(figures.revocations).toBeGreaterThan(0);
    expect(figures.supersessions).toBeGreaterThan(0);
  });
});

describe('The certificate rules checker', () => {
  const issued = (n: number, issuedOn: string, extra: Partial<Record<string, unknown>> = {}): ProductEvent =>
    ({
      type: 'CertificateIssued',
      data: {
        productId: PRODUCT,
        certificateId: `${PRODUCT}.C${n}`,
        evaluationNo: n,
        stars: 3,
        level: 'PROVINCE',
        decisionNo: `QĐ-${n}`,
        issuedOn,
        expiresOn: addDays(issuedOn, 900),
        supersedes: null,
        ...extra,
      },
    }) as ProductEvent;
  const revoked = (n: number, decidedOn: string): ProductEvent => ({
    type: 'CertificateRevoked',
    data: {
      productId: PRODUCT,
      certificateId: `${PRODUCT}.C${n}`,
      reason: 'OTHER',
      details: 'x',
      decisionNo: 'TH',
      decidedOn,
    },
  });

  it('should catch histories that break the rules', () => {
    expect(certificateProblems([registration, issued(1, '2023-01-01'), issued(2, '2023-06-01')])).toContain(
      'p-1.C1 and p-1.C2 both VALID on 2023-06-01',
    );
    expect(certificateProblems([registration, issued(1, '2023-01-01', { stars: 6 })])).toContain(
      'p-1.C1 carries 6 stars',
    );
    expect(certificateProblems([registration, issued(1, '2023-01-01', { expiresOn: '2026-01-02' })])).toContain(
      'p-1.C1 is valid past 36 months (2023-01-01 to 2026-01-02)',
    );
    expect(
      certificateProblems([
        registration,
        issued(1, '2023-01-01', { stars: 4 }),
        issued(2, '2023-02-01', { supersedes: 'p-1.C1' }),
        {
          type: 'CertificateSuperseded',
          data: { productId: PRODUCT, certificateId: 'p-1.C1', supersededBy: 'p-1.C2', supersededOn: '2023-02-01' },
        },
      ]),
    ).toContain('p-1.C1 superseded by p-1.C2, which has fewer stars');
    expect(
      certificateProblems([registration, issued(1, '2023-01-01'), revoked(1, '2023-02-01'), revoked(1, '2023-03-01')]),
    ).toContain('p-1.C1 revoked twice');
    expect(
      certificateProblems([
        registration,
        issued(1, '2023-01-01'),
        issued(2, '2023-02-01'),
        issued(3, '2023-03-01', { supersedes: 'p-1.C1' }),
      ]),
    ).toContain('p-1.C3 supersedes p-1.C1, not the certificate before it');
  });
});
