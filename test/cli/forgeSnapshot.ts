import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';

/** The fixed width of a snapshot's header line (projections/snapshotFile.ts). */
const HEADER_LINE_BYTES = 4096;
const SIGNATURE_LINE_BYTES = 65;

/**
 * What someone who may write to the snapshot folder can do: rewrite text inside the newest snapshot,
 * then its SHA-256 and length in the header, keeping the signature line (`signed`) or writing it in the
 * unsigned format of version 1.
 */
export function forgeSnapshot(file: string, from: string, to: string, format: 'signed' | 'unsigned'): void {
  const bytes = readFileSync(file);
  const magicEnd = bytes.indexOf(0x0a);
  const headerEnd = magicEnd + HEADER_LINE_BYTES;
  const signatureStart = bytes.length - SIGNATURE_LINE_BYTES;
  const text = bytes.subarray(headerEnd + 1, signatureStart).toString('utf8');
  if (!text.includes(from)) throw new Error(`the snapshot holds no ${from}`);
  const payload = Buffer.from(text.replaceAll(from, to), 'utf8');
  const header = JSON.parse(bytes.subarray(magicEnd + 1, headerEnd).toString('utf8')) as Record<string, unknown>;
  header['checksum'] = createHash('sha256').update(payload).digest('hex');
  header['bytes'] = payload.length;
  const parts =
    format === 'signed'
      ? [
          bytes.subarray(0, magicEnd + 1),
          Buffer.from(`${JSON.stringify(header).padEnd(HEADER_LINE_BYTES - 1, ' ')}\n`),
          payload,
          bytes.subarray(signatureStart),
        ]
      : [Buffer.from(`OCOP read models snapshot 1\n${JSON.stringify(header)}\n`), payload];
  writeFileSync(file, Buffer.concat(parts));
}
