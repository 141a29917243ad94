import { IllegalStateError, ValidationError } from '../../../src/core/errors';
import type { RecordMediaCoverage } from '../../../src/domain/media/commands';
import { mediaDecider } from '../../../src/domain/media/decide';
import type { MediaEvent } from '../../../src/domain/media/events';
import { deciderSpec } from '../../support/deciderSpec';
import { TODAY } from '../../support/fixtures';

const media = (overrides: Partial<RecordMediaCoverage> = {}): RecordMediaCoverage => ({
  type: 'RecordMediaCoverage',
  itemId: 'm-1',
  provinceCode: '06',
  outlet: 'Báo Bắc Kạn',
  outletLevel: 'LOCAL',
  title: 'Miến dong Na Rì đạt 4 sao',
  publishedOn: '2024-05-10',
  url: 'https://baobackan.vn/ocop',
  today: TODAY,
  ...overrides,
});
const mediaRecorded: MediaEvent = {
  type: 'MediaCoverageRecorded',
  data: {
    itemId: 'm-1',
    provinceCode: '06',
    outlet: 'Báo Bắc Kạn',
    outletLevel: 'LOCAL',
    title: 'Miến dong Na Rì đạt 4 sao',
    publishedOn: '2024-05-10',
    url: 'https://baobackan.vn/ocop',
  },
};

describe('Media coverage', () => {
  const spec = deciderSpec(mediaDecider);
  it('should record an item in the province of its publication day', () => {
    spec.given([]).when(media()).then([mediaRecorded]);
  });
  it('should refuse Bắc Kạn after it merged, naming Thái Nguyên', () => {
    spec
      .given([])
      .when(media({ publishedOn: '2025-08-01' }))
      .thenThrows(ValidationError, /06 Bắc Kạn did not exist on 2025-08-01: .* 19 Thái Nguyên/);
  });
  it('should refuse a link that is not a web address', () => {
    spec
      .given([])
      .when(media({ url: 'javascript:alert(1)' }))
      .thenThrows(ValidationError, /url must be an http or https address/);
  });
  it('should refuse an item already recorded', () => {
    spec
      .given([mediaRecorded])
      .when(media())
      .thenThrows(IllegalStateError, /already recorded/);
  });
  it('should refuse a publication day in the future', () => {
    spec
      .given([])
      .when(media({ publishedOn: '2031-01-01' }))
      .thenThrows(ValidationError, /future/);
  });
});
