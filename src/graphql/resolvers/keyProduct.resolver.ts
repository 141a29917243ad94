import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { keyProductsIn } from '#projections/keyProducts.projection';
import { provinceOfProduct } from '#projections/planTargets';
import { NotFoundError } from '../../core/errors';
import { requireProvinceOn } from '../../domain/rules/place';
import { type GraphQLContext, commandContext, cutFor, cutOf, runCommand } from '../context';
import { DesignateKeyProductInput, EndKeyProductInput } from '../inputs/planTargets.inputs';
import { DateScalar } from '../scalars';
import { ProductType } from '../types/product.type';
import { KeyProductType } from '../types/keyProduct.type';
import { CutArgs } from './args';
import { askedProvince } from './askedProvince';
import { productIn } from './product.resolver';
import { Rules } from '../fieldRules';

@ArgsType()
class KeyProductsArgs extends CutArgs {
  @Field(() => String, { nullable: true, description: "The province's code; the caller's province when absent" })
  provinceCode?: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'The day asked (default: the day of the answer)' })
  on?: string | null;
}

@Resolver(() => KeyProductType)
export class KeyProductResolver {
  private async answer(context: GraphQLContext, productId: string, level: string): Promise<KeyProductType> {
    const { key, view } = await cutFor(context);
    const designation = (view.models.keyProducts.get(productId) ?? []).filter((d) => d.level === level).at(-1);
    if (!designation) throw new NotFoundError('The designation was recorded but is not visible yet');
    return KeyProductType.from(key, designation);
  }

  @Mutation(() => KeyProductType, { description: 'Designates a product a key product of a level, by decision' })
  async designateKeyProduct(
    @Arg('input', { description: 'The decision' }) input: DesignateKeyProductInput,
    @Ctx() context: GraphQLContext,
  ): Promise<KeyProductType> {
    const { commandId, ...decision } = input;
    await runCommand(context, () =>
      context.services.registry.designateKeyProduct(decision, commandContext(context, commandId)),
    );
    return this.answer(context, input.productId, input.level);
  }

  @Mutation(() => KeyProductType, { description: "Ends a product's key product designation of a level" })
  async endKeyProduct(
    @Arg('input', { description: 'The decision' }) input: EndKeyProductInput,
    @Ctx() context: GraphQLContext,
  ): Promise<KeyProductType> {
    const { commandId, ...decision } = input;
    await runCommand(context, () =>
      context.services.registry.endKeyProduct(decision, commandContext(context, commandId)),
    );
    return this.answer(context, input.productId, input.level);
  }

  @Rules({ access: 'officials', maxItems: 200 })
  @Query(() => [KeyProductType], {
    description: 'Key products in force on `on` of products located in the province then, provincial ones first',
  })
  async keyProducts(
    @Args() { provinceCode, on, ...question }: KeyProductsArgs,
    @Ctx() context: GraphQLContext,
  ): Promise<KeyProductType[]> {
    const { key, view } = await cutFor(context, question);
    const day = on ?? view.day;
    const province = requireProvinceOn('provinceCode', askedProvince(context, provinceCode, day), day).code;
    const where = (productId: string) => provinceOfProduct(view.models, productId, day);
    return keyProductsIn(view.models, province, day, where).map((d) => KeyProductType.from(key, d));
  }

  @FieldResolver(() => ProductType, { description: 'The product' })
  product(@Root() keyProduct: KeyProductType, @Ctx() context: GraphQLContext): ProductType {
    return productIn(cutOf(context, keyProduct.cut), keyProduct.productId);
  }
}
