import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { ProductView, SubjectView, View } from '#projections/index';
import { communeOnDay, locateOrFirst } from '../../domain/rules/units/placement';
import { AdministrativeUnitType } from '../types/unit.type';
import { currentStars, evaluationPurposeOf, findProducts } from '#projections/products.projection';
import { NotFoundError } from '../../core/errors';
import { type GraphQLContext, commandContext, cutFor, cutOf, runCommand } from '../context';
import type { Cut } from '../cut';
import { lookup } from '../identity';
import { ProductFilter } from '../inputs/filters.inputs';
import {
  RecordQualityCertificationInput,
  RecordTraceabilityInput,
  RegisterProductInput,
} from '../inputs/product.inputs';
import { mapPage, paginate } from '../pagination';
import { CertificateType } from '../types/certificate.type';
import { EvaluationType } from '../types/evaluation.type';
import { ProductPageType } from '../types/page.type';
import { ProductType, QualityCertificationType, TraceabilityType } from '../types/product.type';
import { SubjectType } from '../types/subject.type';
import { CutArgs, PageArgs } from './args';
import { subjectIn } from './subject.resolver';
import { Rules } from '../fieldRules';
import { placeAsked } from '../inputs/placeFilter';

export function productIn(cut: Cut, id: string): ProductType {
  const product = cut.view.models.products.get(id);
  if (!product) throw new NotFoundError(`Product ${id} does not exist`, { productId: id });
  return ProductType.from(cut.key, product);
}

@Resolver(() => ProductType)
export class ProductResolver {
  @Mutation(() => ProductType, {
    description: "Registers a subject's product for OCOP evaluation; answers the product",
  })
  async registerProduct(
    @Arg('input', { description: 'The product to register' }) input: RegisterProductInput,
    @Ctx() context: GraphQLContext,
  ): Promise<ProductType> {
    const { commandId, id, ...product } = input;
    const { result, cut } = await runCommand(context, () =>
      context.services.registry.registerProduct({ ...product, productId: id }, commandContext(context, commandId)),
    );
    return productIn(cut, String(result.events[0]!.data['productId']));
  }

  @Mutation(() => ProductType, {
    description: "Records that a product's origin can be traced in a traceability system",
  })
  async recordTraceability(
    @Arg('input', { description: 'The traceability to record' }) input: RecordTraceabilityInput,
    @Ctx() context: GraphQLContext,
  ): Promise<ProductType> {
    const { commandId, ...traceability } = input;
    const { cut } = await runCommand(context, () =>
      context.services.registry.recordTraceability(traceability, commandContext(context, commandId)),
    );
    return productIn(cut, input.productId);
  }

  @Mutation(() => ProductType, { description: 'Records an advanced quality management certification of a product' })
  async recordQualityCertification(
    @Arg('input', { description: 'The certification to record' }) input: RecordQualityCertificationInput,
    @Ctx() context: GraphQLContext,
  ): Promise<ProductType> {
    const { commandId, ...certification } = input;
    const { cut } = await runCommand(context, () =>
      context.services.registry.recordQualityCertification(certification, commandContext(context, commandId)),
    );
    return productIn(cut, input.productId);
  }

  @Rules({ access: 'public' })
  @Query(() => ProductType, { description: 'A product by its id, now or as it was', nullable: true })
  async product(
    @Arg('id', () => ID, { description: "The product's id, or an id this service gave for an answer about the past" })
    id: string,
    @Args() question: CutArgs,
    @Ctx() context: GraphQLContext,
  ): Promise<ProductType | null> {
    const asked = lookup(id, question);
    const { key, view } = await cutFor(context, asked.question);
    const product = view.models.products.get(asked.id);
    return product ? ProductType.from(key, product) : null;
  }

