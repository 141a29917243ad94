import type { Rng } from '../support/rng';
import type { ProductGroup } from '../../src/domain/product/events';

/** Words OCOP products and producers are named with, so search and folding see realistic text. */
const PRODUCTS: Record<ProductGroup, readonly string[]> = {
  FOOD: ['Miến dong', 'Mật ong', 'Gạo nếp', 'Lạp sườn', 'Măng khô', 'Bánh gio', 'Thịt trâu gác bếp', 'Mứt gừng'],
  DRINKS: ['Rượu ngô', 'Trà shan tuyết', 'Rượu men lá', 'Nước mơ', 'Trà hoa vàng', 'Cà phê rang'],
  HERBAL: ['Cao khôi', 'Tinh dầu quế', 'Trà giảo cổ lam', 'Hà thủ ô', 'Dầu xoa bóp', 'Thuốc tắm'],
  HANDICRAFTS: ['Khăn thổ cẩm', 'Giỏ mây', 'Chổi chít', 'Túi vải chàm', 'Nón lá', 'Đũa tre'],
  ORNAMENTAL: ['Lan kim tuyến', 'Đào cảnh', 'Cây quất', 'Bonsai sơn tra'],
  TOURISM: ['Homestay bản', 'Du lịch hồ', 'Chợ phiên', 'Làng nghề'],
};

const PLACES = ['Na Rì', 'Ba Bể', 'Pác Nặm', 'Chợ Đồn', 'Ngân Sơn', 'Bạch Thông', 'Chợ Mới', 'Quảng Khê', 'Nam Mẫu'];
const QUALIFIERS = ['', ' đặc sản', ' truyền thống', ' hữu cơ', ' thượng hạng', ' sạch'];
const SUBJECT_PREFIX = {
  COOPERATIVE: 'HTX',
  COOPERATIVE_GROUP: 'Tổ hợp tác',
  ENTERPRISE: 'Công ty TNHH',
  HOUSEHOLD_BUSINESS: 'Hộ kinh doanh',
};
const PARTNERS = ['Siêu thị Co.opmart', 'Công ty CP Nông sản Việt', 'Bưu điện tỉnh', 'Sàn Postmart', 'HTX Thành Công'];
const TRACE_SYSTEMS = ['iCheck', 'Cổng truy xuất tỉnh', 'TE-FOOD', 'Check VN', 'VNPT Check'];

export function productName(rng: Rng, group: ProductGroup): string {
  return `${rng.pick(PRODUCTS[group])}${rng.pick(QUALIFIERS)} ${rng.pick(PLACES)}`;
}

export function subjectName(rng: Rng, kind: keyof typeof SUBJECT_PREFIX, serial: number): string {
  return `${SUBJECT_PREFIX[kind]} ${rng.pick(PLACES)} ${serial}`;
}

export const partnerName = (rng: Rng): string => `${rng.pick(PARTNERS)} ${rng.pick(PLACES)}`;

/** A traceability system, numbered so a product can enrol in several without repeating one. */
export const traceSystem = (rng: Rng, serial: number): string => `${rng.pick(TRACE_SYSTEMS)} #${serial}`;
