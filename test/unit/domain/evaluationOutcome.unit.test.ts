import { IllegalStateError, ValidationError } from '../../../src/core/errors';
import type { AwardStars, ProductCommand } from '../../../src/domain/product/commands';
import { productDecider } from '../../../src/domain/product/decide';
import type { ProductEvent } from '../../../src/domain/product/events';
import { deciderSpec } from '../../support/deciderSpec';
import { TODAY, productRegistered } from '../../support/fixtures';

const spec = deciderSpec(productDecider);
const award = (overrides: Partial<AwardStars> = {}): AwardStars => ({
  type: 'AwardStars',
  productId: 'mien-dong',
  level: 'DISTRICT',
  score: 62,
  decisionNo: '1234/QĐ-UBND',
  decidedOn: '2024-10-15',
  today: TODAY,
  ...overrides,
});
const after = (history: ProductEvent[], ...commands: ProductCommand[]): ProductEvent[] =>
  commands.reduce(
    (events, command) => [
      ...events,
      ...productDecider.decide(command, events.reduce(productDecider.evolve, productDecider.initialState())),
    ],
    history,
  );
const registered = [productRegistered()];
const types = (events: readonly ProductEvent[]) => events.map((e) => e.type);

/** Given a registered product, when a council of `level` scores it on `decidedOn`, then this. */
const outcomeCase = (level: AwardStars['level'], score: number, decidedOn: string) =>
  spec.given(registered).when(award({ level, score, decidedOn }));

