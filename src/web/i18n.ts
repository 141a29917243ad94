import type { RevocationReason } from '../domain/product/events';
import type { CertificateStatus } from '../domain/rules/certificateValidity';

export type Lang = 'vi' | 'en';

/** Vietnamese unless the request asks for `?lang=en`; anything else is ignored, never echoed. */
export const langOf = (url: URL): Lang => (url.searchParams.get('lang') === 'en' ? 'en' : 'vi');

const VI = {
  certificateTitle: 'Giấy chứng nhận OCOP',
  product: 'Sản phẩm',
  subject: 'Chủ thể',
  place: 'Địa bàn',
  stars: 'Hạng sao',
  level: 'Cấp đánh giá',
  decision: 'Quyết định công nhận',
  issuedBy: 'Cơ quan ban hành',
  lastValidDay: 'Hiệu lực đến hết ngày',
  statusToday: 'Tình trạng hôm nay',
  revokedBy: 'Thu hồi theo quyết định',
  reason: 'Lý do',
  replacedBy: 'Đã được thay thế bởi giấy chứng nhận',
  current: 'Giấy chứng nhận hiện hành',
  figuresOn: 'Số liệu tính đến ngày',
  dated: 'ngày',
  scan: 'Mã QR của trang này',
  notFoundTitle: 'Không tìm thấy giấy chứng nhận',
  notFound: 'Không có giấy chứng nhận OCOP nào mang số này. Hãy kiểm tra lại số trên nhãn sản phẩm.',
  badId: 'Số giấy chứng nhận không hợp lệ.',
  otherLang: 'English',
  source: 'Dữ liệu từ sổ đăng ký OCOP',
  progressTitle: 'Tiến độ thực hiện kế hoạch OCOP',
  annex1: 'Phụ lục 1: Phát triển sản phẩm và chủ thể',
  annex2: 'Phụ lục 2: Nâng cao chất lượng sản phẩm',
  unit: 'Đơn vị',
  actualOfTarget: 'Thực hiện / Kế hoạch',
  total: 'Toàn tỉnh',
  unplaced: 'Chưa xác định được đơn vị',
  behind: 'Chậm tiến độ',
  onTrack: 'Đúng tiến độ',
  noTarget: 'Không giao chỉ tiêu',
  expectedByNow: 'cần đạt',
  asOf: 'Xem số liệu đến ngày',
  show: 'Xem',
  today: 'Hôm nay',
  live: 'Cập nhật trực tiếp',
  pastView: 'Số liệu lịch sử, không cập nhật trực tiếp',
  downloadCsv: 'Tải bảng (CSV)',
  plan: 'Kế hoạch',
  noPlan: 'Chưa có kế hoạch được ban hành cho năm này',
  badProgress: 'Không có tỉnh hoặc năm này.',
  busyProgress: 'Hệ thống đang bận tính số liệu của những ngày đã qua. Vui lòng thử lại sau ít phút.',
  tryAgain: 'Thử lại',
  todayFigures: 'Xem số liệu hôm nay',
  otherTargets: 'Các chỉ tiêu khác của kế hoạch',
  downloadSupportCsv: 'Tải kinh phí hỗ trợ theo nguồn (CSV)',
};

const EN: typeof VI = {
  certificateTitle: 'OCOP certificate',
  product: 'Product',
  subject: 'Producer',
  place: 'Location',
  stars: 'Stars',
  level: 'Recognised at',
  decision: 'Recognition decision',
  issuedBy: 'Issued by',
  lastValidDay: 'Valid until the end of',
  statusToday: 'Status today',
  revokedBy: 'Revoked by decision',
  reason: 'Reason',
  replacedBy: 'Replaced by certificate',
  current: 'Current certificate',
  figuresOn: 'Figures as of',
  dated: 'of',
  scan: 'QR code of this page',
  notFoundTitle: 'Certificate not found',
  notFound: 'No OCOP certificate has this number. Check the number on the product label.',
  badId: 'This is not a valid certificate number.',
  otherLang: 'Tiếng Việt',
  source: 'Data from the OCOP registry',
  progressTitle: 'OCOP plan progress',
  annex1: 'Annex 1: product and producer development',
  annex2: 'Annex 2: product quality',
  unit: 'Unit',
  actualOfTarget: 'Actual / target',
  total: 'Province total',
  unplaced: 'Not placed in a unit',
  behind: 'Behind plan',
  onTrack: 'On track',
  noTarget: 'No target set',
  expectedByNow: 'due by now',
  asOf: 'Show figures as of',
  show: 'Show',
  today: 'Today',
  live: 'Live updates',
  pastView: 'Past figures, not updated live',
  downloadCsv: 'Download the table (CSV)',
  plan: 'Plan',
  noPlan: 'No plan has been adopted for this year',
  badProgress: 'There is no such province or year.',
  busyProgress: 'The registry is busy working out figures for past days. Please try again in a moment.',
  tryAgain: 'Try again',
  todayFigures: "See today's figures",
  otherTargets: "The plan's other targets",
  downloadSupportCsv: 'Download support spending by source (CSV)',
};

