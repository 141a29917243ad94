import { UnavailableError } from '../../core/errors';
import type { CertificateStatus } from '../../domain/rules/certificateValidity';
import type { RevocationReason } from '../../domain/product/events';

/** The product whose stream holds the certificate. */
export const productIdOf = (certificateId: string): string => certificateId.slice(0, certificateId.lastIndexOf('.C'));

/** Runs a GraphQL query as an anonymous caller, through the same access checks as POST /graphql. */
export type AnonymousQuery = (
  query: string,
  variables: Record<string, unknown>,
) => Promise<{
  data?: Record<string, unknown> | null;
  errors?: readonly { message: string; extensions?: Record<string, unknown> }[];
}>;

/**
 * What the public page shows, asked for as an anonymous caller would ask: a field the public may not
 * see is refused by the same allow-list that guards /graphql, and the page fails loudly instead of
 * showing it.
 */
const CERTIFICATE_QUERY = /* GraphQL */ `
  query PublicCertificate($id: ID!) {
    certificate(id: $id) {
      id
      status
      stars
      level
      decisionNo
      issuedOn
      issuedBy {
        name
      }
      expiresOn
      supersededBy
      revocation {
        reason
        decisionNo
        decidedOn
      }
      product {
        name
        subject {
          name
          commune {
            code
            name
          }
          district {
            code
            name
          }
          province {
            code
            name
          }
        }
      }
    }
  }
`;

export interface PublicUnit {
  code: string;
  name: string;
}

export interface CertificateFacts {
  id: string;
  /** Judged today, in Vietnam. */
  status: CertificateStatus;
  statusDay: string;
  stars: number;
  level: string;
  decisionNo: string;
  issuedOn: string;
  /** Who decided, as on the decision date ("UBND tỉnh Bắc Kạn"): the place shown is where the producer is today. */
  issuedBy: { name: string };
  /** The last valid day. */
  expiresOn: string;
  product: { name: string };
  /** Where the producer is on the day asked: its commune or ward when recorded, its district (until 2025-06-30) and province. */
  subject: { name: string; commune: PublicUnit | null; district: PublicUnit | null; province: PublicUnit };
  revocation: { reason: RevocationReason; decisionNo: string; decidedOn: string } | null;
  supersededBy: string | null;
  /** For a superseded certificate: the end of its line of replacements, the one to look at now. */
  current: string | null;
}

type Answer = Omit<CertificateFacts, 'statusDay' | 'current' | 'subject'> & {
  product: { name: string; subject: CertificateFacts['subject'] };
};

/** How many replacements to follow to the current certificate; a product has a handful at most. */
const MAX_HOPS = 20;

export async function certificateFacts(
  query: AnonymousQuery,
  id: string,
  statusDay: string,
): Promise<CertificateFacts | null> {
  const certificate = await ask(query, id);
  if (!certificate) return null;
  const { product, ...rest } = certificate;
  return {
    ...rest,
    statusDay,
    product: { name: product.name },
    subject: product.subject,
    current: certificate.status === 'SUPERSEDED' ? await currentOf(query, certificate) : null,
  };
}

async function currentOf(query: AnonymousQuery, certificate: Answer): Promise<string | null> {
  let next = certificate;
  for (let hop = 0; hop < MAX_HOPS && next.supersededBy; hop++) {
    const replacement = await ask(query, next.supersededBy);
    if (!replacement) break;
    next = replacement;
  }
  return next.id === certificate.id ? null : next.id;
}

async function ask(query: AnonymousQuery, id: string): Promise<Answer | null> {
  const result = await query(CERTIFICATE_QUERY, { id });
  const error = result.errors?.[0];
  if (error?.extensions?.['code'] === 'UNAVAILABLE') throw new UnavailableError(error.message);
  if (error) throw new Error(`Public certificate query failed: ${error.message}`);
  return (result.data?.['certificate'] as Answer | null | undefined) ?? null;
}
