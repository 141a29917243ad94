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
import { MediaResolver } from './resolvers/media.resolver';
import { KeyProductResolver } from './resolvers/keyProduct.resolver';
import { SalesPointResolver } from './resolvers/salesPoint.resolver';
import { PlanOtherTargetsResolver, PlanTargetsResolver } from './resolvers/planTargets.resolver';

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
  MediaResolver,
  KeyProductResolver,
  SalesPointResolver,
  PlanTargetsResolver,
  PlanOtherTargetsResolver,
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
export async function createSchema(): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers: RESOLVERS,
    pubSub: NO_TOPICS,
    validate: { forbidUnknownValues: true, validationError: { target: false, value: false } },
  });
  // type-graphql builds the root types itself, without a way to describe them.
  const roots = [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()];
  for (const root of roots) if (root) root.description = ROOT_DESCRIPTIONS[root.name] ?? null;
  return schema;
}

const ROOT_DESCRIPTIONS: Record<string, string> = {
  Query: 'What officials, auditors and the public may read: the registry as it is now, or as it was (asOf, atPosition)',
  Mutation:
    'What officials may record: every change is a command that appends events, refused whole when a rule forbids it',
  Subscription: 'Live updates over WebSocket (the graphql-ws protocol) at ws://<host>/graphql',
};
