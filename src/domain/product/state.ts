import { assertNever } from '../../core/assertNever';
import type { EvaluationLevel } from '../rules/authority';
import type { CertificateLifecycle } from '../rules/certificateValidity';
import type { ProductEvent } from './events';
import type { CommuneRecord } from '../rules/units/placement';

export interface CertificateState extends CertificateLifecycle {
  readonly certificateId: string;
  readonly stars: number;
  /** The level that recognised it, which decides its revocation. */
  readonly level: EvaluationLevel;
}

/** A commune's proposal as the product's stream knows it: open until evaluated at its level or returned. */
export interface CommuneProposalState {
  readonly proposalId: string;
  readonly toLevel: EvaluationLevel;
  readonly proposedOn: string;
  readonly status: 'PENDING' | 'EVALUATED' | 'RETURNED';
}

export type RegisteredProduct = {
  status: 'registered';
  productId: string;
  subjectId: string;
  /** Where the product is for jurisdiction: its subject's district when it was registered. */
  districtCode: string | null;
  /** Its subject's commune when it was registered, as a record of that day (see rules/units/placement.ts). */
  communes: readonly CommuneRecord[];
  registeredOn: string;
  evaluationCount: number;
  evaluationDecisions: ReadonlySet<string>;
  /** In issue order; the last is the newest. */
  certificates: readonly CertificateState[];
  traceabilitySystems: ReadonlySet<string>;
  qualityCertifications: ReadonlySet<string>;
  /** Communes' proposals, in order. */
  communeProposals: readonly CommuneProposalState[];
};

export type ProductState = { status: 'unregistered' } | RegisteredProduct;

export const initialProductState = (): ProductState => ({ status: 'unregistered' });

const updateCertificate = (
  state: RegisteredProduct,
  certificateId: string,
  change: Partial<CertificateState>,
): RegisteredProduct => ({
  ...state,
  certificates: state.certificates.map((c) => (c.certificateId === certificateId ? { ...c, ...change } : c)),
});

export function evolveProduct(state: ProductState, event: ProductEvent): ProductState {
  if (event.type === 'ProductRegistered') {
    const { productId, subjectId, districtCode, communeCode, registeredOn } = event.data;
    return {
      status: 'registered',
      productId,
      subjectId,
      districtCode,
      communes: communeCode ? [{ code: communeCode, on: registeredOn }] : [],
      registeredOn,
      evaluationCount: 0,
      evaluationDecisions: new Set(),
      certificates: [],
      traceabilitySystems: new Set(),
      qualityCertifications: new Set(),
      communeProposals: [],
    };
  }
  if (state.status !== 'registered') return state;
  switch (event.type) {
    case 'ProductEvaluated':
      return {
        ...state,
        evaluationCount: event.data.evaluationNo,
        evaluationDecisions: new Set([...state.evaluationDecisions, event.data.decisionNo]),
        // The level a commune proposed to settles its proposal by evaluating the product.
        communeProposals: closeProposals(state.communeProposals, (p) => p.toLevel === event.data.level, 'EVALUATED'),
      };
    case 'ProductProposed': {
      const { proposalId, toLevel, proposedOn } = event.data;
      const proposal = { proposalId, toLevel, proposedOn, status: 'PENDING' } as const;
      return { ...state, communeProposals: [...state.communeProposals, proposal] };
    }
    case 'ProposalReturned':
      return {
        ...state,
        communeProposals: closeProposals(
          state.communeProposals,
          (p) => p.proposalId === event.data.proposalId,
          'RETURNED',
        ),
      };
    case 'CertificateIssued': {
      const { certificateId, stars, level, issuedOn, expiresOn } = event.data;
      const certificate = { certificateId, stars, level, issuedOn, expiresOn };
      return { ...state, certificates: [...state.certificates, certificate] };
    }
    case 'CertificateSuperseded':
      return updateCertificate(state, event.data.certificateId, { supersededOn: event.data.supersededOn });
    case 'CertificateRevoked':
      return updateCertificate(state, event.data.certificateId, { revokedOn: event.data.decidedOn });
    case 'TraceabilityRecorded':
      return { ...state, traceabilitySystems: new Set([...state.traceabilitySystems, event.data.system]) };
    case 'QualityCertificationRecorded':
      return {
        ...state,
        qualityCertifications: new Set([...state.qualityCertifications, qualityKey(event.data)]),
      };
    default:
      return assertNever(event);
  }
}

const closeProposals = (
  proposals: readonly CommuneProposalState[],
  which: (p: CommuneProposalState) => boolean,
  status: CommuneProposalState['status'],
): readonly CommuneProposalState[] => proposals.map((p) => (p.status === 'PENDING' && which(p) ? { ...p, status } : p));

export const qualityKey = (c: { standard: string; certificateNo: string }): string =>
  `${c.standard}/${c.certificateNo}`;
