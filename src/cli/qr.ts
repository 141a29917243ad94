import { writeFile } from 'node:fs/promises';
import { Command, InvalidArgumentError } from 'commander';
import { loadConfig } from '../config';
import { productStreamId } from '../domain/product/events';
import type { EventStore } from '../eventStore/eventStore';
import { openStore } from '../openStore';
import { CERTIFICATE_ID, productIdOf } from '../web/certificate/facts';
import { certificatePageUrl, qrPng, qrSvg } from '../web/qr';
import { type CliIo, UsageError } from './io';

export interface QrOptions {
  readonly out?: string;
}

function certificateIdArgument(text: string): string {
  if (!CERTIFICATE_ID.test(text)) throw new InvalidArgumentError('A certificate number looks like "mien-dong.C1".');
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

/**
 * The QR code of a certificate's public page, for a decision's annex or a product label: SVG (or PNG
 * when --out ends in .png) to a file, or SVG on stdout.
 */
export async function qr(certificateId: string, options: QrOptions, io: CliIo): Promise<void> {
  const config = loadConfig(io.env);
  const store = await openStore(io.env);
  try {
    if (!(await wasIssued(store, certificateId)))
      throw new UsageError(`Certificate ${certificateId} was never issued in this registry`);
  } finally {
    await store.close();
  }
  if (!config.publicBaseUrl)
    io.stderr.write('OCOP_PUBLIC_BASE_URL is not set: the code points at this machine, which phones cannot reach\n');
  const url = certificatePageUrl(config.publicBaseUrl ?? `http://localhost:${config.port}`, certificateId);
  if (!options.out) return void io.stdout.write(await qrSvg(url));
  await writeFile(options.out, options.out.toLowerCase().endsWith('.png') ? await qrPng(url) : await qrSvg(url));
  io.stderr.write(`${options.out}: ${url}\n`);
}

export const qrCommand = (io: CliIo): Command =>
  new Command('qr')
    .description("The QR code of a certificate's public page (OCOP_PUBLIC_BASE_URL/c/<certificateId>).")
    .argument('<certificateId>', 'the certificate number, e.g. mien-dong.C1', certificateIdArgument)
    .option('--out <file>', 'write it to this file: PNG when it ends in .png, SVG otherwise (default: SVG on stdout)')
    .action((certificateId: string, options: QrOptions) => qr(certificateId, options, io));
