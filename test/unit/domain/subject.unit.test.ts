import { IllegalStateError, NotFoundError, ValidationError } from '../../../src/core/errors';
import type { SubjectCommand } from '../../../src/domain/subject/commands';
import { subjectDecider } from '../../../src/domain/subject/decide';
import { deciderSpec } from '../../support/deciderSpec';
import { TODAY, subjectRegistered } from '../../support/fixtures';

const spec = deciderSpec(subjectDecider);
const register = (overrides: Partial<Extract<SubjectCommand, { type: 'RegisterSubject' }>> = {}): SubjectCommand => ({
  type: 'RegisterSubject',
  subjectId: 'htx-na-ri',
  name: '  HTX Miến dong Na Rì ',
  kind: 'COOPERATIVE',
  districtCode: '066',
  registeredOn: '2024-03-01',
  today: TODAY,
  ...overrides,
});
const linkage = (overrides: Partial<Extract<SubjectCommand, { type: 'RecordLinkage' }>> = {}): SubjectCommand => ({
  type: 'RecordLinkage',
  subjectId: 'htx-na-ri',
  linkageId: 'l-1',
  partnerName: 'Siêu thị Bắc Kạn',
  kind: 'CONSUMPTION',
  startedOn: '2024-04-01',
  endedOn: null,
  today: TODAY,
  ...overrides,
});
const support = (overrides: Partial<Extract<SubjectCommand, { type: 'RecordSupport' }>> = {}): SubjectCommand => ({
  type: 'RecordSupport',
  subjectId: 'htx-na-ri',
  supportId: 's-1',
  programme: 'CONSOLIDATION',
  providedOn: '2024-05-01',
  description: 'Packaging redesign',
  today: TODAY,
  ...overrides,
});

describe('Subject', () => {
  describe('when unregistered', () => {
    it('should register with a trimmed name in a district of Plan 180', () => {
      spec.given([]).when(register()).then([subjectRegistered()]);
    });
    it('should refuse an unknown district', () => {
      spec
        .given([])
        .when(register({ districtCode: '999' }))
        .thenThrows(ValidationError, /Unknown district/);
    });
    it('should refuse a district after it was abolished on 2025-07-01', () => {
      spec
        .given([])
        .when(register({ registeredOn: '2025-07-01' }))
        .thenThrows(ValidationError, /abolished/);
    });
    it('should refuse an empty name', () => {
      spec
        .given([])
        .when(register({ name: '   ' }))
        .thenThrows(ValidationError, /name must not be empty/);
    });
    it('should refuse a date that does not parse or lies in the future', () => {
      spec
        .given([])
        .when(register({ registeredOn: '2024-02-30' }))
        .thenThrows(ValidationError, /YYYY-MM-DD/);
      spec
        .given([])
        .when(register({ registeredOn: '2031-01-01' }))
        .thenThrows(ValidationError, /future/);
    });
    it('should refuse an unknown kind', () => {
      spec
        .given([])
        .when(register({ kind: 'PARTNERSHIP' as never }))
        .thenThrows(ValidationError, /kind/);
    });
    it('should refuse linkages and support for a subject that does not exist', () => {
      spec.given([]).when(linkage()).thenThrows(NotFoundError);
      spec.given([]).when(support()).thenThrows(NotFoundError);
    });
  });

  describe('when registered', () => {
    const given = spec.given([subjectRegistered()]);
    it('should refuse a second registration', () => {
      given.when(register()).thenThrows(IllegalStateError, /already registered/);
    });
    it('should record a linkage', () => {
      given.when(linkage({ contractRef: ' HĐ-12 ' })).then([
        {
          type: 'LinkageRecorded',
          data: {
            subjectId: 'htx-na-ri',
            linkageId: 'l-1',
            partnerName: 'Siêu thị Bắc Kạn',
            kind: 'CONSUMPTION',
            startedOn: '2024-04-01',
            endedOn: null,
            contractRef: 'HĐ-12',
          },
        },
      ]);
    });
    it('should refuse a linkage that ends before it starts', () => {
      given.when(linkage({ endedOn: '2024-03-01' })).thenThrows(ValidationError, /endedOn/);
    });
    it('should record support', () => {
      given.when(support()).thenMatches([{ type: 'SupportRecorded', data: { programme: 'CONSOLIDATION' } }]);
    });
    it('should refuse recording the same linkage or support twice', () => {
      const withBoth = spec.given([
        subjectRegistered(),
        ...subjectDecider.decide(linkage(), subjectDecider.evolve(subjectDecider.initialState(), subjectRegistered())),
      ]);
      withBoth.when(linkage()).thenThrows(IllegalStateError);
      const withSupport = spec.given([
        subjectRegistered(),
        ...subjectDecider.decide(support(), subjectDecider.evolve(subjectDecider.initialState(), subjectRegistered())),
      ]);
      withSupport.when(support()).thenThrows(IllegalStateError);
    });
  });
});
