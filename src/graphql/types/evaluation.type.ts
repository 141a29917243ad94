import { Field, Float, Int, ObjectType } from 'type-graphql';
import type { EvaluationView } from '../../../projections';
import { DateScalar } from '../scalars';
import { EvaluationLevelEnum } from '../enums';

@ObjectType('Evaluation', { description: "A council's result for a product" })
export class EvaluationType {
  @Field(() => Int)
  evaluationNo!: number;

  @Field(() => EvaluationLevelEnum)
  level!: string;

  @Field(() => Float)
  score!: number;

  @Field(() => Int, { description: 'The stars recognised at this level (the score band, capped by the level)' })
  stars!: number;

  @Field(() => Int, { description: "The stars of the score's band before the level's cap" })
  scoreStars!: number;

  @Field({ description: 'True when the score exceeds what this level may recognise (district ≥ 70, province ≥ 90)' })
  proposedToHigherLevel!: boolean;

  @Field()
  decisionNo!: string;

  @Field(() => DateScalar)
  decidedOn!: string;

  productId!: string;
  certificateId!: string | null;
  /** The key of the cut it was read from (see ../cut.ts). */
  cut!: string;

  static from(cut: string, productId: string, evaluation: EvaluationView): EvaluationType {
    return Object.assign(new EvaluationType(), { ...evaluation, productId, cut });
  }
}
