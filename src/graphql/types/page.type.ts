import { Field, Int, ObjectType } from 'type-graphql';
import { CertificateType } from './certificate.type';
import { ProductType } from './product.type';
import { SubjectType } from './subject.type';

@ObjectType('PageInfo')
export class PageInfoType {
  @Field(() => String, { nullable: true, description: 'Pass as `after` to get the next page' })
  endCursor!: string | null;

  @Field()
  hasNextPage!: boolean;
}

@ObjectType('ProductPage')
export class ProductPageType {
  @Field(() => [ProductType]) nodes!: ProductType[];
  @Field(() => Int) totalCount!: number;
  @Field(() => PageInfoType) pageInfo!: PageInfoType;
}

@ObjectType('CertificatePage')
export class CertificatePageType {
  @Field(() => [CertificateType]) nodes!: CertificateType[];
  @Field(() => Int) totalCount!: number;
  @Field(() => PageInfoType) pageInfo!: PageInfoType;
}

@ObjectType('SubjectPage')
export class SubjectPageType {
  @Field(() => [SubjectType]) nodes!: SubjectType[];
  @Field(() => Int) totalCount!: number;
  @Field(() => PageInfoType) pageInfo!: PageInfoType;
}
