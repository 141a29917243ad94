import { type PlaceQuery, subjectsInPlace } from './placeIndex';
import type { ReadonlyModels, View } from './views/models';
import { certificateStatusOn as statusOf } from '#src/domain/rules/certificateValidity';
import type { ProductEvent } from '#src/domain/product/events';

import { type EvaluationPurpose, derivePurpose } from '#src/domain/rules/evaluationPurpose';

import { locate } from '#src/domain/rules/units/placement';
import { type Projection, handles, remembered } from './projection';
import type { EvaluationView, ProductView, ProductsState } from './views/product';

export type {
  EvaluationView,
  TraceabilityView,
  QualityCertificationView,
  ProductView,
  ProductsState,
} from './views/product';

/** "Miến dong Na Rì" → "mien dong na ri": what a search box without Vietnamese input should find. */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

export const productsProjection: Projection<ProductsState, ProductEvent> = {
  name: 'products',
  canHandle: handles(
    'ProductRegistered',
    'ProductEvaluated',
    'CertificateIssued',
    'TraceabilityRecorded',
    'QualityCertificationRecorded',
  ),
  initialState: () => new Map(),
  evolve(state, event) {
    if (event.type === 'ProductRegistered') {
      const { productId, subjectId, districtCode, name, group, registrationKind, registeredOn } = event.data;
      state.set(productId, {
        id: productId,
        subjectId,
        districtCode,
        name,
        searchName: foldForSearch(name),
        group,
        registrationKind,
        registeredOn,
        evaluations: [],
        certificateIds: [],
        traceability: [],
        qualityCertifications: [],
      });
      return state;
    }
    const product = state.get(event.data.productId);
    if (!product) return state;
    switch (event.type) {
      case 'ProductEvaluated': {
        // Fields named, not `...rest`: the rest pattern takes a slow generic copy on every replayed event.
        const { evaluationNo, level, score, scoreStars, stars, proposedToHigherLevel, decisionNo, decidedOn } =
          event.data;
        const { certificateId, outcome, parts, purpose } = event.data;
        product.evaluations.push({
          ...(purpose ? { purpose } : {}),
          evaluationNo,
          level,
          score,
          scoreStars,
          stars,
          outcome,
          proposedToHigherLevel,
          parts,
          decisionNo,
          decidedOn,
          certificateId,
        });
        break;
      }
      case 'CertificateIssued':
        product.certificateIds.push(event.data.certificateId);
        break;
      case 'TraceabilityRecorded':
        product.traceability.push({ system: event.data.system, enabledOn: event.data.enabledOn });
        break;
      case 'QualityCertificationRecorded': {
        const { standard, certificateNo, issuedOn, validUntil } = event.data;
        product.qualityCertifications.push({ standard, certificateNo, issuedOn, validUntil });
        break;
      }
    }
    return state;
  },
};

export interface ProductQuery extends PlaceQuery {
  districtCode?: string;
  stars?: number;
  status?: string;
  group?: string;
  subjectId?: string;
  search?: string;
}

/** The stars of the product's certificate valid on the view's day, or null. */
export function currentStars(view: View, product: ProductView): number | null {
  for (let i = product.certificateIds.length - 1; i >= 0; i--) {
    const certificate = view.models.certificates.get(product.certificateIds[i]!);
    if (certificate && statusOf(certificate, view.day) === 'VALID') return certificate.stars;
  }
  return null;
}

/** The status of the product's newest certificate on the view's day, or null if it has none. */
export function latestCertificateStatus(view: View, product: ProductView): string | null {
  const newest = product.certificateIds.at(-1);
  const certificate = newest ? view.models.certificates.get(newest) : undefined;
  return certificate ? statusOf(certificate, view.day) : null;
}

export function findProducts(view: View, query: ProductQuery): readonly ProductView[] {
  return remembered(view, `products ${JSON.stringify(query)}`, () => filterProducts(view, query));
}

function filterProducts(view: View, query: ProductQuery): readonly ProductView[] {
  const words = query.search ? foldForSearch(query.search).split(' ') : [];
  const inPlace = subjectsInPlace(view, query);
  return [...view.models.products.values()].filter(
    (p) =>
      (inPlace === null || inPlace(p.subjectId)) &&
      (query.districtCode === undefined || p.districtCode === query.districtCode) &&
      (query.group === undefined || p.group === query.group) &&
      (query.subjectId === undefined || p.subjectId === query.subjectId) &&
      words.every((w) => p.searchName.includes(w)) &&
      (query.stars === undefined || currentStars(view, p) === query.stars) &&
      (query.status === undefined || latestCertificateStatus(view, p) === query.status),
  );
}

/** The province a product is in on `day`: its subject's (see `locate`), or null when that cannot be placed. */
export function productProvinceOn(models: ReadonlyModels, productId: string, day: string): string | null {
  const product = models.products.get(productId);
  const subject = product ? models.subjects.get(product.subjectId) : undefined;
  return subject ? (locate(subject, day).province?.code ?? null) : null;
}

/**
 * An evaluation's purpose: as recorded, or, for one recorded before purposes, read on its decision date
 * from the certificates the product's earlier evaluations issued, as the decider would have.
 */
export function evaluationPurposeOf(
  models: ReadonlyModels,
  productId: string,
  evaluation: EvaluationView,
): EvaluationPurpose {
  if (evaluation.purpose) return evaluation.purpose;
  const product = models.products.get(productId);
  const earlier = (product?.evaluations ?? [])
    .filter((e) => e.evaluationNo < evaluation.evaluationNo && e.certificateId !== null)
    .flatMap((e) => models.certificates.get(e.certificateId!) ?? []);
  return derivePurpose(earlier, evaluation.decidedOn);
}
