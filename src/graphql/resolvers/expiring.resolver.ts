import { IsOptional, Max, Min } from 'class-validator';
import { Args, ArgsType, Ctx, Field, Int, Query, Resolver } from 'type-graphql';
import { expiringCertificates } from '#projections/certificates.projection';
import { vietnamDate } from '../../domain/rules/businessDate';
import { EXPIRY_WINDOW_MAX_DAYS } from '../../domain/rules/certificateValidity';
import { type GraphQLContext, cutFor } from '../context';
import { DateScalar } from '../scalars';
import { CertificateType } from '../types/certificate.type';
import { CutArgs } from './args';
import { Rules } from '../fieldRules';
import { requireProvinceOn } from '../../domain/rules/units/readPlace';

@ArgsType()
class ExpiringArgs extends CutArgs {
  @Field(() => Int, {
    defaultValue: 90,
    description: `Days ahead of \`on\`, \`on\` included (0–${EXPIRY_WINDOW_MAX_DAYS}); holders must be told at least 30 days ahead`,
  })
  @Min(0, { message: `within must be between 0 and ${EXPIRY_WINDOW_MAX_DAYS}` })
  @Max(EXPIRY_WINDOW_MAX_DAYS, { message: `within must be between 0 and ${EXPIRY_WINDOW_MAX_DAYS}` })
  within!: number;

  @Field(() => String, {
    nullable: true,
    description:
      'Only certificates of products located in this province on `on`; an abolished province (06 after ' +
      '2025-06-30) is BAD_USER_INPUT naming its successor',
  })
  @IsOptional()
  provinceCode?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'The day counted from (default: today in Vietnam)' })
  @IsOptional()
  on?: string | null;
}

@Resolver(() => CertificateType)
export class ExpiringCertificatesResolver {
  @Rules({ access: 'officials' })
  @Query(() => [CertificateType], {
    description:
      'Certificates VALID on `on` whose last valid day falls within `within` days of it, soonest first: ' +
      'the holders to notify, and the products to re-evaluate (RENEWAL); `renewalPending` says whether a ' +
      'renewal is already proposed',
  })
  async expiringCertificates(
    @Args() { within, provinceCode, on, ...question }: ExpiringArgs,
    @Ctx() context: GraphQLContext,
  ): Promise<CertificateType[]> {
    const { key, view } = await cutFor(context, question);
    const day = on ?? vietnamDate(context.services.clock());
    if (provinceCode) requireProvinceOn(provinceCode, day);
    return expiringCertificates(view, { within, on: day, provinceCode }).map((c) => CertificateType.from(key, c));
  }
}
