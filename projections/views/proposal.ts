import type { EvaluationLevel, ProposingLevel } from '#src/domain/rules/authority';
import type { EvaluationPurpose } from '#src/domain/rules/evaluationPurpose';
import type { Draft } from './draft';

/**
 * PENDING at the next level; EVALUATED once that level scored it; WITHDRAWN by a newer result of the
 * proposing level; RETURNED to the proposing commune (an incomplete dossier).
 */
export type ProposalStatus = 'PENDING' | 'EVALUATED' | 'WITHDRAWN' | 'RETURNED';

export interface ProposalView {
  /** A council's proposing evaluation `<productId>.E<evaluationNo>`, or a commune's proposal `<productId>.P<n>`. */
  readonly id: string;
  readonly productId: string;
  readonly fromLevel: ProposingLevel;
  readonly toLevel: EvaluationLevel;
  /** The proposing council's score; null for a commune's proposal, which is not scored. */
  readonly score: number | null;
  /** As recorded; null on evaluations recorded before purposes (see `proposalPurpose`). */
  readonly purpose: EvaluationPurpose | null;
  readonly decisionNo: string;
  readonly proposedOn: string;
  readonly status: ProposalStatus;
  /** The evaluation that closed it: the next level's (EVALUATED) or the proposing level's newer one (WITHDRAWN). */
  readonly closedBy: number | null;
  /** A commune's proposal: the commune, when the dossier came in, its note, and why it was sent back. */
  readonly communeCode?: string | null;
  readonly dossierReceivedOn?: string | null;
  readonly note?: string | null;
  readonly returned?: { readonly reason: string; readonly returnedOn: string } | null;
}

/** Each product's proposals in log order; only the last can be PENDING. */
export type ProposalsState = Map<string, Draft<ProposalView>[]>;
