import { writeFile } from 'node:fs/promises';
import { Command, InvalidArgumentError } from 'commander';
import { loadConfig } from '../config/index';
import { productStreamId } from '../domain/product/events';
import type { EventStore } from '../eventStore/eventStore';
import { openStore } from './openStore';
import { CERTIFICATE_ID_PATTERN } from '../domain/rules/ids';
import { productIdOf } from '../web/certificate/facts';
import { certificatePageUrl, qrPng, qrSvg } from '../web/qr';
import { type SheetEntry, qrSheet } from '../web/qrSheet';
import { type CliIo, UsageError } from './io';

export interface QrOptions {
  readonly out?: string;
  readonly decision?: string;
}

function certificateIdArgument(text: string): string {
  if (!CERTIFICATE_ID_PATTERN.test(text))
    throw new InvalidArgumentError('A certificate number looks like "mien-dong.C1".');
  return text;
}

/** Whether the certificate was ever issued: a QR code for a mistyped number would send buyers to a 404. */
async function wasIssued(store: EventStore, certificateId: string): Promise<boolean> {
  for await (const event of store.readStream(productStreamId(productIdOf(certificateId)))) {
    if (
      event.type === 'CertificateIssued' &&
      (event.data as { certificateId?: string }).certificateId === certificateId
    )
      return true;
  }
  return false;
}

/** The certificates a decision issued, in the order it issued them, with their products' names. */
async function issuedBy(store: EventStore, decisionNo: string): Promise<SheetEntry[]> {
  const names = new Map<string, string>();
  const entries: (SheetEntry & { productId: string })[] = [];
  for await (const event of store.readAll()) {
    const data = event.data as {
      productId?: string;
      name?: string;
      certificateId?: string;
      decisionNo?: string;
      stars?: number;
    };
    if (event.type === 'ProductRegistered' && data.productId && data.name) names.set(data.productId, data.name);
    if (event.type === 'CertificateIssued' && data.decisionNo === decisionNo && data.certificateId)
      entries.push({
        certificateId: data.certificateId,
        productId: data.productId ?? '',
        productName: '',
        stars: data.stars ?? 0,
      });
  }
  return entries.map(({ productId, ...entry }) => ({ ...entry, productName: names.get(productId) ?? productId }));
}

/**
 * The QR code of a certificate's public page, for a label: SVG (or PNG when --out ends in .png) to a
 * file, or SVG on stdout. With --decision, one SVG sheet of every certificate that decision issued,
 * for its annex.
 */
export async function qr(certificateId: string | undefined, options: QrOptions, io: CliIo): Promise<void> {
  const config = loadConfig(io.env);
  if (!certificateId === !options.decision)
    throw new UsageError('Give a certificate number or --decision, one of them');
  const store = await openStore(io.env);
  let sheet: SheetEntry[] = [];
  try {
    if (options.decision) sheet = await issuedBy(store, options.decision);
    else if (!(await wasIssued(store, certificateId!)))
      throw new UsageError(`Certificate ${certificateId} was never issued in this registry`);
  } finally {
    await store.close();
  }
  if (options.decision && sheet.length === 0)
    throw new UsageError(`Decision ${options.decision} issued no certificate in this registry`);
  if (!config.publicBaseUrl)
    io.stderr.write('OCOP_PUBLIC_BASE_URL is not set: the code points at this machine, which phones cannot reach\n');
  const base = config.publicBaseUrl ?? `http://localhost:${config.port}`;
  const url = certificateId ? certificatePageUrl(base, certificateId) : `${sheet.length} certificates`;
  const png = !options.decision && options.out?.toLowerCase().endsWith('.png');
  const content = options.decision
    ? await qrSheet(base, options.decision, sheet)
    : png
      ? await qrPng(url)
      : await qrSvg(url);
  if (!options.out) return void io.stdout.write(content);
  await writeFile(options.out, content);
  io.stderr.write(`${options.out}: ${url}\n`);
}

export const qrCommand = (io: CliIo): Command =>
  new Command('qr')
    .description(
      "The QR code of a certificate's public page (OCOP_PUBLIC_BASE_URL/c/<certificateId>), or a sheet of a decision's.",
    )
    .argument('[certificateId]', 'the certificate number, e.g. mien-dong.C1', certificateIdArgument)
    .option(
      '--decision <decisionNo>',
      "a sheet (SVG) of every certificate this decision issued, for the decision's annex",
    )
    .option('--out <file>', 'write it to this file: PNG when it ends in .png, SVG otherwise (default: SVG on stdout)')
    .action((certificateId: string | undefined, options: QrOptions) => qr(certificateId, options, io));
