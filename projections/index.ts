import type { DomainEvent } from '#src/core/decider';
import { certificatesProjection } from './certificates.projection';
import { foldedIdsProjection } from './foldedIds.projection';
import { keyProductsProjection } from './keyProducts.projection';
import { mediaProjection } from './media.projection';
import { salesPointsProjection } from './salesPoints.projection';
import { plansProjection } from './plans.projection';
import { productsProjection } from './products.projection';
import { type Projection, forgetAnswers } from './projection';
import type { ReadModels } from './views/models';
import { proposalsProjection } from './proposals.projection';
import { subjectsProjection } from './subjects.projection';

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

export type { ReadModels, ReadonlyModels, View } from './views/models';

export type { CertificateView, RevocationView } from './certificates.projection';
export type { PlanView } from './plans.projection';
export type { KeyProductView } from './keyProducts.projection';
export type { MediaItemView } from './media.projection';
export type { SalesPointView } from './salesPoints.projection';
export type { ProposalStatus, ProposalView } from './proposals.projection';
export type { EvaluationView, ProductView } from './products.projection';
export type { LinkageView, SubjectView, SupportView } from './subjects.projection';
