import type { ClassType } from 'type-graphql';
import { Field, Int, ObjectType } from 'type-graphql';
import { CertificateType } from './certificate.type';
import { ProductType } from './product.type';
import { SubjectType } from './subject.type';
import { PublicType } from '../fieldRules';

@PublicType()
@ObjectType('PageInfo', { description: 'Where a page lies in its list (Relay connections)' })
export class PageInfoType {
  @Field(() => String, {
    nullable: true,
    description: 'The cursor of the first item: pass as `before` for the page before',
  })
  startCursor!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The cursor of the last item: pass as `after` for the next page',
  })
  endCursor!: string | null;

  @Field({ description: 'Whether items follow this page' })
  hasNextPage!: boolean;

  @Field({ description: 'Whether items come before this page' })
  hasPreviousPage!: boolean;
}

/**
 * A Relay connection type `<name>Page` with its `<name>Edge`: edges with cursors, the nodes alone
 * for clients that need no cursors, the page info, and (for lists held in the read models) the count.
 */
export function connection<T extends object>(
  name: string,
  node: ClassType<T>,
  what: string,
  { counted = true, readByAnyone = false }: { counted?: boolean; readByAnyone?: boolean } = {},
) {
  @ObjectType(`${name}Edge`, { description: `One ${what} of a page, with its cursor` })
  class Edge {
    @Field({ description: 'Pass as `after` (or `before`) to page from here' })
    cursor!: string;

    @Field(() => node, { description: `The ${what}` })
    node!: T;
  }

  // Unreferenced when counted: then only the subclass below is emitted, under the page's name.
  @ObjectType(counted ? `${name}PageFields` : `${name}Page`, { description: `A page of ${what}s (a Relay connection)` })
  class Page {
    @Field(() => [Edge], { description: `The ${what}s of the page with their cursors` })
    edges!: Edge[];

    @Field(() => [node], { description: `The ${what}s of the page, without cursors` })
    nodes!: T[];

    @Field(() => PageInfoType, { description: 'Where the page lies in the list' })
    pageInfo!: PageInfoType;
  }
  // A page of a public list is public too (src/graphql/fieldRules.ts), its node type saying so itself.
  if (readByAnyone) for (const type of [Edge, Page]) PublicType()(type);
  if (!counted) return Page;

  @ObjectType(`${name}Page`, { description: `A page of ${what}s (a Relay connection)` })
  class CountedPage extends Page {
    @Field(() => Int, { description: `How many ${what}s the whole list holds` })
    totalCount!: number;
  }
  if (readByAnyone) PublicType()(CountedPage);
  return CountedPage;
}

export const ProductPageType = connection('Product', ProductType, 'product');
export const CertificatePageType = connection('Certificate', CertificateType, 'certificate');
export const SubjectPageType = connection('Subject', SubjectType, 'subject');
