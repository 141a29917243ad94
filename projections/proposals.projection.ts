import type { View } from './views/models';
import type { ProductEvaluated, ProductProposed, ProposalReturned } from '#src/domain/product/events';
import { productProvinceOn } from './products.projection';
import type { ProposingLevel } from '#src/domain/rules/authority';
import { NEXT_LEVEL } from '#src/domain/rules/evaluationOutcome';
import { type EvaluationPurpose, derivePurpose } from '#src/domain/rules/evaluationPurpose';
import { type Projection, handles, remembered } from './projection';
import type { ProposalStatus, ProposalView, ProposalsState } from './views/proposal';

export type { ProposalStatus, ProposalView, ProposalsState } from './views/proposal';

export const PROPOSAL_STATUSES: readonly ProposalStatus[] = ['PENDING', 'EVALUATED', 'WITHDRAWN', 'RETURNED'];

type ProposalEvent = ProductEvaluated | ProductProposed | ProposalReturned;

/**
 * Proposals to the next level: a council's result that goes up opens one, and so does a commune's
 * proposal (from 2025-07-01). The next level's evaluation of the product closes it as EVALUATED,
 * whether or not it was recorded as a proposal (records arrive incomplete); a newer result of the
 * proposing level withdraws it; the province returns a commune's incomplete dossier.
 */
export const proposalsProjection: Projection<ProposalsState, ProposalEvent> = {
  name: 'proposals',
  canHandle: handles('ProductEvaluated', 'ProductProposed', 'ProposalReturned'),
  initialState: () => new Map(),
  evolve(state, event) {
    const productId = event.data.productId;
    let proposals = state.get(productId);
    if (event.type === 'ProposalReturned') {
      const proposal = proposals?.find((p) => p.id === event.data.proposalId);
      if (proposal) {
        proposal.status = 'RETURNED';
        proposal.returned = { reason: event.data.reason, returnedOn: event.data.returnedOn };
      }
      return state;
    }
    if (!proposals) state.set(productId, (proposals = []));
    if (event.type === 'ProductProposed') {
      const { proposalId, fromLevel, toLevel, purpose, decisionNo, proposedOn } = event.data;
      const { communeCode, dossierReceivedOn, note } = event.data;
      proposals.push({
        id: proposalId,
        productId,
        fromLevel,
        toLevel,
        score: null,
        purpose,
        decisionNo,
        proposedOn,
        status: 'PENDING',
        closedBy: null,
        communeCode,
        dossierReceivedOn,
        note,
        returned: null,
      });
      return state;
    }
    const { evaluationNo, level } = event.data;
    const pending = proposals.at(-1);
    if (pending?.status === 'PENDING' && (pending.toLevel === level || pending.fromLevel === level)) {
      pending.status = pending.toLevel === level ? 'EVALUATED' : 'WITHDRAWN';
      pending.closedBy = evaluationNo;
    }
    const toLevel = NEXT_LEVEL[level];
    if (!event.data.proposedToHigherLevel || toLevel === null) return state;
    const { score, decisionNo, decidedOn } = event.data;
    proposals.push({
      id: `${productId}.E${evaluationNo}`,
      productId,
      fromLevel: level,
      toLevel,
      score,
      purpose: event.data.purpose ?? null,
      decisionNo,
      proposedOn: decidedOn,
      status: 'PENDING',
      closedBy: null,
    });
    return state;
  },
};

/** The product's proposal still waiting at the next level, or null. */
export function pendingProposal(view: View, productId: string): ProposalView | null {
  const last = view.models.proposals.get(productId)?.at(-1);
  return last?.status === 'PENDING' ? last : null;
}

/**
 * A proposal's purpose: as recorded, or, for one recorded before purposes, read on its date from the
 * certificates its product held before it, as an evaluation's would be.
 */
export function proposalPurpose(view: View, proposal: ProposalView): EvaluationPurpose {
  if (proposal.purpose) return proposal.purpose;
  const held = [...view.models.certificates.values()].filter(
    (c) => c.productId === proposal.productId && c.issuedOn < proposal.proposedOn,
  );
  return derivePurpose(held, proposal.proposedOn);
}

export interface ProposalQuery {
  readonly toLevel: ProposingLevel;
  readonly provinceCode?: string | null;
  readonly status?: ProposalStatus | null;
}

/**
 * Proposals to a level, oldest proposal first (a queue of what waits at that level). A province is
 * matched by where the product was on the proposal's date: Bắc Kạn's 2024 proposals are found under
 * 06, those made after the merger under 19.
 */
export function findProposals(view: View, query: ProposalQuery): readonly ProposalView[] {
  return remembered(view, `proposals ${JSON.stringify(query)}`, () => {
    const found: ProposalView[] = [];
    for (const [productId, proposals] of view.models.proposals) {
      for (const p of proposals) {
        if (p.toLevel !== query.toLevel || (query.status && p.status !== query.status)) continue;
        if (query.provinceCode && productProvinceOn(view.models, productId, p.proposedOn) !== query.provinceCode)
          continue;
        found.push(p);
      }
    }
    return found.sort((x, y) =>
      x.proposedOn === y.proposedOn ? compare(x.id, y.id) : compare(x.proposedOn, y.proposedOn),
    );
  });
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
