import { IllegalStateError, NotFoundError, ValidationError } from '../../../src/core/errors';
import type {
  AwardStars,
  ProductCommand,
  RevokeCertificate,
  SubjectSnapshot,
} from '../../../src/domain/product/commands';
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
const revoke = (overrides: Partial<RevokeCertificate> = {}): RevokeCertificate => ({
  type: 'RevokeCertificate',
  productId: 'mien-dong',
  certificateId: 'mien-dong.C1',
  reason: 'FOOD_SAFETY_VIOLATION',
  details: 'Failed inspection',
  decisionNo: '99/QĐ-UBND',
  decidedOn: '2025-02-01',
  today: TODAY,
  ...overrides,
});
/** The events a command produces on top of the given history: builds fixtures from the decider itself. */
const after = (history: ProductEvent[], command: ProductCommand): ProductEvent[] => [
  ...history,
  ...productDecider.decide(command, history.reduce(productDecider.evolve, productDecider.initialState())),
];
const certified = after([productRegistered()], award());

describe('Product', () => {
  describe('registration', () => {
    const register = (subject: SubjectSnapshot | null, registeredOn = '2024-03-15') =>
      ({
        type: 'RegisterProduct',
        productId: 'mien-dong',
        subjectId: 'htx-na-ri',
        subject,
        name: 'Miến dong Na Rì',
        group: 'FOOD',
        registrationKind: 'NEW',
        registeredOn,
        today: TODAY,
      }) as const;
    it("should register under the subject's district", () => {
      spec
        .given([])
        .when(register({ subjectId: 'htx-na-ri', districtCode: '066', communes: [], registeredOn: '2024-03-01' }))
        .then([productRegistered()]);
    });
    it("should record the subject's commune on the product's registration day, in that day's code list", () => {
      const subject = {
        subjectId: 'htx-na-ri',
        districtCode: '066',
        communes: [{ code: '02173', on: '2024-03-01' }],
        registeredOn: '2024-03-01',
      };
      spec
        .given([])
        .when(register(subject, '2026-02-01'))
        .then([productRegistered({ communeCode: '02185', registeredOn: '2026-02-01' })]);
    });
    it('should refuse a subject that does not exist', () => {
      spec
        .given([])
        .when(register(null))
        .thenThrows(NotFoundError, /Subject htx-na-ri/);
    });
    it('should refuse a registration dated before the subject existed', () => {
      spec
        .given([])
        .when(register({ subjectId: 'htx-na-ri', districtCode: '066', communes: [], registeredOn: '2024-04-01' }))
        .thenThrows(ValidationError, /before the subject registration/);
    });
    it('should refuse registering the same product twice', () => {
      spec
        .given([productRegistered()])
        .when(register({ subjectId: 'htx-na-ri', districtCode: '066', communes: [], registeredOn: '2024-03-01' }))
        .thenThrows(IllegalStateError);
    });
  });

  describe('awarding stars', () => {
    it('should issue a 3★ certificate valid 36 months for a district score of 62', () => {
      spec
        .given([productRegistered()])
        .when(award())
        .then([
          {
            type: 'ProductEvaluated',
            data: {
              productId: 'mien-dong',
              evaluationNo: 1,
              level: 'DISTRICT',
              score: 62,
              scoreStars: 3,
              stars: 3,
              outcome: 'RECOGNISED',
              proposedToHigherLevel: false,
              parts: null,
              decisionNo: '1234/QĐ-UBND',
              decidedOn: '2024-10-15',
              certificateId: 'mien-dong.C1',
              purpose: 'FIRST',
              decidedBy: { level: 'DISTRICT', unitCode: '066' },
            },
          },
          {
            type: 'CertificateIssued',
            data: {
              productId: 'mien-dong',
              certificateId: 'mien-dong.C1',
              evaluationNo: 1,
              stars: 3,
              level: 'DISTRICT',
              decisionNo: '1234/QĐ-UBND',
              issuedOn: '2024-10-15',
              expiresOn: '2027-10-15',
              supersedes: null,
              issuedBy: { level: 'DISTRICT', unitCode: '066' },
            },
          },
        ]);
    });
    it('should propose a district score of 78 to the province, with no district certificate', () => {
      spec
        .given([productRegistered()])
        .when(award({ score: 78 }))
        .thenMatches([
          {
            type: 'ProductEvaluated',
            data: { scoreStars: 4, stars: 3, outcome: 'PROPOSED', proposedToHigherLevel: true, certificateId: null },
          },
        ]);
    });
    it('should cap a province score of 93 at 4★ and propose it to the nation', () => {
      spec
        .given([productRegistered()])
        .when(award({ level: 'PROVINCE', score: 93 }))
        .thenMatches([{ data: { stars: 4, proposedToHigherLevel: true } }, { data: { stars: 4, level: 'PROVINCE' } }]);
    });
    it('should award 5★ at national level', () => {
      spec
        .given([productRegistered()])
        .when(award({ level: 'NATIONAL', score: 91 }))
        .thenMatches([{ data: { stars: 5, proposedToHigherLevel: false } }, { data: { stars: 5 } }]);
    });
    it('should record a result below 3★ without a certificate', () => {
      spec
        .given([productRegistered()])
        .when(award({ score: 45 }))
        .then([
          {
            type: 'ProductEvaluated',
            data: {
              productId: 'mien-dong',
              evaluationNo: 1,
              level: 'DISTRICT',
              score: 45,
              scoreStars: 2,
              stars: 2,
              outcome: 'NOT_RECOGNISED',
              proposedToHigherLevel: false,
              parts: null,
              decisionNo: '1234/QĐ-UBND',
              decidedOn: '2024-10-15',
              certificateId: null,
              purpose: 'FIRST',
              decidedBy: { level: 'DISTRICT', unitCode: '066' },
            },
          },
        ]);
    });
    it('should refuse a district decision from 2025-07-01, by decision date', () => {
      spec
        .given([productRegistered()])
        .when(award({ decidedOn: '2025-07-01' }))
        .thenThrows(ValidationError, /DISTRICT/);
      spec
        .given([productRegistered()])
        .when(award({ decidedOn: '2025-06-30' }))
        .thenMatches([{ data: { stars: 3 } }, { type: 'CertificateIssued' }]);
    });
    it('should let the province award 3★ from 2025-07-01', () => {
      spec
        .given([productRegistered()])
        .when(award({ level: 'PROVINCE', score: 55, decidedOn: '2025-08-01' }))
        .thenMatches([{ data: { stars: 3 } }, { type: 'CertificateIssued', data: { level: 'PROVINCE' } }]);
    });
    it('should supersede the certificate still valid on the decision date', () => {
      spec
        .given(certified)
        .when(award({ level: 'PROVINCE', score: 75, decisionNo: '77/QĐ-UBND', decidedOn: '2025-03-01' }))
        .thenMatches([
          { type: 'ProductEvaluated', data: { evaluationNo: 2, certificateId: 'mien-dong.C2' } },
          { type: 'CertificateIssued', data: { certificateId: 'mien-dong.C2', stars: 4, supersedes: 'mien-dong.C1' } },
          {
            type: 'CertificateSuperseded',
            data: { certificateId: 'mien-dong.C1', supersededBy: 'mien-dong.C2', supersededOn: '2025-03-01' },
          },
        ]);
    });
    it('should supersede a certificate that had already expired when a renewal after expiry recognises it', () => {
      const events = after(
        certified,
        award({ level: 'PROVINCE', score: 60, decisionNo: 'R-1', decidedOn: '2027-11-01' }),
      );
      expect(events.map((e) => e.type)).toEqual([
        'ProductRegistered',
        'ProductEvaluated',
        'CertificateIssued',
        'ProductEvaluated',
        'CertificateIssued',
        'CertificateSuperseded',
      ]);
    });
    it('should refuse a certificate decided before the newest one', () => {
      spec
        .given(certified)
        .when(award({ level: 'PROVINCE', score: 75, decisionNo: 'old', decidedOn: '2024-10-01' }))
        .thenThrows(IllegalStateError, /decided later/);
    });
    it('should refuse the same decision number twice for one product', () => {
      spec
        .given(certified)
        .when(award())
        .thenThrows(IllegalStateError, /already recorded/);
    });
    it('should refuse a score outside 0–100, a bad date, an unknown product', () => {
      spec
        .given([productRegistered()])
        .when(award({ score: 101 }))
        .thenThrows(ValidationError, /score/);
      spec
        .given([productRegistered()])
        .when(award({ score: Number.NaN }))
        .thenThrows(ValidationError, /score/);
      spec
        .given([productRegistered()])
        .when(award({ decidedOn: '15/10/2024' }))
        .thenThrows(ValidationError, /decidedOn/);
      spec
        .given([productRegistered()])
        .when(award({ decidedOn: '2024-01-01' }))
        .thenThrows(ValidationError, /before/);
      spec.given([]).when(award()).thenThrows(NotFoundError);
    });
  });

  describe('revoking a certificate', () => {
    it('should revoke a VALID certificate with reason, details, decision number and date', () => {
      spec
        .given(certified)
        .when(revoke())
        .then([
          {
            type: 'CertificateRevoked',
            data: {
              productId: 'mien-dong',
              certificateId: 'mien-dong.C1',
              reason: 'FOOD_SAFETY_VIOLATION',
              details: 'Failed inspection',
              decisionNo: '99/QĐ-UBND',
              decidedOn: '2025-02-01',
              decidedBy: { level: 'DISTRICT', unitCode: '066' },
            },
          },
        ]);
    });
    it('should refuse a second revocation', () => {
      spec
        .given(after(certified, revoke()))
        .when(revoke({ decisionNo: '100' }))
        .thenThrows(IllegalStateError, /REVOKED/);
    });
    it('should refuse revoking a superseded or an expired certificate', () => {
      const superseded = after(
        certified,
        award({ level: 'PROVINCE', score: 80, decisionNo: 'P', decidedOn: '2025-01-05' }),
      );
      spec
        .given(superseded)
        .when(revoke())
        .thenThrows(IllegalStateError, /SUPERSEDED/);
      spec
        .given(certified)
        .when(revoke({ decidedOn: '2027-10-16' }))
        .thenThrows(IllegalStateError, /EXPIRED/);
    });
    it('should refuse an unknown certificate, empty details, a decision before issue', () => {
      spec
        .given(certified)
        .when(revoke({ certificateId: 'mien-dong.C9' }))
        .thenThrows(NotFoundError);
      spec
        .given(certified)
        .when(revoke({ details: ' ' }))
        .thenThrows(ValidationError, /details/);
      spec
        .given(certified)
        .when(revoke({ decidedOn: '2024-10-01' }))
        .thenThrows(ValidationError, /before/);
      spec
        .given(certified)
        .when(revoke({ reason: 'DISLIKED' as never }))
        .thenThrows(ValidationError, /reason/);
    });
  });

  describe('traceability and quality certifications', () => {
    it('should record traceability once per system', () => {
      const cmd = {
        type: 'RecordTraceability',
        productId: 'mien-dong',
        system: 'check.vn',
        enabledOn: '2024-06-01',
        today: TODAY,
      } as const;
      spec
        .given([productRegistered()])
        .when(cmd)
        .then([
          {
            type: 'TraceabilityRecorded',
            data: { productId: 'mien-dong', system: 'check.vn', enabledOn: '2024-06-01' },
          },
        ]);
      spec
        .given(after([productRegistered()], cmd))
        .when(cmd)
        .thenThrows(IllegalStateError);
      spec.given([]).when(cmd).thenThrows(NotFoundError);
    });
    it('should record a quality certification and refuse one that ends before it starts', () => {
      const cmd = {
        type: 'RecordQualityCertification',
        productId: 'mien-dong',
        standard: 'VIETGAP',
        certificateNo: 'VG-001',
        issuedOn: '2024-05-01',
        validUntil: '2027-05-01',
        today: TODAY,
      } as const;
      spec
        .given([productRegistered()])
        .when(cmd)
        .thenMatches([{ type: 'QualityCertificationRecorded', data: { standard: 'VIETGAP' } }]);
      spec
        .given([productRegistered()])
        .when({ ...cmd, validUntil: '2024-01-01' })
        .thenThrows(ValidationError, /validUntil/);
      spec
        .given(after([productRegistered()], cmd))
        .when(cmd)
        .thenThrows(IllegalStateError, /already recorded/);
    });
  });
});
