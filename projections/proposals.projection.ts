import type { View } from './index';
import type { ProductEvaluated } from '#src/domain/product/events';
import { productProvinceOn } from './products.projection';
import type { EvaluationLevel } from '#src/domain/rules/authority';
import { NEXT_LEVEL } from '#src/domain/rules/evaluationOutcome';
import { type Draft, type Projection, handles, remembered } from './projection';

/** PENDING at the next level; EVALUATED once that level scored it; WITHDRAWN by a newer result of the proposing level. */
export type ProposalStatus = 'PENDING' | 'EVALUATED' | 'WITHDRAWN';
export const PROPOSAL_STATUSES: readonly ProposalStatus[] = ['PENDING', 'EVALUATED', 'WITHDRAWN'];

export interface ProposalView {
  /** The proposing evaluation: `<productId>.E<evaluationNo>`. */
  readonly id: string;
  readonly productId: string;
  readonly fromLevel: EvaluationLevel;
  readonly toLevel: EvaluationLevel;
  readonly score: number;
  readonly decisionNo: string;
  readonly proposedOn: string;
  readonly status: ProposalStatus;
  /** The evaluation that closed it: the next level's (EVALUATED) or the proposing level's newer one (WITHDRAWN). */
  readonly closedBy: number | null;
}

/** Each product's proposals in log order; only the last can be PENDING. */
export type ProposalsState = Map<string, Draft<ProposalView>[]>;

/**
 * Proposals to the next level, read from the evaluations: a result that goes up opens one; the next
 * level's evaluation of the product closes it as EVALUATED, whether or not it was recorded as a
 * proposal (records arrive incomplete); a newer result of the proposing level withdraws it.
 */
export const proposalsProjection: Projection<ProposalsState, ProductEvaluated> = {
  name: 'proposals',
  canHandle: handles('ProductEvaluated'),
  initialState: () => new Map(),
  evolve(state, event) {
    const { productId, evaluationNo, level } = event.data;
    let proposals = state.get(productId);
    const pending = proposals?.at(-1);
    if (pending?.status === 'PENDING' && (pending.toLevel === level || pending.fromLevel === level)) {
      pending.status = pending.toLevel === level ? 'EVALUATED' : 'WITHDRAWN';
      pending.closedBy = evaluationNo;
    }
    const toLevel = NEXT_LEVEL[level];
    if (!event.data.proposedToHigherLevel || toLevel === null) return state;
    if (!proposals) state.set(productId, (proposals = []));
    const { score, decisionNo, decidedOn } = event.data;
    proposals.push({
      id: `${productId}.E${evaluationNo}`,
      productId,
      fromLevel: level,
      toLevel,
      score,
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

export interface ProposalQuery {
  readonly toLevel: EvaluationLevel;
  readonly provinceCode?: string | null;
  readonly status?: ProposalStatus | null;
}

/** Proposals to a level, oldest proposal first (a queue of what waits at that level). */
export function findProposals(view: View, query: ProposalQuery): readonly ProposalView[] {
  return remembered(view, `proposals ${JSON.stringify(query)}`, () => {
    const found: ProposalView[] = [];
    for (const [productId, proposals] of view.models.proposals) {
      if (query.provinceCode && productProvinceOn(view.models, productId, view.day) !== query.provinceCode) continue;
      for (const p of proposals) {
        if (p.toLevel === query.toLevel && (!query.status || p.status === query.status)) found.push(p);
      }
    }
    return found.sort((x, y) =>
      x.proposedOn === y.proposedOn ? compare(x.id, y.id) : compare(x.proposedOn, y.proposedOn),
    );
  });
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
