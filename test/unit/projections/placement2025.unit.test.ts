import type { DomainEvent } from '../../../src/core/decider';
import { applyEvent, createReadModels } from '../../../projections';
import { buildReport } from '../../../projections/report';
import { newSubjects } from '../../../projections/indicators/newSubjects';
import { productRegistered, subjectRegistered } from '../../support/fixtures';

/** A subject registered after 2025-07-01 in a commune of Thái Nguyên, with a product that year. */
const newSubjectIn = (subjectId: string, communeCode: string): DomainEvent[] => [
  subjectRegistered({ subjectId, districtCode: null, communeCode, registeredOn: '2025-09-01' }),
  productRegistered({ productId: `${subjectId}-p`, subjectId, districtCode: null, registeredOn: '2025-09-10' }),
];

/** Bắc Kạn's 2025 report by district (no plan adopted), asked at the end of 2025. */
function bacKan2025(events: readonly DomainEvent[]) {
  const models = createReadModels();
  for (const event of events) applyEvent(models, event);
  return buildReport(models, '2025-12-31', '06', 2025, [newSubjects]);
}

describe("Bắc Kạn's 2025 report by district, across the 2025 split", () => {
  it('should count a new subject of a commune formed from one district in that district', () => {
    const report = bacKan2025(newSubjectIn('htx-con-minh', '02185'));
    expect(report.districts.find((d) => d.unit.code === '066')?.newSubjects.actual).toBe(1);
    expect(report.unplaced).toBeNull();
  });
  it("should count one of a commune formed from several districts' communes in unplaced, saying why", () => {
    const report = bacKan2025(newSubjectIn('htx-01849', '01849'));
    expect(report.districts.every((d) => d.newSubjects.actual === 0)).toBe(true);
    expect(report.unplaced?.newSubjects.actual).toBe(1);
    expect(report.unplaced?.unit.name).toMatch(/^Bắc Kạn: not placed in a district \(01849 .* districts 058, 063\)$/);
    expect(report.total.newSubjects.actual).toBe(1);
  });
  it('should leave out a subject of a Thái Nguyên ward that was never part of Bắc Kạn (05443 Phường Phan Đình Phùng)', () => {
    const report = bacKan2025(newSubjectIn('htx-thai-nguyen', '05443'));
    expect(report.total.newSubjects.actual).toBe(0);
    expect(report.unplaced).toBeNull();
  });
  it('should keep the 2024 report as it was: nothing after it is placed through the mapping', () => {
    const models = createReadModels();
    for (const event of newSubjectIn('htx-con-minh', '02185')) applyEvent(models, event);
    const report = buildReport(models, '2025-12-31', '06', 2024, [newSubjects]);
    expect(report.total.newSubjects.actual).toBe(0);
    expect(report.unplaced).toBeNull();
  });
});
