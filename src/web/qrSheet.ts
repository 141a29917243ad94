import { escapeHtml } from './http';
import { certificatePageUrl, qrSvg } from './qr';

export interface SheetEntry {
  readonly certificateId: string;
  readonly productName: string;
  readonly stars: number;
}

const CELL = 60; // mm: a code of 45 mm and two lines of text under it
const CODE = 45;
const COLUMNS = 3;

/**
 * One A4-wide SVG sheet (three codes a row) for the annex of a decision: each certificate's QR code
 * with its number, product and stars under it, to print and cut out.
 */
export async function qrSheet(publicBaseUrl: string, decisionNo: string, entries: readonly SheetEntry[]) {
  const rows = Math.ceil(entries.length / COLUMNS);
  const width = COLUMNS * CELL + 30;
  const height = rows * (CELL + 10) + 30;
  const cells = await Promise.all(
    entries.map(async (entry, i) => {
      const x = 15 + (i % COLUMNS) * CELL;
      const y = 25 + Math.floor(i / COLUMNS) * (CELL + 10);
      const code = (await qrSvg(certificatePageUrl(publicBaseUrl, entry.certificateId))).replace(
        '<svg ',
        `<svg x="${x + (CELL - CODE) / 2}" y="${y}" width="${CODE}" height="${CODE}" `,
      );
      const middle = x + CELL / 2;
      return [
        code,
        `<text x="${middle}" y="${y + CODE + 5}" font-size="4" font-family="monospace">${escapeHtml(entry.certificateId)}</text>`,
        `<text x="${middle}" y="${y + CODE + 10}" font-size="3.5">${escapeHtml(entry.productName)} ${'★'.repeat(entry.stars)}</text>`,
      ].join('\n');
    }),
  );
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}mm" height="${height}mm" viewBox="0 0 ${width} ${height}" font-family="sans-serif" text-anchor="middle">`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text x="${width / 2}" y="14" font-size="5">OCOP: ${escapeHtml(decisionNo)}</text>`,
    ...cells,
    '</svg>',
    '',
  ].join('\n');
}
