import type { ReadModels, View } from '../../../projections';
import { statusOf } from '../../../projections/certificates.projection';
import { DISTRICT_TARGET_INDICATORS, districtTargets } from '../../../projections/districtTargets.projection';
import { currentStars } from '../../../projections/products.projection';
import { QUALITY_INDICATORS, qualityManagement } from '../../../projections/qualityManagement.projection';
import type { ReportRow } from '../../../projections/report';

/** Anything that answers GraphQL: a child server or the in-process test server. */
export type Gql = (
  query: string,
  variables?: Record<string, unknown>,
) => Promise<{ data?: unknown; errors?: { message: string }[] }>;

const SUBJECT = `id name kind district { code } registeredOn products { id }
  linkages { id partnerName kind startedOn endedOn contractRef } supports { id programme providedOn description }`;
const PRODUCT = `id name group registrationKind registeredOn district { code } stars subject { id } certificates { id }
  traceability { system enabledOn } qualityCertifications { standard certificateNo issuedOn validUntil }
  evaluations { evaluationNo level score stars scoreStars outcome proposedToHigherLevel parts { a b c } decisionNo decidedOn certificate { id } }`;
const CERTIFICATE = `id stars level decisionNo issuedOn expiresOn status supersedes supersededBy product { id }
  revocation { reason details decisionNo decidedOn }`;
const indicators = (names: readonly string[]) =>
  `unit { code } ${names.map((n) => `${n} { target actual }`).join(' ')}`;
const REPORTS = `query($year: Int!, $province: String!) {
  districtTargets(year: $year, provinceCode: $province) { statusDay districts { ${indicators(DISTRICT_TARGET_INDICATORS)} } total { ${indicators(DISTRICT_TARGET_INDICATORS)} } }
  qualityManagement(year: $year, provinceCode: $province) { districts { ${indicators(QUALITY_INDICATORS)} } total { ${indicators(QUALITY_INDICATORS)} } }
}`;
/**
 * Small pages: the service weighs each nested list (evaluations, certificates) by the longest one in
 * its read models, and a long random workload gives some products dozens of evaluations.
 */
const page = (field: string, fields: string) => `query($after: String) {
  ${field}(first: 5, after: $after) { nodes { ${fields} } pageInfo { endCursor hasNextPage } }
}`;

/** The years whose reports are compared: the plan's year and the ones either side. */
export const REPORT_YEARS = [2023, 2024, 2025, 2026] as const;
/** Bắc Kạn's reports until its last year (2025), Thái Nguyên's after: an abolished province is refused then. */
const provinceOf = (year: number): string => (year <= 2025 ? '06' : '19');

export interface Snapshot {
  day: string;
  subjects: unknown[];
  products: unknown[];
  certificates: unknown[];
  reports: unknown[];
}

async function answer<T>(gql: Gql, query: string, variables: Record<string, unknown>): Promise<T> {
  const response = await gql(query, variables);
  if (response.errors?.length || !response.data) throw new Error(`query failed: ${JSON.stringify(response.errors)}`);
  return response.data as T;
}

async function allPages(gql: Gql, field: string, fields: string): Promise<{ id: string }[]> {
  const nodes: { id: string }[] = [];
  let after: string | null = null;
  for (;;) {
    const data: Record<
      string,
      { nodes: { id: string }[]; pageInfo: { endCursor: string | null; hasNextPage: boolean } }
    > = await answer(gql, page(field, fields), { after });
    nodes.push(...data[field]!.nodes);
    if (!data[field]!.pageInfo.hasNextPage) return sortById(nodes);
    after = data[field]!.pageInfo.endCursor;
  }
}

const sortById = <T extends { id: string }>(items: T[]): T[] => [...items].sort((a, b) => (a.id < b.id ? -1 : 1));

/** What the server answers: every subject, product and certificate, and the reports. */
export async function serverSnapshot(gql: Gql): Promise<Snapshot> {
  const reports: unknown[] = [];
  let day = '';
  for (const year of REPORT_YEARS) {
    const data = await answer<{ districtTargets: { statusDay: string } }>(gql, REPORTS, {
      year,
      province: provinceOf(year),
    });
    day = data.districtTargets.statusDay;
    const { statusDay: _day, ...districtReport } = data.districtTargets;
    reports.push({ ...data, districtTargets: districtReport });
  }
  return {
    day,
    subjects: await allPages(gql, 'subjects', SUBJECT),
    products: await allPages(gql, 'products', PRODUCT),
    certificates: await allPages(gql, 'certificates', CERTIFICATE),
    reports,
  };
}

const row = <K extends string>(r: ReportRow<K>, names: readonly K[]) => ({
  unit: { code: r.unit.code },
  ...Object.fromEntries(names.map((n) => [n, r[n]])),
});

/** The same answers computed from read models replayed from scratch, judged on the server's day. */
export function expectedSnapshot(models: ReadModels, day: string): Snapshot {
  const view: View = { models, day };
  const reports = REPORT_YEARS.map((year) => {
    const a = districtTargets(view, provinceOf(year), year);
    const q = qualityManagement(view, provinceOf(year), year);
    return {
      districtTargets: {
        districts: a.districts.map((r) => row(r, DISTRICT_TARGET_INDICATORS)),
        total: row(a.total, DISTRICT_TARGET_INDICATORS),
      },
      qualityManagement: {
        districts: q.districts.map((r) => row(r, QUALITY_INDICATORS)),
        total: row(q.total, QUALITY_INDICATORS),
      },
    };
  });
  const subjects = [...models.subjects.values()].map(({ productIds, districtCode, communes: _communes, ...s }) => ({
    ...s,
    supports: s.supports.map(({ id, programme, providedOn, description }) => ({
      id,
      programme,
      providedOn,
      description,
    })),
    district: { code: districtCode },
    products: productIds.filter((id) => models.products.has(id)).map((id) => ({ id })),
  }));
  const products = [...models.products.values()].map((p) => ({
    id: p.id,
    name: p.name,
    group: p.group,
    registrationKind: p.registrationKind,
    registeredOn: p.registeredOn,
    district: { code: p.districtCode },
    stars: currentStars(view, p),
    subject: { id: p.subjectId },
    certificates: p.certificateIds.map((id) => ({ id })),
    traceability: p.traceability,
    qualityCertifications: p.qualityCertifications,
    // The fields PRODUCT asks for, in its words.
    evaluations: p.evaluations.map((e) => ({
      evaluationNo: e.evaluationNo,
      level: e.level,
      score: e.score,
      stars: e.stars,
      scoreStars: e.scoreStars,
      outcome: e.outcome,
      proposedToHigherLevel: e.proposedToHigherLevel,
      parts: e.parts,
      decisionNo: e.decisionNo,
      decidedOn: e.decidedOn,
      certificate: e.certificateId === null ? null : { id: e.certificateId },
    })),
  }));
  const certificates = [...models.certificates.values()].map((c) => ({
    id: c.id,
    stars: c.stars,
    level: c.level,
    decisionNo: c.decisionNo,
    issuedOn: c.issuedOn,
    expiresOn: c.expiresOn,
    status: statusOf(c, day),
    supersedes: c.supersedes,
    supersededBy: c.supersededBy,
    product: { id: c.productId },
    revocation: c.revocation && {
      reason: c.revocation.reason,
      details: c.revocation.details,
      decisionNo: c.revocation.decisionNo,
      decidedOn: c.revocation.decidedOn,
    },
  }));
  return {
    day,
    subjects: sortById(subjects),
    products: sortById(products),
    certificates: sortById(certificates),
    reports,
  };
}
