import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { currentStars, findProducts } from '../../../projections/products.projection';
import type { View } from '../../../projections';
import { NotFoundError } from '../../core/errors';
import { type GraphQLContext, commandContext, runCommand, viewAt } from '../context';
import { ProductFilter } from '../inputs/filters.inputs';
import {
  RecordQualityCertificationInput,
  RecordTraceabilityInput,
  RegisterProductInput,
} from '../inputs/product.inputs';
import { paginate } from '../pagination';
import { DateTimeScalar } from '../scalars';
import { CertificateType } from '../types/certificate.type';
import { EvaluationType } from '../types/evaluation.type';
import { ProductPageType } from '../types/page.type';
import { ProductType } from '../types/product.type';
import { SubjectType } from '../types/subject.type';
import { AT_POSITION, PageArgs } from './args';
import { subjectIn } from './subject.resolver';

export function productIn(view: View, id: string): ProductType {
  const product = view.models.products.get(id);
  if (!product) throw new NotFoundError(`Product ${id} does not exist`, { productId: id });
  return ProductType.from(view, product);
}

@Resolver(() => ProductType)
export class ProductResolver {
  @Mutation(() => ProductType)
  async registerProduct(
    @Arg('input') input: RegisterProductInput,
    @Ctx() context: GraphQLContext,
  ): Promise<ProductType> {
    const { commandId, id, ...product } = input;
    const { result, view } = await runCommand(context, () =>
      context.services.registry.registerProduct({ ...product, productId: id }, commandContext(context, commandId)),
    );
    return productIn(view, String(result.events[0]!.data['productId']));
  }

  @Mutation(() => ProductType)
  async recordTraceability(
    @Arg('input') input: RecordTraceabilityInput,
    @Ctx() context: GraphQLContext,
  ): Promise<ProductType> {
    const { commandId, ...traceability } = input;
    const { view } = await runCommand(context, () =>
      context.services.registry.recordTraceability(traceability, commandContext(context, commandId)),
    );
    return productIn(view, input.productId);
  }

  @Mutation(() => ProductType)
  async recordQualityCertification(
    @Arg('input') input: RecordQualityCertificationInput,
    @Ctx() context: GraphQLContext,
  ): Promise<ProductType> {
    const { commandId, ...certification } = input;
    const { view } = await runCommand(context, () =>
      context.services.registry.recordQualityCertification(certification, commandContext(context, commandId)),
    );
    return productIn(view, input.productId);
  }

  @Query(() => ProductType, { nullable: true })
  async product(
    @Arg('id', () => ID) id: string,
    @Arg('asOf', () => DateTimeScalar, { nullable: true, validate: false }) asOf: Date | null,
    @Arg('atPosition', () => String, { nullable: true, description: AT_POSITION }) atPosition: string | null,
    @Ctx() context: GraphQLContext,
  ): Promise<ProductType | null> {
    const view = await viewAt(context, asOf, atPosition);
    const product = view.models.products.get(id);
    return product ? ProductType.from(view, product) : null;
  }

  @Query(() => ProductPageType)
  async products(
    @Arg('filter', () => ProductFilter, { nullable: true }) filter: ProductFilter | null,
    @Args() { first, after, asOf, atPosition }: PageArgs,
    @Ctx() context: GraphQLContext,
  ): Promise<ProductPageType> {
    const view = await viewAt(context, asOf, atPosition);
    const page = paginate(findProducts(view, filter ?? {}), (p) => p.id, first, after);
    return {
      nodes: page.items.map((p) => ProductType.from(view, p)),
      totalCount: page.totalCount,
      pageInfo: page.pageInfo,
    };
  }

  @FieldResolver(() => SubjectType)
  subject(@Root() product: ProductType): SubjectType {
    return subjectIn(product.view, product.subjectId);
  }

  @FieldResolver(() => Int, {
    nullable: true,
    description: 'Stars of the certificate that is VALID on the day asked, null if none',
  })
  stars(@Root() product: ProductType): number | null {
    return currentStars(product.view, product.record);
  }

  @FieldResolver(() => [CertificateType], { description: 'Every certificate the product has held, oldest first' })
  certificates(@Root() product: ProductType): CertificateType[] {
    return product.record.certificateIds.flatMap((id) => {
      const certificate = product.view.models.certificates.get(id);
      return certificate ? [CertificateType.from(product.view, certificate)] : [];
    });
  }

  @FieldResolver(() => [EvaluationType], { description: 'Every council result, oldest first' })
  evaluations(@Root() product: ProductType): EvaluationType[] {
    return product.record.evaluations.map((e) => EvaluationType.from(product.view, product.id, e));
  }
}
