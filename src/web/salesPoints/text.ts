import type { Lang } from '../i18n';

const VI = {
  title: 'Điểm giới thiệu và bán sản phẩm OCOP',
  openOn: 'Các điểm đang hoạt động ngày',
  none: 'Chưa có điểm nào được ghi nhận đang hoạt động.',
  address: 'Địa chỉ',
  place: 'Địa bàn',
  operator: 'Đơn vị vận hành',
  standard: 'Đạt chuẩn',
  openedOn: 'Hoạt động từ',
  next: 'Trang sau',
  notFoundTitle: 'Không có tỉnh này',
  notFound: 'Không có tỉnh, thành phố hoặc xã, phường này vào ngày đã chọn.',
  successor: 'Từ 01/07/2025 địa bàn này thuộc',
  inProvince: 'Điểm bán sản phẩm OCOP trong tỉnh',
};

const EN: typeof VI = {
  title: 'OCOP showrooms and sales points',
  openOn: 'Points open on',
  none: 'No open sales point has been recorded.',
  address: 'Address',
  place: 'Location',
  operator: 'Run by',
  standard: 'Standard met',
  openedOn: 'Open since',
  next: 'Next page',
  notFoundTitle: 'No such province',
  notFound: 'There is no such province or commune on the day asked.',
  successor: 'From 1 July 2025 this area is part of',
  inProvince: 'OCOP sales points in this province',
};

export const SALES_POINT_TEXT: Record<Lang, typeof VI> = { vi: VI, en: EN };
