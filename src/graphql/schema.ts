import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { createPubSub } from './pubSub';
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
] as const;

/** Builds the schema from the resolver classes; every input is checked by class-validator first. */
export function createSchema(): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: RESOLVERS,
    pubSub: createPubSub(),
    validate: { forbidUnknownValues: true, validationError: { target: false, value: false } },
  });
}