export const TEXT: Record<Lang, typeof VI> = { vi: VI, en: EN };

export const STATUS_TEXT: Record<Lang, Record<CertificateStatus, string>> = {
  vi: { VALID: 'CÒN HIỆU LỰC', EXPIRED: 'HẾT HIỆU LỰC', REVOKED: 'ĐÃ BỊ THU HỒI', SUPERSEDED: 'ĐÃ ĐƯỢC THAY THẾ' },
  en: { VALID: 'VALID', EXPIRED: 'EXPIRED', REVOKED: 'REVOKED', SUPERSEDED: 'SUPERSEDED' },
};

export const LEVEL_TEXT: Record<Lang, Record<string, string>> = {
  vi: { DISTRICT: 'Cấp huyện', PROVINCE: 'Cấp tỉnh', NATIONAL: 'Cấp trung ương' },
  en: { DISTRICT: 'District', PROVINCE: 'Province', NATIONAL: 'National' },
};

export const REASON_TEXT: Record<Lang, Record<RevocationReason, string>> = {
  vi: {
    FOOD_SAFETY_VIOLATION: 'Vi phạm an toàn thực phẩm',
    PROCESS_NOT_FOLLOWED: 'Không tuân thủ quy trình',
    QUALITY_NOT_MAINTAINED: 'Không duy trì chất lượng',
    NO_TRACEABILITY_RECORDS: 'Không có hồ sơ truy xuất nguồn gốc',
    PRODUCTION_STOPPED: 'Ngừng sản xuất',
    MARK_MISUSE: 'Sử dụng sai nhãn OCOP',
    EXPIRED_NOT_RENEWED: 'Hết hạn, không đánh giá lại',
    OTHER: 'Lý do khác',
  },
  en: {
    FOOD_SAFETY_VIOLATION: 'Food safety violation',
    PROCESS_NOT_FOLLOWED: 'Process not followed',
    QUALITY_NOT_MAINTAINED: 'Quality not maintained',
    NO_TRACEABILITY_RECORDS: 'No traceability records',
    PRODUCTION_STOPPED: 'Production stopped',
    MARK_MISUSE: 'Misuse of the OCOP mark',
    EXPIRED_NOT_RENEWED: 'Expired and not renewed',
    OTHER: 'Other reason',
  },
};

/** 2024-10-15 → 15/10/2024, as dates are written in Vietnam (and in Vietnamese decisions). */
export const formatDay = (day: string): string => day.split('-').reverse().join('/');

export const INDICATOR_TEXT: Record<Lang, Record<string, string>> = {
  vi: {
    newProducts3Star: 'Sản phẩm mới đạt 3 sao trở lên',
    consolidatedSubjects: 'Chủ thể được hỗ trợ củng cố',
    newSubjects: 'Chủ thể mới có sản phẩm',
    traceabilityProducts: 'Sản phẩm có truy xuất nguồn gốc',
    linkageSubjects: 'Chủ thể có liên kết sản xuất, tiêu thụ',
    advancedQmProducts: 'Sản phẩm áp dụng hệ thống quản lý chất lượng tiên tiến',
    mediaItems: 'Tin, bài, phóng sự về OCOP trong năm',
    provincialKeyProducts: 'Sản phẩm chủ lực cấp tỉnh',
    unitKeyProducts: 'Sản phẩm chủ lực cấp huyện, xã',
    salesPoints: 'Điểm giới thiệu và bán sản phẩm OCOP',
  },
  en: {
    newProducts3Star: 'New products rated 3 stars or more',
    consolidatedSubjects: 'Producers given consolidation support',
    newSubjects: 'New producers with a product',
    traceabilityProducts: 'Products with traceability',
    linkageSubjects: 'Producers with production or sales linkages',
    advancedQmProducts: 'Products under an advanced quality management system',
    mediaItems: 'News items and reports on OCOP in the year',
    provincialKeyProducts: 'Provincial key products',
    unitKeyProducts: 'District and commune key products',
    salesPoints: 'OCOP sales points open',
  },
};
