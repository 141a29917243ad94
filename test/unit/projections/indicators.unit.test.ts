import type { DomainEvent } from '../../../src/core/decider';
import { applyEvent, createReadModels } from '../../../projections';
import { advancedQmProducts } from '../../../projections/indicators/advancedQmProducts';
import { consolidatedSubjects } from '../../../projections/indicators/consolidatedSubjects';
import { linkageSubjects } from '../../../projections/indicators/linkageSubjects';
import { newProducts3Star } from '../../../projections/indicators/newProducts3Star';
import { newSubjects } from '../../../projections/indicators/newSubjects';
import { traceabilityProducts } from '../../../projections/indicators/traceabilityProducts';
import { type Indicator, yearScope } from '../../../projections/indicators/yearScope';
import { qualityManagement } from '../../../projections/qualityManagement.projection';
import { productRegistered, subjectRegistered } from '../../support/fixtures';

const certificateIssued = (issuedOn: string, expiresOn: string, certificateId = 'mien-dong.C1') =>
  ({
    type: 'CertificateIssued',
    data: {
      productId: 'mien-dong',
      certificateId,
      evaluationNo: 1,
      stars: 3,
      level: 'DISTRICT',
      decisionNo: `${certificateId}/QĐ-UBND`,
      issuedOn,
      expiresOn,
      supersedes: null,
    },
  }) as const;

const certificateRevoked = (decidedOn: string) =>
  ({
    type: 'CertificateRevoked',
    data: {
      productId: 'mien-dong',
      certificateId: 'mien-dong.C1',
      reason: 'FOOD_SAFETY_VIOLATION',
      details: 'Vi phạm an toàn thực phẩm',
      decisionNo: '99/QĐ-UBND',
      decidedOn,
    },
  }) as const;

const linkage = (startedOn: string, endedOn: string | null) =>
  ({
    type: 'LinkageRecorded',
    data: {
      subjectId: 'htx-na-ri',
      linkageId: 'L1',
      partnerName: 'Siêu thị Thái Nguyên',
      kind: 'CONSUMPTION',
      startedOn,
      endedOn,
      contractRef: null,
    },
  }) as const;

const support = (programme: 'CONSOLIDATION' | 'INTENSIVE' | 'OTHER', providedOn: string) =>
  ({
    type: 'SupportRecorded',
    data: { subjectId: 'htx-na-ri', supportId: `H-${programme}`, programme, providedOn, description: 'Hỗ trợ' },
  }) as const;

const qualityCertification = (issuedOn: string, validUntil: string | null) =>
  ({
    type: 'QualityCertificationRecorded',
    data: { productId: 'mien-dong', standard: 'VIETGAP', certificateNo: 'VG-1', issuedOn, validUntil },
  }) as const;

const traceability = (enabledOn: string) =>
  ({ type: 'TraceabilityRecorded', data: { productId: 'mien-dong', system: 'check.net.vn', enabledOn } }) as const;

/** Given these events, how many the indicator counts for `year`, asked on `askedDay`. */
function count(indicator: Indicator, events: readonly DomainEvent[], year: number, askedDay = '2026-11-29'): number {
  const models = createReadModels();
  for (const event of events) applyEvent(models, event);
  const scope = yearScope(models, year, askedDay);
  const items: readonly unknown[] =
    indicator.counts === 'products' ? [...models.products.values()] : [...models.subjects.values()];
  return items.filter((item) => indicator.matches(scope, item as never)).length;
}

const registered = [subjectRegistered(), productRegistered()];

describe('newProducts3Star', () => {
  it('should count a NEW product whose first certificate was decided in the year', () => {
    expect(count(newProducts3Star, [...registered, certificateIssued('2024-10-15', '2027-10-15')], 2024)).toBe(1);
  });

  it('should not count it once its first certificate is revoked', () => {
    const events = [...registered, certificateIssued('2024-10-15', '2027-10-15'), certificateRevoked('2024-12-01')];
    expect(count(newProducts3Star, events, 2024)).toBe(0);
  });

  it('should still count it in a year judged before the revocation was decided', () => {
    const events = [...registered, certificateIssued('2024-10-15', '2027-10-15'), certificateRevoked('2025-03-01')];
    expect(count(newProducts3Star, events, 2024)).toBe(1);
  });

  it('should not count an UPGRADE product', () => {
    const events = [subjectRegistered(), productRegistered({ registrationKind: 'UPGRADE' })];
    expect(count(newProducts3Star, [...events, certificateIssued('2024-10-15', '2027-10-15')], 2024)).toBe(0);
  });
});

