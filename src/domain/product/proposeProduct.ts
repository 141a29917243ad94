import { IllegalStateError, NotFoundError, ValidationError } from '../../core/errors';
import { assertBusinessDate } from '../rules/businessDate';
import { derivePurpose } from '../rules/evaluationPurpose';
import { REF_MAX, TEXT_MAX } from '../rules/limits';
import { REORGANISATION_DAY } from '../rules/reorganisation';
import { requireNotBefore, requirePastDate, requireText } from '../rules/validation';
import type { ProposeProduct, ReturnProposal } from './commands';
import { type ProductProposed, type ProposalReturned, communeProposalIdFor } from './events';
import { registeredProduct } from './guards';
import type { ProductState } from './state';

/**
 * Decision 1489/QĐ-TTg: from 2025-07-01 the commune committee receives the subject's dossier, assesses
 * it and proposes the product to the province, whose council evaluates it. One proposal waits at a
 * time; its purpose is read on its date as an evaluation's would be.
 */
export function proposeProduct(command: ProposeProduct, state: ProductState): ProductProposed[] {
  const product = registeredProduct(state, command.productId);
  if (command.toLevel !== 'PROVINCE') {
    throw new ValidationError('A commune proposes products to the province (toLevel PROVINCE)', { field: 'toLevel' });
  }
  const decisionNo = requireText('decisionNo', command.decisionNo, REF_MAX);
  const proposedOn = requirePastDate('proposedOn', command.proposedOn, command.today);
  if (proposedOn < REORGANISATION_DAY) {
    throw new ValidationError(`Communes propose products from ${REORGANISATION_DAY} (Decision 1489/QĐ-TTg)`, {
      field: 'proposedOn',
    });
  }
  requireNotBefore('proposedOn', proposedOn, product.registeredOn, 'the product registration');
  const dossierReceivedOn = command.dossierReceivedOn
    ? assertBusinessDate('dossierReceivedOn', command.dossierReceivedOn)
    : null;
  if (dossierReceivedOn && dossierReceivedOn > proposedOn) {
    throw new ValidationError('dossierReceivedOn must not be after proposedOn', { field: 'dossierReceivedOn' });
  }
  const note = command.note ? requireText('note', command.note, TEXT_MAX, 'lines') : null;
  const pending = product.communeProposals.find((p) => p.status === 'PENDING');
  if (pending) {
    throw new IllegalStateError(`Proposal ${pending.proposalId} of this product is still waiting at the province`, {
      proposalId: pending.proposalId,
    });
  }
  return [
    {
      type: 'ProductProposed',
      data: {
        productId: product.productId,
        proposalId: communeProposalIdFor(product.productId, product.communeProposals.length + 1),
        fromLevel: 'COMMUNE',
        toLevel: 'PROVINCE',
        communeCode: command.communeCode,
        purpose: derivePurpose(product.certificates, proposedOn),
        decisionNo,
        proposedOn,
        dossierReceivedOn,
        note,
      },
    },
  ];
}

/** Only a PENDING commune proposal goes back, on or after the day it was made. */
export function returnProposal(command: ReturnProposal, state: ProductState): ProposalReturned[] {
  const product = registeredProduct(state, command.productId);
  const proposal = product.communeProposals.find((p) => p.proposalId === command.proposalId);
  if (!proposal) {
    throw new NotFoundError(`Proposal ${command.proposalId} does not exist`, { proposalId: command.proposalId });
  }
  const reason = requireText('reason', command.reason, TEXT_MAX, 'lines');
  const returnedOn = requirePastDate('returnedOn', command.returnedOn, command.today);
  requireNotBefore('returnedOn', returnedOn, proposal.proposedOn, 'the proposal');
  if (proposal.status !== 'PENDING') {
    throw new IllegalStateError(
      `Proposal ${proposal.proposalId} is ${proposal.status}: only a PENDING one is returned`,
      {
        proposalId: proposal.proposalId,
        status: proposal.status,
      },
    );
  }
  return [
    {
      type: 'ProposalReturned',
      data: { productId: product.productId, proposalId: proposal.proposalId, reason, returnedOn },
    },
  ];
}
