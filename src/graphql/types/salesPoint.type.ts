import { Field, ID, ObjectType } from 'type-graphql';
import type { SalesPointView } from '#projections/index';
import { placementOf } from '#projections/salesPoints.projection';
import { locateOrFirst, registeredDistrict } from '../../domain/rules/units/placement';
import { identify } from '../identity';
import { DateScalar } from '../scalars';
import { connection } from './page.type';
import { SubjectType } from './subject.type';
import { AdministrativeUnitType } from './unit.type';
import { PublicType } from '../fieldRules';

@PublicType()
@ObjectType('SalesPoint', {
  description: 'An OCOP sales point (điểm giới thiệu và bán sản phẩm OCOP), with its place named as on the day asked',
})
export class SalesPointType {
  @Field(() => ID, { description: "The sales point's id" }) id!: string;
  @Field({ description: 'Its name' }) name!: string;
  @Field({ description: 'Its street address' }) address!: string;
  @Field(() => AdministrativeUnitType, { nullable: true, description: 'Its commune or ward on the day asked' })
  commune!: AdministrativeUnitType | null;
  @Field(() => AdministrativeUnitType, {
    nullable: true,
    description: 'The district it opened in; null for points opened from 2025-07-01',
  })
  district!: AdministrativeUnitType | null;
  @Field(() => AdministrativeUnitType, { description: 'Its province on the day asked' })
  province!: AdministrativeUnitType;
  @Field(() => SubjectType, { nullable: true, description: 'The subject that runs it, if one does' })
  operator!: SubjectType | null;
  @Field(() => DateScalar, { description: 'The day it opened' }) openedOn!: string;
  @Field(() => DateScalar, { nullable: true, description: 'The day it closed; null while open' })
  closedOn!: string | null;
  @Field(() => String, { nullable: true, description: 'The standard it meets, e.g. "950/QĐ-BCT"' })
  standard!: string | null;

  /** The subject that runs it, read from the same cut by the field resolver. */
  operatorSubjectId!: string | null;
  cut!: string;

  static from(cut: string, point: SalesPointView, day: string): SalesPointType {
    const placement = placementOf(point);
    const where = locateOrFirst(placement, day);
    const district = registeredDistrict(placement, day);
    return Object.assign(new SalesPointType(), {
      id: identify(point.id, cut),
      name: point.name,
      address: point.address,
      commune: where.commune ? AdministrativeUnitType.from(where.commune) : null,
      district: district ? AdministrativeUnitType.from(district) : null,
      province: AdministrativeUnitType.from(
        where.province ?? { code: point.provinceCode, name: point.provinceCode, level: 'PROVINCE' },
      ),
      openedOn: point.openedOn,
      closedOn: point.closedOn,
      standard: point.standard,
      operatorSubjectId: point.operatorSubjectId,
      cut,
    });
  }
}

export const SalesPointPageType = connection('SalesPoint', SalesPointType, 'sales point', { readByAnyone: true });
