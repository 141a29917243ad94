import { NotFoundError, ValidationError } from '../../../src/core/errors';
import type { AdoptPlan } from '../../../src/domain/plan/commands';
import { planDecider } from '../../../src/domain/plan/decide';
import type { SubjectCommand } from '../../../src/domain/subject/commands';
import { subjectDecider } from '../../../src/domain/subject/decide';
import { deciderSpec } from '../../support/deciderSpec';
import { TODAY, subjectRegistered } from '../../support/fixtures';

const subjects = deciderSpec(subjectDecider);
const register = (overrides: Partial<Extract<SubjectCommand, { type: 'RegisterSubject' }>>): SubjectCommand => ({
  type: 'RegisterSubject',
  subjectId: 'htx-xa-na-ri',
  name: 'HTX Nông sản Na Rì',
  kind: 'COOPERATIVE',
  registeredOn: '2026-11-01',
  today: TODAY,
  ...overrides,
});
const recordCommune = (communeCode: string, on: string): SubjectCommand => ({
  type: 'RecordSubjectCommune',
  subjectId: 'htx-na-ri',
  communeCode,
  on,
  today: TODAY,
});

describe('Subject registration by date', () => {
  it('should register in a commune of today from 2025-07-01, with no district', () => {
    subjects
      .given([])
      .when(register({ communeCode: '02155' }))
      .then([
        {
          type: 'SubjectRegistered',
          data: {
            subjectId: 'htx-xa-na-ri',
            name: 'HTX Nông sản Na Rì',
            kind: 'COOPERATIVE',
            districtCode: null,
            communeCode: '02155',
            registeredOn: '2026-11-01',
          },
        },
      ]);
  });
  it('should refuse a district from 2025-07-01, saying to give the commune', () => {
    subjects
      .given([])
      .when(register({ districtCode: '066', communeCode: null }))
      .thenThrows(ValidationError, /give the commune or ward \(communeCode\)/);
  });
  it('should refuse a registration from 2025-07-01 with no commune', () => {
    subjects
      .given([])
      .when(register({}))
      .thenThrows(ValidationError, /communeCode/);
  });
  it('should refuse an old commune code from 2025-07-01, naming the commune it became', () => {
    subjects
      .given([])
      .when(register({ communeCode: '02173' }))
      .thenThrows(ValidationError, /02173 names no commune or ward on 2026-11-01.*02185 Xã Côn Minh/);
  });
  it('should refuse an unknown commune code', () => {
    subjects
      .given([])
      .when(register({ communeCode: '99999' }))
      .thenThrows(ValidationError, /99999 names no commune/);
  });
  it('should register before 2025-07-01 in a district with one of its old communes', () => {
    subjects
      .given([])
      .when(register({ districtCode: '066', communeCode: '02173', registeredOn: '2024-03-01' }))
      .thenMatches([{ data: { districtCode: '066', communeCode: '02173', registeredOn: '2024-03-01' } }]);
  });
  it('should refuse, before 2025-07-01, an old commune of another district', () => {
    subjects
      .given([])
      .when(register({ districtCode: '064', communeCode: '02173', registeredOn: '2024-03-01' }))
      .thenThrows(ValidationError, /is in district 066, not 064/);
  });
  it('should refuse, before 2025-07-01, a commune code of today that was not a commune then', () => {
    subjects
      .given([])
      .when(register({ districtCode: '066', communeCode: '01843', registeredOn: '2024-03-01' }))
      .thenThrows(ValidationError, /is in district 058, not 066/);
  });
});

describe('recordSubjectCommune', () => {
  it('should attach a commune of today from a date after 2025-07-01', () => {
    subjects
      .given([subjectRegistered()])
      .when(recordCommune('02185', '2026-01-10'))
      .then([
        { type: 'SubjectCommuneRecorded', data: { subjectId: 'htx-na-ri', communeCode: '02185', on: '2026-01-10' } },
      ]);
  });
  it('should read the code in the list of its date: 02185 before 2025-07-01 is Quang Phong of Na Rì', () => {
    subjects
      .given([subjectRegistered()])
      .when(recordCommune('02185', '2024-05-01'))
      .thenMatches([{ data: { communeCode: '02185', on: '2024-05-01' } }]);
  });
  it('should refuse an old commune outside the subject district, and a date before the registration', () => {
    subjects
      .given([subjectRegistered()])
      .when(recordCommune('02020', '2024-05-01'))
      .thenThrows(ValidationError, /is in district 064, not 066/);
    subjects
      .given([subjectRegistered()])
      .when(recordCommune('02173', '2024-01-01'))
      .thenThrows(ValidationError, /before the registration/);
  });
  it('should refuse a subject that does not exist', () => {
    subjects.given([]).when(recordCommune('02185', '2026-01-10')).thenThrows(NotFoundError);
  });
});

const plans = deciderSpec(planDecider);
const target = (unit: Record<string, string>) => ({
  ...unit,
  newProducts3Star: 2,
  consolidatedSubjects: 0,
  newSubjects: 1,
  traceabilityProducts: 1,
  linkageSubjects: 1,
  advancedQmProducts: 0,
});
const adopt = (overrides: Partial<AdoptPlan>): AdoptPlan => ({
  type: 'AdoptPlan',
  reference: '12/KH-UBND',
  provinceCode: '19',
  year: 2026,
  adoptedOn: '2026-01-15',
  targets: [target({ unitCode: '02155' }), target({ unitCode: '02185' })],
  today: TODAY,
  ...overrides,
});

describe('Plans by any level', () => {
  it('should adopt a 2026 plan of Thái Nguyên by commune, recording its level', () => {
    plans
      .given([])
      .when(adopt({}))
      .thenMatches([
        { type: 'PlanAdopted', data: { level: 'COMMUNE', targets: [{ unitCode: '02155' }, { unitCode: '02185' }] } },
      ]);
  });
  it('should adopt a plan with one row for the province itself', () => {
    plans
      .given([])
      .when(adopt({ targets: [target({ unitCode: '19' })] }))
      .thenMatches([{ data: { level: 'PROVINCE' } }]);
  });
  it('should refuse a plan for Bắc Kạn in 2026, naming its successor', () => {
    plans
      .given([])
      .when(adopt({ provinceCode: '06', targets: [target({ districtCode: '066' })] }))
      .thenThrows(ValidationError, /Province 06 Bắc Kạn did not exist in 2026.*19 Thái Nguyên/);
  });
  it('should refuse a district after 2025-06-30, a commune of another province, and mixed levels', () => {
    plans
      .given([])
      .when(adopt({ targets: [target({ districtCode: '066' })] }))
      .thenThrows(ValidationError, /not in province 19/);
    plans
      .given([])
      .when(adopt({ targets: [target({ unitCode: '00004' })] }))
      .thenThrows(ValidationError, /not in province 19/);
    plans
      .given([])
      .when(adopt({ targets: [target({ unitCode: '19' }), target({ unitCode: '02155' })] }))
      .thenThrows(ValidationError, /one level/);
  });
  it('should plan another province the same way (Lạng Sơn, 20)', () => {
    plans
      .given([])
      .when(adopt({ provinceCode: '20', targets: [target({ unitCode: '20' })] }))
      .thenMatches([{ data: { provinceCode: '20', level: 'PROVINCE' } }]);
  });
});
