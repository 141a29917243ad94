import { IllegalStateError, NotFoundError, ValidationError } from '../../../src/core/errors';
import type { AwardStars, ProductCommand } from '../../../src/domain/product/commands';
import { productDecider } from '../../../src/domain/product/decide';
import type { ProductEvent } from '../../../src/domain/product/events';
import { deciderSpec } from '../../support/deciderSpec';
import { TODAY, productRegistered } from '../../support/fixtures';

const spec = deciderSpec(productDecider);
const award = (overrides: Partial<AwardStars>): AwardStars => ({
  type: 'AwardStars',
  productId: 'mien-dong',
  level: 'PROVINCE',
  score: 75,
  decisionNo: 'QĐ-2',
  decidedOn: '2024-10-15',
  today: TODAY,
  ...overrides,
});
const after = (history: ProductEvent[], ...commands: ProductCommand[]): ProductEvent[] =>
  commands.reduce(
    (events, command) => [
      ...events,
      ...productDecider.decide(command, events.reduce(productDecider.evolve, productDecider.initialState())),
    ],
    history,
  );
const registered: ProductEvent[] = [productRegistered({ registeredOn: '2021-03-01' })];

describe("The commune's proposal (Decision 1489, from 2025-07-01)", () => {
  const propose = (overrides: Partial<Extract<ProductCommand, { type: 'ProposeProduct' }>> = {}): ProductCommand => ({
    type: 'ProposeProduct',
    productId: 'mien-dong',
    toLevel: 'PROVINCE',
    communeCode: '02155',
    decisionNo: '45/TTr-UBND',
    proposedOn: '2026-04-10',
    dossierReceivedOn: '2026-04-01',
    today: TODAY,
    ...overrides,
  });
  const returnIt = (overrides: Partial<Extract<ProductCommand, { type: 'ReturnProposal' }>> = {}): ProductCommand => ({
    type: 'ReturnProposal',
    productId: 'mien-dong',
    proposalId: 'mien-dong.P1',
    reason: 'Thiếu phiếu kiểm nghiệm',
    returnedOn: '2026-04-20',
    today: TODAY,
    ...overrides,
  });
  const certified = after(
    registered,
    award({ level: 'DISTRICT', score: 62, decisionNo: 'H-1', decidedOn: '2023-06-15' }),
  );

  it('should put the product in the province queue, as a RENEWAL of an expiring certificate', () => {
    spec
      .given(certified)
      .when(propose())
      .then([
        {
          type: 'ProductProposed',
          data: {
            productId: 'mien-dong',
            proposalId: 'mien-dong.P1',
            fromLevel: 'COMMUNE',
            toLevel: 'PROVINCE',
            communeCode: '02155',
            purpose: 'RENEWAL',
            decisionNo: '45/TTr-UBND',
            proposedOn: '2026-04-10',
            dossierReceivedOn: '2026-04-01',
            note: null,
          },
        },
      ]);
  });
  it('should be refused before 2025-07-01, when districts proposed', () => {
    spec
      .given(certified)
      .when(propose({ proposedOn: '2025-06-30' }))
      .thenThrows(ValidationError, /from 2025-07-01/);
  });
  it('should be refused to any level but the province', () => {
    spec
      .given(certified)
      .when(propose({ toLevel: 'NATIONAL' }))
      .thenThrows(ValidationError, /toLevel/);
  });
  it('should refuse a second proposal while the first waits', () => {
    spec
      .given(after(certified, propose()))
      .when(propose())
      .thenThrows(IllegalStateError, /mien-dong\.P1.*waiting/);
  });
  it("should be settled by the province's evaluation, after which the commune may propose again", () => {
    const evaluated = after(certified, propose(), award({ score: 64, decisionNo: 'T-1', decidedOn: '2026-05-20' }));
    spec
      .given(evaluated)
      .when(propose({ proposedOn: '2026-06-01' }))
      .thenMatches([{ data: { proposalId: 'mien-dong.P2' } }]);
    spec
      .given(evaluated)
      .when(returnIt())
      .thenThrows(IllegalStateError, /EVALUATED/);
  });
  it('should go back to the commune with a reason', () => {
    spec
      .given(after(certified, propose()))
      .when(returnIt())
      .then([
        {
          type: 'ProposalReturned',
          data: {
            productId: 'mien-dong',
            proposalId: 'mien-dong.P1',
            reason: 'Thiếu phiếu kiểm nghiệm',
            returnedOn: '2026-04-20',
          },
        },
      ]);
  });
  it('should refuse a return dated before the proposal, and an unknown proposal', () => {
    spec
      .given(after(certified, propose()))
      .when(returnIt({ returnedOn: '2026-04-09' }))
      .thenThrows(ValidationError);
    spec.given(certified).when(returnIt()).thenThrows(NotFoundError);
  });
});
