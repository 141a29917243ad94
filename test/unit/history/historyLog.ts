import type { ReadModels } from '../../../projections';
import type { Registry } from '../../../src/application/registry';
import type { CommandResult } from '../../../src/application/handleCommand';
import type { CommandContext } from '../../../src/application/metadata';
import { PLAN_180 } from '../../../src/domain/rules/plan180';
import type { GlobalPosition } from '../../../src/eventStore/eventStore';
import { testContext } from '../../support/fixtures';

/** A clock that only moves when told: every command is recorded one second after the one before. */
export function steppingClock(startIso = '2024-12-20T02:00:00Z') {
  let now = Date.parse(startIso);
  return {
    ms: () => now,
    context: (overrides: Partial<CommandContext> = {}) => testContext({ now: new Date(now), ...overrides }),
    advance: () => void (now += 1000),
  };
}
export type SteppingClock = ReturnType<typeof steppingClock>;

/** One change to the registry, what it changes in the read models, and when and where it was recorded. */
export interface Change {
  readonly name: string;
  readonly observe: (models: ReadModels) => unknown;
  readonly before: unknown;
  readonly after: unknown;
  /** Half a second before and after the change's events were recorded. */
  readonly instantBefore: Date;
  readonly instantAfter: Date;
  /** The last position before the change (null at the start of the log) and the change's last position. */
  readonly positionBefore: GlobalPosition | null;
  readonly positionAfter: GlobalPosition;
}

interface ChangeSpec {
  name: string;
  run: (registry: Registry, context: CommandContext) => Promise<CommandResult<unknown>>;
  observe: (models: ReadModels) => unknown;
  before: unknown;
  after: unknown;
}

const plan = (registry: Registry, context: CommandContext) =>
  registry.adoptPlan({ ...PLAN_180, targets: PLAN_180.targets.map((t) => ({ ...t })) }, context);

/** Every kind of change the registry records, each with a read-model fact it changes. */
export const CHANGES: ChangeSpec[] = [
  { name: 'plan adopted', run: plan, observe: (m) => m.plans.get('06-2024')?.revisions, before: undefined, after: 0 },
  {
    name: 'subject registered',
    run: (r, c) =>
      r.registerSubject(
        { subjectId: 's1', name: 'HTX Na Rì', kind: 'COOPERATIVE', districtCode: '066', registeredOn: '2024-03-01' },
        c,
      ),
    observe: (m) => m.subjects.has('s1'),
    before: false,
    after: true,
  },
  {
    name: 'product registered',
    run: (r, c) =>
      r.registerProduct(
        {
          productId: 'p1',
          subjectId: 's1',
          name: 'Miến dong',
          group: 'FOOD',
          registrationKind: 'NEW',
          registeredOn: '2024-03-15',
        },
        c,
      ),
    observe: (m) => m.products.has('p1'),
    before: false,
    after: true,
  },
  {
    name: 'certificate issued',
    run: (r, c) =>
      r.awardStars({ productId: 'p1', level: 'DISTRICT', score: 62, decisionNo: 'D-1', decidedOn: '2024-10-15' }, c),
    observe: (m) => m.certificates.get('p1.C1')?.stars,
    before: undefined,
    after: 3,
  },
  {
    name: 'certificate superseded',
    run: (r, c) =>
      r.awardStars({ productId: 'p1', level: 'PROVINCE', score: 75, decisionNo: 'P-1', decidedOn: '2024-11-20' }, c),
    observe: (m) => m.certificates.get('p1.C1')?.supersededBy,
    before: null,
    after: 'p1.C2',
  },
  {
    name: 'linkage recorded',
    run: (r, c) =>
      r.recordLinkage({ subjectId: 's1', partnerName: 'Siêu thị', kind: 'CONSUMPTION', startedOn: '2024-04-01' }, c),
    observe: (m) => m.subjects.get('s1')?.linkages.length,
    before: 0,
    after: 1,
  },
  {
    name: 'support recorded',
    run: (r, c) =>
      r.recordSupport(
        { subjectId: 's1', programme: 'CONSOLIDATION', providedOn: '2024-06-01', description: 'Củng cố' },
        c,
      ),
    observe: (m) => m.subjects.get('s1')?.supports.length,
    before: 0,
    after: 1,
  },
  {
    name: 'traceability recorded',
    run: (r, c) => r.recordTraceability({ productId: 'p1', system: 'check.vn', enabledOn: '2024-05-01' }, c),
    observe: (m) => m.products.get('p1')?.traceability.length,
    before: 0,
    after: 1,
  },
  {
    name: 'quality certification recorded',
    run: (r, c) =>
      r.recordQualityCertification(
        { productId: 'p1', standard: 'VIETGAP', certificateNo: 'VG-1', issuedOn: '2024-04-01', validUntil: null },
        c,
      ),
    observe: (m) => m.products.get('p1')?.qualityCertifications.length,
    before: 0,
    after: 1,
  },
  {
    name: 'certificate revoked',
    run: (r, c) =>
      r.revokeCertificate(
        {
          certificateId: 'p1.C2',
          reason: 'FOOD_SAFETY_VIOLATION',
          details: 'Vi phạm',
          decisionNo: 'R-1',
          decidedOn: '2024-12-10',
        },
        c,
      ),
    observe: (m) => m.certificates.get('p1.C2')?.revocation?.decisionNo,
    before: undefined,
    after: 'R-1',
  },
  { name: 'plan revised', run: plan, observe: (m) => m.plans.get('06-2024')?.revisions, before: 0, after: 1 },
];

/** Records every change, one second apart, and says when and where each one landed. */
export async function recordChanges(
  registry: Registry,
  clock: SteppingClock,
  afterEach: (position: GlobalPosition) => Promise<void> = async () => undefined,
): Promise<Change[]> {
  const changes: Change[] = [];
  let previous: GlobalPosition | null = null;
  for (const spec of CHANGES) {
    clock.advance();
    const result = await spec.run(registry, clock.context());
    if (!result.position) throw new Error(`${spec.name} appended nothing`);
    await afterEach(result.position);
    changes.push({
      ...spec,
      instantBefore: new Date(clock.ms() - 500),
      instantAfter: new Date(clock.ms() + 500),
      positionBefore: previous,
      positionAfter: result.position,
    });
    previous = result.position;
  }
  return changes;
}