  @Rules({ access: 'officials' })
  @Query(() => ProductPageType, {
    description:
      'Products in registration order, a page at a time, filtered by district, stars, status, group, subject or name',
  })
  async products(
    @Arg('filter', () => ProductFilter, { description: 'Which products to list; all when omitted', nullable: true })
    filter: ProductFilter | null,
    @Args() { first, after, last, before, ...question }: PageArgs,
    @Ctx() context: GraphQLContext,
  ): Promise<InstanceType<typeof ProductPageType>> {
    const { key, view } = await cutFor(context, question);
    const page = paginate(findProducts(view, { ...filter, ...placeAsked(filter, view.day) }), (p) => p.id, {
      first,
      after,
      last,
      before,
    });
    return mapPage(page, (p) => ProductType.from(key, p));
  }

  @FieldResolver(() => SubjectType, { description: 'The subject that produces it' })
  subject(@Root() product: ProductType, @Ctx() context: GraphQLContext): SubjectType {
    return subjectIn(cutOf(context, product.cut), product.subjectId);
  }

  @FieldResolver(() => AdministrativeUnitType, {
    nullable: true,
    description:
      "Its subject's commune or ward on the day asked; null when none is recorded (an old subject with a district only)",
  })
  commune(@Root() product: ProductType, @Ctx() context: GraphQLContext): AdministrativeUnitType | null {
    const { view } = cutOf(context, product.cut);
    const commune = communeOnDay(subjectOf(view, product), view.day);
    return commune && AdministrativeUnitType.from(commune);
  }

  @FieldResolver(() => AdministrativeUnitType, {
    description:
      "Its subject's province on the day asked (06 Bắc Kạn before 2025-07-01, 19 Thái Nguyên after, for Bắc Kạn)",
  })
  province(@Root() product: ProductType, @Ctx() context: GraphQLContext): AdministrativeUnitType {
    const { view } = cutOf(context, product.cut);
    const { province } = locateOrFirst(subjectOf(view, product), view.day);
    if (!province)
      throw new NotFoundError(`Product ${product.entityId} has no province on record`, { productId: product.entityId });
    return AdministrativeUnitType.from(province);
  }

  @FieldResolver(() => Int, {
    nullable: true,
    description: 'Stars of the certificate that is VALID on the day asked, null if none',
  })
  stars(@Root() product: ProductType, @Ctx() context: GraphQLContext): number | null {
    const { view } = cutOf(context, product.cut);
    return currentStars(view, recordOf(view, product));
  }

  @FieldResolver(() => [CertificateType], { description: 'Every certificate the product has held, oldest first' })
  certificates(@Root() product: ProductType, @Ctx() context: GraphQLContext): Promise<CertificateType[]> {
    return context.loaders.certificatesOfProduct.load({ cut: product.cut, productId: product.entityId });
  }

  @FieldResolver(() => [EvaluationType], { description: 'Every council result, oldest first' })
  evaluations(@Root() product: ProductType, @Ctx() context: GraphQLContext): EvaluationType[] {
    const { view } = cutOf(context, product.cut);
    return recordOf(view, product).evaluations.map((e) =>
      EvaluationType.from(product.cut, product.entityId, e, evaluationPurposeOf(view.models, product.entityId, e)),
    );
  }

  @FieldResolver(() => [TraceabilityType], { description: 'The traceability systems its origin can be traced in' })
  traceability(@Root() product: ProductType, @Ctx() context: GraphQLContext): TraceabilityType[] {
    const { view } = cutOf(context, product.cut);
    return recordOf(view, product).traceability.map((t) => Object.assign(new TraceabilityType(), t));
  }

  @FieldResolver(() => [QualityCertificationType], { description: 'Its advanced quality management certifications' })
  qualityCertifications(@Root() product: ProductType, @Ctx() context: GraphQLContext): QualityCertificationType[] {
    const { view } = cutOf(context, product.cut);
    return recordOf(view, product).qualityCertifications.map((q) => Object.assign(new QualityCertificationType(), q));
  }
}

/** The subject of a product its cut answered with (registered before it, so there). */
const subjectOf = (view: View, product: ProductType): SubjectView => view.models.subjects.get(product.subjectId)!;

/** The read model's record of a product its cut answered with (so it is there). */
const recordOf = (view: View, product: ProductType): ProductView => view.models.products.get(product.entityId)!;
