import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { type PubSub, buildSchema } from 'type-graphql';
import { CertificateResolver } from './resolvers/certificate.resolver';
import { EvaluationResolver } from './resolvers/evaluation.resolver';
import { PlanResolver } from './resolvers/plan.resolver';
import { ProductResolver } from './resolvers/product.resolver';
import { ReportResolver } from './resolvers/report.resolver';
import { SubjectResolver } from './resolvers/subject.resolver';
import { SubscriptionResolver } from './resolvers/subscription.resolver';
import { AuditResolver } from './resolvers/audit.resolver';
import { CertificateHistoryResolver } from './resolvers/auditCertificate.resolver';
import { AuditRevocationsResolver } from './resolvers/auditRevocations.resolver';
import { HistoryResolver } from './resolvers/history.resolver';
import { UnitsResolver } from './resolvers/units.resolver';
import { ExpiringCertificatesResolver } from './resolvers/expiring.resolver';
import { ProductProposalResolver, ProposalResolver } from './resolvers/proposal.resolver';

export const RESOLVERS = [
  ReportResolver,
  PlanResolver,
  SubjectResolver,
  ProductResolver,
  EvaluationResolver,
  CertificateResolver,
  SubscriptionResolver,
  HistoryResolver,
  AuditResolver,
  CertificateHistoryResolver,
  AuditRevocationsResolver,
  UnitsResolver,
  ProposalResolver,
  ProductProposalResolver,
  ExpiringCertificatesResolver,
] as const;

/**
 * type-graphql wants a PubSub once any subscription exists, though only subscriptions declared with
 * `topics` use it. None here does (planProgressChanged follows the read models), so it refuses.
 */
const NO_TOPICS: PubSub = {
  publish: () => {
    throw new Error('No subscription publishes to topics');
  },
  subscribe: () => {
    throw new Error('No subscription listens to topics');
  },
};

/** Builds the schema from the resolver classes; every input is checked by class-validator first. */
export function createSchema(): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: RESOLVERS,
    pubSub: NO_TOPICS,
    validate: { forbidUnknownValues: true, validationError: { target: false, value: false } },
  });
}
