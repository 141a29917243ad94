import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { evaluationPurposeOf } from '#projections/products.projection';
import { NotFoundError } from '../../core/errors';
import { type GraphQLContext, commandContext, cutOf, runCommand } from '../context';
import { AwardStarsInput } from '../inputs/product.inputs';
import { CertificateType } from '../types/certificate.type';
import { EvaluationType } from '../types/evaluation.type';
import { ProductType } from '../types/product.type';
import { certificateIn } from './certificate.resolver';
import { productIn } from './product.resolver';

@Resolver(() => EvaluationType)
export class EvaluationResolver {
  @Mutation(() => EvaluationType, {
    description:
      "Records a council's score. The level and the decision date decide the outcome: a certificate (valid 36 " +
      'months), a proposal to the next level, a return to the district, or none. The purpose decides what a new ' +
      'certificate replaces: a RENEWAL the one it renews, fewer stars included; FIRST and UPGRADE the valid one, ' +
      'never with fewer stars (CONFLICT); a RECHECK issues nothing (CONFIRMED, or NOT_RECOGNISED). COMMUNE ' +
      'only proposes (proposeProduct): BAD_USER_INPUT.',
  })
  async awardStars(
    @Arg('input', { description: "The product, the council's level and score, and the decision" })
    input: AwardStarsInput,
    @Ctx() context: GraphQLContext,
  ): Promise<EvaluationType> {
    const { commandId, ...award } = input;
    const { result, cut } = await runCommand(context, () =>
      context.services.registry.awardStars(award, commandContext(context, commandId)),
    );
    const evaluationNo = result.events.find((e) => e.type === 'ProductEvaluated')?.data['evaluationNo'];
    const evaluation = cut.view.models.products
      .get(input.productId)
      ?.evaluations.find((e) => e.evaluationNo === evaluationNo);
    if (!evaluation) throw new NotFoundError('The evaluation was recorded but is not visible yet');
    const purpose = evaluationPurposeOf(cut.view.models, input.productId, evaluation);
    return EvaluationType.from(cut.key, input.productId, evaluation, purpose);
  }

  @FieldResolver(() => ProductType, { description: 'The product evaluated' })
  product(@Root() evaluation: EvaluationType, @Ctx() context: GraphQLContext): ProductType {
    return productIn(cutOf(context, evaluation.cut), evaluation.productId);
  }

  @FieldResolver(() => CertificateType, {
    nullable: true,
    description: 'The certificate this result issued; null unless the outcome is RECOGNISED',
  })
  certificate(@Root() evaluation: EvaluationType, @Ctx() context: GraphQLContext): CertificateType | null {
    return evaluation.certificateId ? certificateIn(cutOf(context, evaluation.cut), evaluation.certificateId) : null;
  }
}
