import { type PlaceQuery, subjectsInPlace } from './placeIndex';
import type { View } from './views/models';
import { revokingLevel } from '#src/domain/rules/authority';
import { type CertificateStatus, certificateStatusOn, expiresWithin } from '#src/domain/rules/certificateValidity';
import type { CertificateIssued, CertificateRevoked, CertificateSuperseded } from '#src/domain/product/events';
import { type DecidingAuthority, decidingAuthority } from '#src/domain/rules/issuingAuthority';
import type { ReadonlyModels } from './views/models';
import { type Projection, handles } from './projection';
import { productProvinceOn } from './products.projection';
import type { CertificateView, CertificatesState } from './views/certificate';

export type { RevocationView, CertificateView, CertificatesState } from './views/certificate';

export const certificatesProjection: Projection<
  CertificatesState,
  CertificateIssued | CertificateSuperseded | CertificateRevoked
> = {
  name: 'certificates',
  canHandle: handles('CertificateIssued', 'CertificateSuperseded', 'CertificateRevoked'),
  initialState: () => new Map(),
  evolve(state, event) {
    switch (event.type) {
      case 'CertificateIssued': {
        const { certificateId, productId, stars, level, decisionNo, issuedOn, expiresOn, supersedes } = event.data;
        state.set(certificateId, {
          id: certificateId,
          productId,
          stars,
          level,
          decisionNo,
          issuedOn,
          expiresOn,
          supersedes,
          supersededBy: null,
          revocation: null,
          ...(event.data.issuedBy ? { issuedBy: event.data.issuedBy } : {}),
        });
        break;
      }
      case 'CertificateSuperseded': {
        const certificate = state.get(event.data.certificateId);
        if (certificate) {
          certificate.supersededBy = event.data.supersededBy;
          certificate.supersededOn = event.data.supersededOn;
        }
        break;
      }
      case 'CertificateRevoked': {
        const certificate = state.get(event.data.certificateId);
        if (certificate) {
          const { reason, details, decisionNo, decidedOn, decidedBy } = event.data;
          certificate.revocation = { reason, details, decisionNo, decidedOn, ...(decidedBy ? { decidedBy } : {}) };
          certificate.revokedOn = decidedOn;
        }
        break;
      }
    }
    return state;
  },
};

/**
 * Who issued a certificate, on its decision date: as recorded, or, for a certificate recorded before
 * issuers were, read from where its product's subject was that day (the same rule the decider applies).
 */
export function issuedByOf(models: ReadonlyModels, certificate: CertificateView): DecidingAuthority {
  if (certificate.issuedBy) return certificate.issuedBy;
  const product = models.products.get(certificate.productId);
  const subject = product ? models.subjects.get(product.subjectId) : undefined;
  const placement = subject ?? { districtCode: product?.districtCode ?? null, communes: [] };
  return decidingAuthority(certificate.level, placement, certificate.issuedOn);
}

/** Who revoked a certificate, on the revocation's date: as recorded, or read as `issuedByOf` reads an issuer. */
export function revokedByOf(models: ReadonlyModels, certificate: CertificateView): DecidingAuthority | null {
  const revocation = certificate.revocation;
  if (!revocation) return null;
  if (revocation.decidedBy) return revocation.decidedBy;
  const product = models.products.get(certificate.productId);
  const subject = product ? models.subjects.get(product.subjectId) : undefined;
  const placement = subject ?? { districtCode: product?.districtCode ?? null, communes: [] };
  return decidingAuthority(revokingLevel(certificate.level, revocation.decidedOn), placement, revocation.decidedOn);
}

export const statusOf = (certificate: CertificateView, day: string): CertificateStatus =>
  certificateStatusOn(certificate, day);

export interface CertificateQuery extends PlaceQuery {
  districtCode?: string;
  stars?: number;
  status?: string;
  group?: string;
  level?: string;
  productId?: string;
}

export function findCertificates(view: View, query: CertificateQuery): readonly CertificateView[] {
  const inPlace = subjectsInPlace(view, query);
  return [...view.models.certificates.values()].filter((c) => {
    const product = view.models.products.get(c.productId);
    return (
      (inPlace === null || (product !== undefined && inPlace(product.subjectId))) &&
      (query.productId === undefined || c.productId === query.productId) &&
      (query.stars === undefined || c.stars === query.stars) &&
      (query.level === undefined || c.level === query.level) &&
      (query.districtCode === undefined || product?.districtCode === query.districtCode) &&
      (query.group === undefined || product?.group === query.group) &&
      (query.status === undefined || statusOf(c, view.day) === query.status)
    );
  });
}

export interface ExpiringQuery {
  /** Days from `on`, `on` included: the holder must be told at least 30 days ahead. */
  readonly within: number;
  readonly on: string;
  readonly provinceCode?: string | null;
}

/** Certificates VALID on `on` whose last valid day falls within `within` days of it, soonest first. */
export function expiringCertificates(view: View, query: ExpiringQuery): readonly CertificateView[] {
  const found = [...view.models.certificates.values()].filter((c) => {
    if (statusOf(c, query.on) !== 'VALID' || !expiresWithin(c.expiresOn, query.on, query.within)) return false;
    if (!query.provinceCode) return true;
    return productProvinceOn(view.models, c.productId, query.on) === query.provinceCode;
  });
  return found.sort((a, b) =>
    a.expiresOn === b.expiresOn ? (a.id < b.id ? -1 : 1) : a.expiresOn < b.expiresOn ? -1 : 1,
  );
}
