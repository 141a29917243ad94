import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import type { EvaluationView } from '#projections/index';
import { identify } from '../identity';
import { DateScalar } from '../scalars';
import { EvaluationLevelEnum, EvaluationOutcomeEnum, EvaluationPurposeEnum } from '../enums';
import { PublicType } from '../fieldRules';

@ObjectType('ScoreParts', {
  description:
    'The three parts of a score; a + b + c = score; maxima by decision date (1048/QĐ-TTg before 2023-02-24, 148/QĐ-TTg from then)',
})
export class ScorePartsType {
  @Field(() => Float, { description: 'A: production and community strength, at most 35 (before 2023-02-24) or 40' })
  a!: number;

  @Field(() => Float, { description: 'B: marketing and product story, at most 25' })
  b!: number;

  @Field(() => Float, { description: 'C: quality, at most 40 (before 2023-02-24) or 35' })
  c!: number;
}

@PublicType()
@ObjectType('Evaluation', { description: "A council's result for a product" })
export class EvaluationType {
  @Field(() => ID, {
    description:
      "The product's id and the evaluation's number (`mien-dong.E1`), and the time asked when about the past",
  })
  id!: string;

  @Field(() => Int, { description: "Its number among the product's evaluations, from 1" })
  evaluationNo!: number;

  @Field(() => EvaluationLevelEnum, { description: "The council's level" })
  level!: string;

  @Field(() => Float, { description: "The council's score, 0–100" })
  score!: number;

  @Field(() => Int, {
    description:
      "The score's band capped at what this level may recognise on the decision date; a certificate of these stars exists only when the outcome is RECOGNISED",
  })
  stars!: number;

  @Field(() => Int, { description: "The stars of the score's band before the level's cap" })
  scoreStars!: number;

  @Field({ description: 'True when the result goes to the next level as a proposal (district ≥ 70, province ≥ 90)' })
  proposedToHigherLevel!: boolean;

  @Field(() => EvaluationOutcomeEnum, {
    description:
      'What the result means at this level on its decision date: a certificate, a proposal, a return, or none',
  })
  outcome!: string;

  @Field(() => EvaluationPurposeEnum, {
    description: 'Why it was evaluated: as given, or derived from what the product held on the decision date',
  })
  purpose!: string;

  @Field(() => ScorePartsType, { nullable: true, description: 'The A/B/C part scores, when the council recorded them' })
  parts!: ScorePartsType | null;

  @Field({ description: "The number of the council's decision" })
  decisionNo!: string;

  @Field(() => DateScalar, { description: "The day of the council's decision" })
  decidedOn!: string;

  productId!: string;
  certificateId!: string | null;
  /** The key of the cut it was read from (see ../cut.ts). */
  cut!: string;

  /** `purpose`: the evaluation's own, or the one derived for an evaluation recorded before purposes. */
  static from(cut: string, productId: string, evaluation: EvaluationView, purpose: string): EvaluationType {
    return Object.assign(new EvaluationType(), {
      ...evaluation,
      purpose,
      id: identify(`${productId}.E${evaluation.evaluationNo}`, cut),
      productId,
      cut,
    });
  }
}
