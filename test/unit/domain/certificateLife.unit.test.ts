import { IllegalStateError, ValidationError } from '../../../src/core/errors';
import type { AwardStars, ProductCommand, RevokeCertificate } from '../../../src/domain/product/commands';
import { productDecider } from '../../../src/domain/product/decide';
import type { ProductEvent } from '../../../src/domain/product/events';
import { deciderSpec } from '../../support/deciderSpec';
import { TODAY, productRegistered } from '../../support/fixtures';

const spec = deciderSpec(productDecider);
const award = (overrides: Partial<AwardStars>): AwardStars => ({
  type: 'AwardStars',
  productId: 'mien-dong',
  level: 'PROVINCE',
  score: 75,
  decisionNo: 'QĐ-2',
  decidedOn: '2024-10-15',
  today: TODAY,
  ...overrides,
});
const revoke = (overrides: Partial<RevokeCertificate>): RevokeCertificate => ({
  type: 'RevokeCertificate',
  productId: 'mien-dong',
  certificateId: 'mien-dong.C1',
  reason: 'EXPIRED_NOT_RENEWED',
  details: 'Hết hiệu lực, không đánh giá lại',
  decisionNo: 'TH-1',
  decidedOn: '2026-09-01',
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
const registered: ProductEvent[] = [productRegistered({ registeredOn: '2021-03-01' })];

/**
 * The two sides of 2025-07-01: a 4★ certificate of the province whose last day falls a month after
 * `renewOn` (before the reorganisation, and after it), and `midTerm`, a day well inside its term.
 */
const sides = [
  {
    side: 'before 2025-07-01',
    issuedOn: '2022-03-10',
    renewOn: '2025-02-10',
    midTerm: '2023-06-01',
    lower: 'DISTRICT',
  },
  { side: 'from 2025-07-01', issuedOn: '2023-06-15', renewOn: '2026-05-15', midTerm: '2025-09-01', lower: 'PROVINCE' },
] as const;

describe.each(sides)('The life of a 4★ certificate, $side', ({ issuedOn, renewOn, midTerm, lower }) => {
  const certified = after(registered, award({ score: 80, decisionNo: 'QĐ-1', decidedOn: issuedOn }));
  const given = spec.given(certified);

  describe('FIRST', () => {
    it('should be derived for a product that holds no certificate', () => {
      spec
        .given(registered)
        .when(award({ score: 80, decidedOn: midTerm }))
        .thenMatches([{ data: { purpose: 'FIRST', outcome: 'RECOGNISED' } }, { type: 'CertificateIssued' }]);
    });
    it('should not recognise below 50', () => {
      spec
        .given(registered)
        .when(award({ score: 40, decidedOn: midTerm }))
        .thenMatches([{ data: { purpose: 'FIRST', outcome: 'NOT_RECOGNISED', certificateId: null } }]);
    });
    it('should be refused when given for a product that holds a certificate', () => {
      given.when(award({ purpose: 'FIRST', decidedOn: midTerm })).thenThrows(ValidationError, /holds a certificate/);
    });
  });

  describe('UPGRADE (derived mid-term)', () => {
    it('should refuse fewer stars while the 4★ is valid, naming it', () => {
      given
        .when(award({ level: lower, score: 60, decidedOn: midTerm }))
        .thenThrows(IllegalStateError, /mien-dong\.C1 \(4★.*upgrade never lowers/);
    });
    it('should record a result below 50 and leave the certificate standing', () => {
      given.when(award({ score: 45, decidedOn: midTerm })).then([
        expect.objectContaining({
          data: expect.objectContaining({ purpose: 'UPGRADE', outcome: 'NOT_RECOGNISED', certificateId: null }),
        }),
      ]);
    });
    it('should supersede with as many stars', () => {
      given
        .when(award({ score: 85, decidedOn: midTerm }))
        .thenMatches([
          { data: { purpose: 'UPGRADE', outcome: 'RECOGNISED' } },
          { data: { certificateId: 'mien-dong.C2', supersedes: 'mien-dong.C1' } },
          { type: 'CertificateSuperseded', data: { certificateId: 'mien-dong.C1', supersededBy: 'mien-dong.C2' } },
        ]);
    });
  });

  describe('RENEWAL (derived within 90 days of the last day)', () => {
    it('should issue a 3★ certificate that replaces the 4★ it renews', () => {
      given
        .when(award({ level: lower, score: 62, decidedOn: renewOn }))
        .thenMatches([
          { data: { purpose: 'RENEWAL', outcome: 'RECOGNISED' } },
          { type: 'CertificateIssued', data: { stars: 3, supersedes: 'mien-dong.C1', issuedOn: renewOn } },
          { type: 'CertificateSuperseded', data: { certificateId: 'mien-dong.C1', supersededOn: renewOn } },
        ]);
    });
    it('should leave the old certificate to expire when it fails', () => {
      given.when(award({ score: 48, decidedOn: renewOn })).then([
        expect.objectContaining({
          data: expect.objectContaining({ purpose: 'RENEWAL', outcome: 'NOT_RECOGNISED', certificateId: null }),
        }),
      ]);
    });
    it('should renew an already expired certificate, replacing it', () => {
      given
        .when(award({ score: 72, decidedOn: '2026-07-01', decisionNo: 'QĐ-late' }))
        .thenMatches([
          { data: { purpose: 'RENEWAL' } },
          { type: 'CertificateIssued', data: { stars: 4, supersedes: 'mien-dong.C1' } },
          { type: 'CertificateSuperseded' },
        ]);
    });
    it('should be given mid-term as a re-ranking, fewer stars included', () => {
      given
        .when(award({ level: lower, purpose: 'RENEWAL', score: 55, decidedOn: midTerm }))
        .thenMatches([{ data: { purpose: 'RENEWAL' } }, { data: { stars: 3, supersedes: 'mien-dong.C1' } }, {}]);
    });
  });

  describe('RECHECK (only ever given)', () => {
    it('should confirm the certificate when the product still meets its stars, issuing nothing', () => {
      given.when(award({ purpose: 'RECHECK', score: 71, decidedOn: midTerm })).then([
        expect.objectContaining({
          data: expect.objectContaining({ purpose: 'RECHECK', outcome: 'CONFIRMED', certificateId: null }),
        }),
      ]);
    });
    it('should find the product below its level without issuing a lower certificate', () => {
      given.when(award({ purpose: 'RECHECK', score: 61, decidedOn: midTerm })).then([
        expect.objectContaining({
          data: expect.objectContaining({
            purpose: 'RECHECK',
            outcome: 'NOT_RECOGNISED',
            proposedToHigherLevel: false,
            certificateId: null,
          }),
        }),
      ]);
    });
    it('should be refused for a product whose certificate is no longer valid', () => {
      given
        .when(award({ purpose: 'RECHECK', decidedOn: '2026-08-01', decisionNo: 'KT-1' }))
        .thenThrows(ValidationError, /RECHECK/);
    });
  });
});

describe('A renewal before 2025-07-01 at the district that scores 70 or more', () => {
  it('should propose it to the province as a RENEWAL, issuing nothing yet', () => {
    spec
      .given(after(registered, award({ level: 'DISTRICT', score: 60, decisionNo: 'H-1', decidedOn: '2021-12-01' })))
      .when(award({ level: 'DISTRICT', score: 74, decisionNo: 'H-2', decidedOn: '2024-11-05' }))
      .then([
        expect.objectContaining({
          data: expect.objectContaining({ purpose: 'RENEWAL', outcome: 'PROPOSED', certificateId: null }),
        }),
      ]);
  });
});

describe('Purposes × the outcomes that depend on the decision date', () => {
  const district3 = after(
    registered,
    award({ level: 'DISTRICT', score: 60, decisionNo: 'H-1', decidedOn: '2022-03-10' }),
  );
  const province4 = after(registered, award({ score: 80, decisionNo: 'T-1', decidedOn: '2023-06-15' }));
  it('should propose an UPGRADE of a district 3★ scoring 75 to the province, before 2025-07-01', () => {
    spec
      .given(district3)
      .when(award({ level: 'DISTRICT', score: 75, decidedOn: '2023-05-02' }))
      .thenMatches([{ data: { purpose: 'UPGRADE', outcome: 'PROPOSED', certificateId: null } }]);
  });
  it('should return a RENEWAL scoring 65 at the province to the district, before 2025-07-01', () => {
    spec
      .given(district3)
      .when(award({ score: 65, decidedOn: '2025-02-20' }))
      .then([
        expect.objectContaining({
          data: expect.objectContaining({ purpose: 'RENEWAL', outcome: 'RETURNED', certificateId: null }),
        }),
      ]);
  });
  it('should renew a 4★ at 4★ and propose it to the centre when the province scores 92, from 2025-07-01', () => {
    spec
      .given(province4)
      .when(award({ score: 92, decidedOn: '2026-05-15' }))
      .thenMatches([
        { data: { purpose: 'RENEWAL', outcome: 'RECOGNISED', proposedToHigherLevel: true } },
        { data: { stars: 4, supersedes: 'mien-dong.C1' } },
        { type: 'CertificateSuperseded' },
      ]);
  });
  it('should leave a 5★ to expire when the centre does not renew it, from 2025-07-01', () => {
    const national5 = after(
      registered,
      award({ level: 'NATIONAL', score: 93, decisionNo: 'TW-1', decidedOn: '2023-06-15' }),
    );
    spec
      .given(national5)
      .when(award({ level: 'NATIONAL', score: 85, decisionNo: 'TW-2', decidedOn: '2026-05-15' }))
      .then([
        expect.objectContaining({
          data: expect.objectContaining({ purpose: 'RENEWAL', outcome: 'NOT_RECOGNISED', certificateId: null }),
        }),
      ]);
  });
  it('should let the province renew a 5★ at 4★ (fewer stars, a renewal)', () => {
    const national5 = after(
      registered,
      award({ level: 'NATIONAL', score: 93, decisionNo: 'TW-1', decidedOn: '2023-06-15' }),
    );
    spec
      .given(national5)
      .when(award({ score: 85, decidedOn: '2026-05-15' }))
      .thenMatches([{ data: { purpose: 'RENEWAL' } }, { data: { stars: 4, supersedes: 'mien-dong.C1' } }, {}]);
  });
});

describe('Given purposes that do not fit what the product holds', () => {
  it('should refuse a RENEWAL of a product that holds no certificate', () => {
    spec
      .given(registered)
      .when(award({ purpose: 'RENEWAL' }))
      .thenThrows(ValidationError, /holds no certificate/);
  });
  it('should treat a product whose certificate was revoked as holding none (FIRST)', () => {
    const revoked = after(
      registered,
      award({ score: 80, decisionNo: 'QĐ-1', decidedOn: '2023-06-15' }),
      revoke({ reason: 'QUALITY_NOT_MAINTAINED', decidedOn: '2024-01-10' }),
    );
    spec
      .given(revoked)
      .when(award({ score: 60, decidedOn: '2024-10-15' }))
      .thenMatches([{ data: { purpose: 'FIRST', outcome: 'RETURNED' } }]);
  });
});

describe('Revoking a certificate that expired without renewal', () => {
  const expired = after(registered, award({ score: 80, decisionNo: 'QĐ-1', decidedOn: '2023-06-15' }));
  it('should record the revocation as EXPIRED_NOT_RENEWED, by the province that decides it', () => {
    spec
      .given(expired)
      .when(revoke({}))
      .then([
        {
          type: 'CertificateRevoked',
          data: {
            productId: 'mien-dong',
            certificateId: 'mien-dong.C1',
            reason: 'EXPIRED_NOT_RENEWED',
            details: 'Hết hiệu lực, không đánh giá lại',
            decisionNo: 'TH-1',
            decidedOn: '2026-09-01',
            decidedBy: { level: 'PROVINCE', unitCode: '19' },
          },
        },
      ]);
  });
  it('should refuse any other reason for an expired certificate', () => {
    spec
      .given(expired)
      .when(revoke({ reason: 'PRODUCTION_STOPPED' }))
      .thenThrows(IllegalStateError, /EXPIRED on 2026-09-01.*as EXPIRED_NOT_RENEWED/);
  });
  it('should refuse EXPIRED_NOT_RENEWED for a certificate still valid', () => {
    spec
      .given(expired)
      .when(revoke({ decidedOn: '2026-06-15' }))
      .thenThrows(IllegalStateError, /VALID on 2026-06-15, only an EXPIRED one/);
  });
  it('should refuse it for a certificate a renewal replaced', () => {
    const renewed = after(expired, award({ score: 66, decisionNo: 'QĐ-2', decidedOn: '2026-05-20' }));
    spec
      .given(renewed)
      .when(revoke({}))
      .thenThrows(IllegalStateError, /SUPERSEDED/);
  });
  it('should refuse a second revocation', () => {
    spec
      .given(after(expired, revoke({})))
      .when(revoke({ decisionNo: 'TH-2' }))
      .thenThrows(IllegalStateError, /REVOKED/);
  });
});

describe('Who decided: the authority of the decision date, kept on the events', () => {
  it.each([
    ['DISTRICT', 60, '2024-10-15', { level: 'DISTRICT', unitCode: '066' }],
    ['PROVINCE', 80, '2024-10-15', { level: 'PROVINCE', unitCode: '06' }],
    ['PROVINCE', 80, '2025-07-01', { level: 'PROVINCE', unitCode: '19' }],
    ['NATIONAL', 92, '2025-07-01', { level: 'NATIONAL', unitCode: null }],
  ] as const)('should name %s on %s', (level, score, decidedOn, authority) => {
    spec
      .given(registered)
      .when(award({ level, score, decidedOn }))
      .thenMatches([{ data: { decidedBy: authority } }, { data: { issuedBy: authority } }]);
  });
});
