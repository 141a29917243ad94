import type { DomainEvent } from '#src/core/decider';
import { type CertificateView, certificatesProjection, type CertificatesState } from './certificates.projection';
import { type FoldedIdsState, foldedIdsProjection } from './foldedIds.projection';
import { type KeyProductView, keyProductsProjection, type KeyProductsState } from './keyProducts.projection';
import { type MediaItemView, mediaProjection, type MediaState } from './media.projection';
import { type SalesPointView, salesPointsProjection, type SalesPointsState } from './salesPoints.projection';
import { type PlanView, plansProjection, type PlansState } from './plans.projection';
import { type ProductView, productsProjection, type ProductsState } from './products.projection';
import { type Projection, forgetAnswers } from './projection';
import { type ProposalView, proposalsProjection, type ProposalsState } from './proposals.projection';
import { type SubjectView, subjectsProjection, type SubjectsState } from './subjects.projection';

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

const REGISTERED = {
  plans: plansProjection,
  subjects: subjectsProjection,
  products: productsProjection,
  certificates: certificatesProjection,
  proposals: proposalsProjection,
  foldedIds: foldedIdsProjection,
  media: mediaProjection,
  keyProducts: keyProductsProjection,
  salesPoints: salesPointsProjection,
} as const satisfies { [K in keyof ReadModels]: Projection<ReadModels[K], never> };

const NAMES = Object.keys(REGISTERED) as (keyof ReadModels)[];

export function createReadModels(): ReadModels {
  return {
    plans: plansProjection.initialState(),
    subjects: subjectsProjection.initialState(),
    products: productsProjection.initialState(),
    certificates: certificatesProjection.initialState(),
    proposals: proposalsProjection.initialState(),
    foldedIds: foldedIdsProjection.initialState(),
    media: mediaProjection.initialState(),
    keyProducts: keyProductsProjection.initialState(),
    salesPoints: salesPointsProjection.initialState(),
  };
}

/** The read models that handle each event type, found once per type rather than asked on every event. */
const handlersOf = new Map<string, (keyof ReadModels)[]>();

/** Feeds one event to every read model that handles its type. */
export function applyEvent(models: ReadModels, event: DomainEvent): void {
  let names = handlersOf.get(event.type);
  if (!names) handlersOf.set(event.type, (names = NAMES.filter((name) => REGISTERED[name].canHandle(event.type))));
  if (names.length > 0) forgetAnswers(models);
  for (const name of names) {
    const projection = REGISTERED[name] as unknown as Projection<ReadModels[typeof name], DomainEvent>;
    models[name] = projection.evolve(models[name], event) as never;
  }
}

/** The event types some read model handles: anything else leaves every report as it was. */
export function isProjected(type: string): boolean {
  return NAMES.some((name) => REGISTERED[name].canHandle(type));
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

export type { CertificateView, RevocationView } from './certificates.projection';
export type { PlanView } from './plans.projection';
export type { KeyProductView } from './keyProducts.projection';
export type { MediaItemView } from './media.projection';
export type { SalesPointView } from './salesPoints.projection';
export type { ProposalStatus, ProposalView } from './proposals.projection';
export type { EvaluationView, ProductView } from './products.projection';
export type { LinkageView, SubjectView, SupportView } from './subjects.projection';
