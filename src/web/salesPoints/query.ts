import { UnavailableError } from '../../core/errors';
import type { AnonymousQuery } from '../certificate/facts';
import type { PublicSalesPoint, SalesPointList } from './page';

/** Asked as an anonymous caller would ask, through the same allow-list as POST /graphql. */
const SALES_POINTS_QUERY = /* GraphQL */ `
  query PublicSalesPoints($provinceCode: String!, $communeCode: String, $on: Date!, $after: String) {
    salesPoints(provinceCode: $provinceCode, communeCode: $communeCode, on: $on, first: 100, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        name
        address
        openedOn
        standard
        commune {
          name
        }
        district {
          name
        }
        province {
          name
        }
        operator {
          name
        }
      }
    }
  }
`;

/** The open points on `day`, or null when the province (or commune, or cursor) is not one the registry knows then. */
export async function salesPointList(
  query: AnonymousQuery,
  asked: { provinceCode: string; communeCode: string | null; after: string | null },
  day: string,
  provinceName: string,
): Promise<SalesPointList | null> {
  const { provinceCode, communeCode, after } = asked;
  const answer = await query(SALES_POINTS_QUERY, {
    provinceCode,
    communeCode,
    on: day,
    after,
  });
  const error = answer.errors?.[0];
  if (error) {
    if (error.extensions?.['code'] === 'BAD_USER_INPUT') return null;
    throw new UnavailableError(`The sales points could not be read: ${error.message}`);
  }
  const page = answer.data?.['salesPoints'] as {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    nodes: PublicSalesPoint[];
  };
  return {
    provinceCode,
    provinceName,
    day,
    totalCount: page.totalCount,
    points: page.nodes,
    after: page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null,
  };
}
