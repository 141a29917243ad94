import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';

/**
 * What someone who may write to the snapshot folder can do: rewrite text inside the newest snapshot,
 * then its SHA-256 and length in the header, keeping the signature line (`signed`) or writing it in the
 * unsigned format of version 1.
 */
export function forgeSnapshot(file: string, from: string, to: string, format: 'signed' | 'unsigned'): void {
  const bytes = readFileSync(file);
  const magicEnd = bytes.indexOf(0x0a);
  const headerEnd = bytes.indexOf(0x0a, magicEnd + 1);
  const signatureEnd = bytes.indexOf(0x0a, headerEnd + 1);
  const text = bytes.subarray(signatureEnd + 1).toString('utf8');
  if (!text.includes(from)) throw new Error(`the snapshot holds no ${from}`);
  const payload = Buffer.from(text.replaceAll(from, to), 'utf8');
  const header = JSON.parse(bytes.subarray(magicEnd + 1, headerEnd).toString('utf8')) as Record<string, unknown>;
  header['checksum'] = createHash('sha256').update(payload).digest('hex');
  header['bytes'] = payload.length;
  const lines =
    format === 'signed'
      ? [
          bytes.subarray(0, magicEnd).toString('latin1'),
          JSON.stringify(header),
          bytes.subarray(headerEnd + 1, signatureEnd),
        ]
      : ['OCOP read models snapshot 1', JSON.stringify(header)];
  writeFileSync(file, Buffer.concat([Buffer.from(`${lines.join('\n')}\n`), payload]));
}
