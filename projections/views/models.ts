import type { CertificateView, CertificatesState } from './certificate';
import type { FoldedIdsState } from './foldedIds';
import type { KeyProductView, KeyProductsState } from './keyProduct';
import type { MediaItemView, MediaState } from './media';
import type { PlanView, PlansState } from './plan';
import type { ProductView, ProductsState } from './product';
import type { ProposalView, ProposalsState } from './proposal';
import type { SalesPointView, SalesPointsState } from './salesPoint';
import type { SubjectView, SubjectsState } from './subject';

/** Every entity read model, built together from one pass over the log. */
export interface ReadModels {
  plans: PlansState;
  subjects: SubjectsState;
  products: ProductsState;
  certificates: CertificatesState;
  proposals: ProposalsState;
  foldedIds: FoldedIdsState;
  media: MediaState;
  keyProducts: KeyProductsState;
  salesPoints: SalesPointsState;
}

/** The read models as every reader sees them: shared, so never changed outside the projections. */
export interface ReadonlyModels {
  readonly plans: ReadonlyMap<string, PlanView>;
  readonly subjects: ReadonlyMap<string, SubjectView>;
  readonly products: ReadonlyMap<string, ProductView>;
  readonly certificates: ReadonlyMap<string, CertificateView>;
  readonly proposals: ReadonlyMap<string, readonly ProposalView[]>;
  /** Subject and product ids by their folded key: see foldedIds.projection.ts. */
  readonly foldedIds: {
    readonly subjects: ReadonlyMap<string, string>;
    readonly products: ReadonlyMap<string, string>;
  };
  readonly media: ReadonlyMap<string, MediaItemView>;
  /** Every key product designation, ended ones included, by product. */
  readonly keyProducts: ReadonlyMap<string, readonly KeyProductView[]>;
  readonly salesPoints: ReadonlyMap<string, SalesPointView>;
}

/** Read models as seen on one business day: certificate statuses are computed against `day`. */
export interface View {
  readonly models: ReadonlyModels;
  readonly day: string;
}
