import { hkdfSync } from 'node:crypto';

/**
 * The key snapshots are signed with (HMAC-SHA256), derived from a secret of the service with HKDF and
 * a label of its own, so the secret itself (the token secret, usually) never keys anything but tokens,
 * and a snapshot's signature tells nothing about it. Changing the secret changes the key: every
 * snapshot is then refused once, and the next start replays the whole log.
 */
export function snapshotKey(secret: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, '', 'ocop read-model snapshot signature 1', 32));
}
