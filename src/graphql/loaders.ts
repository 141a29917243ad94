import DataLoader from 'dataloader';
import { type AuditEntry, auditTrail } from '../application/auditTrail';
import type { Services } from '../application/services';
import type { Cut } from './cut';
import { CertificateType } from './types/certificate.type';

interface OfProduct {
  readonly cut: string;
  readonly productId: string;
}

/** Per-request batching and caching where one list fans out into many reads. */
export interface Loaders {
  /** Every stored event of a stream as an audit entry: each stream is read once per request. */
  readonly streamEntries: DataLoader<string, AuditEntry[]>;
  /** The certificates a product has held at a cut, oldest first. */
  readonly certificatesOfProduct: DataLoader<OfProduct, CertificateType[], string>;
}

export function createLoaders(services: Services, cuts: ReadonlyMap<string, Cut>): Loaders {
  return {
    streamEntries: new DataLoader((streamIds) =>
      Promise.all(streamIds.map((streamId) => auditTrail(services.store, streamId))),
    ),
    certificatesOfProduct: new DataLoader(
      async (keys) =>
        keys.map(({ cut, productId }) => {
          const { models } = cuts.get(cut)!.view;
          const ids = models.products.get(productId)?.certificateIds ?? [];
          return ids.flatMap((id) => {
            const certificate = models.certificates.get(id);
            return certificate ? [CertificateType.from(cut, certificate)] : [];
          });
        }),
      { cacheKeyFn: ({ cut, productId }) => `${cut} ${productId}` },
    ),
  };
}