describe('Evaluation outcomes by decision date (Plan 180 §3.6.1–3.6.2, Decisions 148 and 1489)', () => {
  describe.each(['2024-10-15', '2025-06-30'])('a district council, deciding on %s', (decidedOn) => {
    it('should recognise 3★ for 50–69, with a district certificate', () => {
      outcomeCase('DISTRICT', 69, decidedOn).thenMatches([
        { type: 'ProductEvaluated', data: { outcome: 'RECOGNISED', proposedToHigherLevel: false } },
        { type: 'CertificateIssued', data: { stars: 3, level: 'DISTRICT', issuedOn: decidedOn } },
      ]);
    });
    it('should propose 70 or more to the province, with no certificate', () => {
      outcomeCase('DISTRICT', 70, decidedOn).then([
        expect.objectContaining({
          type: 'ProductEvaluated',
          data: expect.objectContaining({ outcome: 'PROPOSED', proposedToHigherLevel: true, certificateId: null }),
        }),
      ]);
    });
    it('should not recognise below 50', () => {
      outcomeCase('DISTRICT', 49.5, decidedOn).then([
        expect.objectContaining({ data: expect.objectContaining({ outcome: 'NOT_RECOGNISED', certificateId: null }) }),
      ]);
    });
  });

  describe('a district council from 2025-07-01', () => {
    it('should be refused: districts no longer exist', () => {
      outcomeCase('DISTRICT', 62, '2025-07-01').thenThrows(ValidationError, /DISTRICT council may not/);
    });
  });

  describe.each([
    ['before the reorganisation', '2025-06-30'],
    ['from the reorganisation', '2025-07-01'],
  ])('a provincial council, %s (%s)', (_when, decidedOn) => {
    it('should recognise 4★ for 70–89, and propose nothing', () => {
      outcomeCase('PROVINCE', 89.99, decidedOn).thenMatches([
        { data: { outcome: 'RECOGNISED', proposedToHigherLevel: false } },
        { type: 'CertificateIssued', data: { stars: 4, level: 'PROVINCE' } },
      ]);
    });
    it('should recognise 4★ for 90 or more and also propose it to the centre', () => {
      outcomeCase('PROVINCE', 90, decidedOn).thenMatches([
        { data: { outcome: 'RECOGNISED', proposedToHigherLevel: true } },
        { type: 'CertificateIssued', data: { stars: 4 } },
      ]);
    });
    it('should not recognise below 50', () => {
      outcomeCase('PROVINCE', 30, decidedOn).thenMatches([
        { data: { outcome: 'NOT_RECOGNISED', certificateId: null } },
      ]);
    });
  });

  describe('a provincial council below 70', () => {
    it('should return the result to the district before 2025-07-01, with no certificate', () => {
      const events = productDecider.decide(
        award({ level: 'PROVINCE', score: 65, decidedOn: '2025-06-30' }),
        registered.reduce(productDecider.evolve, productDecider.initialState()),
      );
      expect(events).toMatchObject([{ type: 'ProductEvaluated', data: { outcome: 'RETURNED', certificateId: null } }]);
      expect(events).toHaveLength(1);
    });
    it("should let the district's own award on the returned result recognise 3★", () => {
      const proposedAndReturned = after(
        registered,
        award({ score: 78, decisionNo: 'H-1', decidedOn: '2024-10-15' }),
        award({ level: 'PROVINCE', score: 65, decisionNo: 'T-1', decidedOn: '2024-11-20' }),
      );
      spec
        .given(proposedAndReturned)
        .when(award({ score: 65, decisionNo: 'H-2', decidedOn: '2024-11-28' }))
        .thenMatches([
          { data: { evaluationNo: 3, outcome: 'RECOGNISED' } },
          { type: 'CertificateIssued', data: { certificateId: 'mien-dong.C1', stars: 3, level: 'DISTRICT' } },
        ]);
    });
    it('should recognise 3★ itself from 2025-07-01', () => {
      outcomeCase('PROVINCE', 50, '2025-07-01').thenMatches([
        { data: { outcome: 'RECOGNISED' } },
        { type: 'CertificateIssued', data: { stars: 3, level: 'PROVINCE' } },
      ]);
    });
  });

  describe.each(['2025-06-30', '2025-07-01'])('the centre, deciding on %s', (decidedOn) => {
    it('should recognise 5★ for 90 or more', () => {
      outcomeCase('NATIONAL', 90, decidedOn).thenMatches([
        { data: { outcome: 'RECOGNISED', proposedToHigherLevel: false } },
        { type: 'CertificateIssued', data: { stars: 5, level: 'NATIONAL' } },
      ]);
    });
    it('should rule "not achieved" below 90, issue no 4★, and leave the provincial certificate standing', () => {
      const provincial = after(registered, award({ level: 'PROVINCE', score: 92, decisionNo: 'T-1' }));
      spec
        .given(provincial)
        .when(award({ level: 'NATIONAL', score: 85, decisionNo: 'TW-1', decidedOn }))
        .then([
          expect.objectContaining({
            type: 'ProductEvaluated',
            data: expect.objectContaining({ outcome: 'NOT_RECOGNISED', certificateId: null }),
          }),
        ]);
    });
  });
});

describe('Supersession only by at least as many stars', () => {
  const provincial4 = after(
    registered,
    award({ level: 'PROVINCE', score: 80, decisionNo: 'T-1', decidedOn: '2024-11-20' }),
  );

  it('should refuse fewer stars while a higher certificate is valid, naming it, and append nothing', () => {
    spec
      .given(provincial4)
      .when(award({ score: 60, decisionNo: 'H-9', decidedOn: '2025-01-10' }))
      .thenThrows(IllegalStateError, /mien-dong\.C1 \(4★, valid through 2027-11-20\).*revoke it/);
  });
  it('should let as many stars supersede (a renewal at the same rating)', () => {
    spec
      .given(provincial4)
      .when(award({ level: 'PROVINCE', score: 75, decisionNo: 'T-2', decidedOn: '2027-10-01' }))
      .thenMatches([
        {},
        { type: 'CertificateIssued', data: { certificateId: 'mien-dong.C2', supersedes: 'mien-dong.C1' } },
        { type: 'CertificateSuperseded', data: { certificateId: 'mien-dong.C1' } },
      ]);
  });
  it('should let fewer stars be recognised once the higher certificate is revoked or expired', () => {
    const revoked = after(provincial4, {
      type: 'RevokeCertificate',
      productId: 'mien-dong',
      certificateId: 'mien-dong.C1',
      reason: 'QUALITY_NOT_MAINTAINED',
      details: 'Kiểm tra chất lượng không đạt',
      decisionNo: 'TH-1',
      decidedOn: '2025-03-01',
      today: TODAY,
    });
    expect(types(after(revoked, award({ score: 60, decisionNo: 'H-9', decidedOn: '2025-04-01' })).slice(-2))).toEqual([
      'ProductEvaluated',
      'CertificateIssued',
    ]);
    // After its last day the result renews it (purpose RENEWAL): the new certificate replaces the expired one.
    const lapsed = after(
      provincial4,
      award({ level: 'PROVINCE', score: 60, decisionNo: 'T-9', decidedOn: '2027-11-21' }),
    );
    expect(types(lapsed).slice(-3)).toEqual(['ProductEvaluated', 'CertificateIssued', 'CertificateSuperseded']);
  });
});

