import QRCode from 'qrcode';

/**
 * The absolute address printed on labels and decisions: the public base URL (which may carry a path
 * prefix behind a proxy) and the certificate page. Ids are validated before they get here.
 */
export const certificatePageUrl = (publicBaseUrl: string, certificateId: string): string =>
  `${publicBaseUrl.replace(/\/+$/, '')}/c/${encodeURIComponent(certificateId)}`;

/** Error correction M (15%) survives a scuffed label while keeping the code small. */
const OPTIONS = { errorCorrectionLevel: 'M', margin: 4 } as const;

export const qrSvg = (text: string): Promise<string> => QRCode.toString(text, { ...OPTIONS, type: 'svg' });

export const qrPng = (text: string): Promise<Buffer> => QRCode.toBuffer(text, { ...OPTIONS, type: 'png', scale: 8 });
