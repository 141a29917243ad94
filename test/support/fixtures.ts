import type { CommandContext } from '../../src/application/metadata';
import type { ProductEvent } from '../../src/domain/product/events';
import type { SubjectEvent } from '../../src/domain/subject/events';

/** "Today" for decider tests: after every date the fixtures use, expiries included. */
export const TODAY = '2030-01-01';

export const subjectRegistered = (
  overrides: Partial<Extract<SubjectEvent, { type: 'SubjectRegistered' }>['data']> = {},
) =>
  ({
    type: 'SubjectRegistered',
    data: {
      subjectId: 'htx-na-ri',
      name: 'HTX Miến dong Na Rì',
      kind: 'COOPERATIVE',
      districtCode: '066',
      registeredOn: '2024-03-01',
      ...overrides,
    },
  }) as const satisfies SubjectEvent;

export const productRegistered = (
  overrides: Partial<Extract<ProductEvent, { type: 'ProductRegistered' }>['data']> = {},
) =>
  ({
    type: 'ProductRegistered',
    data: {
      productId: 'mien-dong',
      subjectId: 'htx-na-ri',
      districtCode: '066',
      name: 'Miến dong Na Rì',
      group: 'FOOD',
      registrationKind: 'NEW',
      registeredOn: '2024-03-15',
      ...overrides,
    },
  }) as const satisfies ProductEvent;

export const testContext = (overrides: Partial<CommandContext> = {}): CommandContext => ({
  commandId: `cmd-${Math.random().toString(36).slice(2)}`,
  correlationId: 'corr-1',
  causationId: null,
  actor: { id: 'officer-1', role: 'PROVINCIAL_OFFICER', unit: '06' },
  now: new Date('2026-11-28T03:00:00Z'),
  ...overrides,
});