describe('consolidatedSubjects', () => {
  const certifiedIn2023 = [...registered, certificateIssued('2023-05-01', '2026-05-01')];

  it('should count a subject certified before the year with CONSOLIDATION support in it', () => {
    expect(count(consolidatedSubjects, [...certifiedIn2023, support('CONSOLIDATION', '2024-06-01')], 2024)).toBe(1);
  });

  it('should not count support of another programme', () => {
    expect(count(consolidatedSubjects, [...certifiedIn2023, support('INTENSIVE', '2024-06-01')], 2024)).toBe(0);
  });

  it('should not count a subject first certified in the year itself', () => {
    const events = [
      ...registered,
      certificateIssued('2024-02-01', '2027-02-01'),
      support('CONSOLIDATION', '2024-06-01'),
    ];
    expect(count(consolidatedSubjects, events, 2024)).toBe(0);
  });
});

describe('newSubjects', () => {
  it('should count a subject registered in the year with a product registered in it', () => {
    expect(count(newSubjects, registered, 2024)).toBe(1);
  });

  it('should not count it when its only product was registered the next year', () => {
    expect(count(newSubjects, [subjectRegistered(), productRegistered({ registeredOn: '2025-01-10' })], 2024)).toBe(0);
  });
});

describe('traceabilityProducts', () => {
  it('should count a product whose certificate is valid on 31 December', () => {
    const events = [...registered, traceability('2024-04-01'), certificateIssued('2024-10-15', '2027-10-15')];
    expect(count(traceabilityProducts, events, 2024)).toBe(1);
  });

  it('should not count a certificate valid only in part of the year, expired before 31 December', () => {
    const events = [...registered, traceability('2021-04-01'), certificateIssued('2021-06-30', '2024-06-30')];
    expect(count(traceabilityProducts, events, 2024)).toBe(0);
  });

  it('should not count traceability enabled after the day the year is judged on', () => {
    const events = [...registered, traceability('2025-02-01'), certificateIssued('2024-10-15', '2027-10-15')];
    expect(count(traceabilityProducts, events, 2024)).toBe(0);
  });
});

describe('linkageSubjects', () => {
  const certified = [...registered, certificateIssued('2024-03-01', '2027-03-01')];

  it('should count a subject with a valid certificate and a linkage active in the year', () => {
    expect(count(linkageSubjects, [...certified, linkage('2023-01-01', '2024-02-01')], 2024)).toBe(1);
  });

  it('should not count a linkage that ended before the year', () => {
    expect(count(linkageSubjects, [...certified, linkage('2022-01-01', '2023-12-31')], 2024)).toBe(0);
  });
});

describe('advancedQmProducts', () => {
  const certified = [...registered, certificateIssued('2024-03-01', '2027-03-01')];

  it('should count a product with a quality certification valid in the year', () => {
    expect(count(advancedQmProducts, [...certified, qualityCertification('2022-05-01', '2024-01-31')], 2024)).toBe(1);
  });

  it('should not count a quality certification that lapsed before the year', () => {
    expect(count(advancedQmProducts, [...certified, qualityCertification('2021-05-01', '2023-12-31')], 2024)).toBe(0);
  });
});

describe('a past year report', () => {
  it('should keep counting a certificate valid all through the year after it expires', () => {
    const models = createReadModels();
    const events = [
      ...registered,
      certificateIssued('2023-01-10', '2026-01-10'),
      qualityCertification('2023-02-01', null),
    ];
    for (const event of events) applyEvent(models, event);
    const asked = (day: string) => qualityManagement({ models, day }, '06', 2024);
    expect(asked('2025-01-05').total.advancedQmProducts.actual).toBe(1);
    expect(asked('2026-11-29').total.advancedQmProducts.actual).toBe(1);
    expect(asked('2026-11-29').statusDay).toBe('2024-12-31');
  });
});