describe('Score parts (A ≤ 40, B ≤ 25, C ≤ 35, summing to the score)', () => {
  it('should store the parts with the result', () => {
    spec
      .given(registered)
      .when(award({ score: 62.5, parts: { a: 30, b: 12.5, c: 20 } }))
      .thenMatches([{ data: { score: 62.5, parts: { a: 30, b: 12.5, c: 20 } } }, {}]);
  });
  it.each([
    [{ a: 40.5, b: 10, c: 11.5 }, 'parts.a', /parts\.a must be between 0 and 40/],
    [{ a: 30, b: 26, c: 6 }, 'parts.b', /parts\.b must be between 0 and 25/],
    [{ a: 20, b: 6, c: 36 }, 'parts.c', /parts\.c must be between 0 and 35/],
    [{ a: -1, b: 28, c: 35 }, 'parts.a', /parts\.a/],
    [{ a: 30, b: 20, c: 20 }, 'parts', /\(70\) must equal the score \(62\)/],
  ])('should refuse %j as BAD_USER_INPUT naming %s', (parts, field, message) => {
    const run = () =>
      productDecider.decide(award({ parts }), registered.reduce(productDecider.evolve, productDecider.initialState()));
    expect(run).toThrow(message);
    expect(run).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT', details: { field } }));
  });
});

describe('Score parts by decision date (Decision 1048 before 2023-02-24, 148 from then)', () => {
  const scored = (decidedOn: string, parts: { a: number; b: number; c: number }) =>
    spec.given([productRegistered({ registeredOn: '2022-03-01' })]).when(award({ score: 75, parts, decidedOn }));
  describe('a decision of 2023-02-23 (Decision 1048: A ≤ 35, B ≤ 25, C ≤ 40)', () => {
    it('should accept C 40', () => {
      scored('2023-02-23', { a: 20, b: 15, c: 40 }).thenMatches([{ data: { parts: { a: 20, b: 15, c: 40 } } }]);
    });
    it('should refuse A 36 as BAD_USER_INPUT naming Decision 1048', () => {
      scored('2023-02-23', { a: 36, b: 15, c: 24 }).thenThrows(
        ValidationError,
        /parts\.a must be between 0 and 35 \(Decision 1048/,
      );
    });
  });
  describe('a decision of 2023-02-24 (Decision 148: A ≤ 40, B ≤ 25, C ≤ 35)', () => {
    it('should accept A 40', () => {
      scored('2023-02-24', { a: 40, b: 15, c: 20 }).thenMatches([{ data: { parts: { a: 40, b: 15, c: 20 } } }]);
    });
    it('should refuse C 40 as BAD_USER_INPUT naming Decision 148', () => {
      scored('2023-02-24', { a: 20, b: 15, c: 40 }).thenThrows(
        ValidationError,
        /parts\.c must be between 0 and 35 \(Decision 148/,
      );
    });
  });
});
