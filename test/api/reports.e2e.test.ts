import { PLAN_180 } from '../../src/domain/rules/plan180';
import { seedPlan180 } from '../../src/application/seedPlan';
import { type TestServer, startTestServer } from '../support/testServer';
import { DISTRICT_TARGETS, QUALITY_MANAGEMENT } from '../support/operations';

type Row = { unit: { code: string }; [indicator: string]: unknown };

describe('Reports on a fresh store', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  const expectAnnex = (rows: Row[], fields: (keyof (typeof PLAN_180.targets)[number])[]) => {
    for (const target of PLAN_180.targets) {
      const row = rows.find((r) => r.unit.code === target.districtCode)!;
      for (const field of fields) expect(row[field]).toEqual({ target: target[field], actual: 0 });
    }
  };

  it('should reproduce Annex 1 of Plan 180 with every actual at 0', async () => {
    const { data } = await server.gql<{ districtTargets: { planReference: string; districts: Row[]; total: Row } }>(
      DISTRICT_TARGETS,
      { year: 2024 },
    );
    const report = data!.districtTargets;
    expect(report.planReference).toBe('180/KH-UBND');
    expect(report.districts).toHaveLength(8);
    expectAnnex(report.districts, ['newProducts3Star', 'consolidatedSubjects', 'newSubjects']);
    expect(report.total).toMatchObject({
      unit: { code: '06', name: 'Bắc Kạn' },
      newProducts3Star: { target: 20, actual: 0 },
      consolidatedSubjects: { target: 8, actual: 0 },
      newSubjects: { target: 8, actual: 0 },
    });
  });

  it('should reproduce Annex 2 of Plan 180 with every actual at 0', async () => {
    const { data } = await server.gql<{ qualityManagement: { districts: Row[]; total: Row } }>(QUALITY_MANAGEMENT, {
      year: 2024,
    });
    const report = data!.qualityManagement;
    expectAnnex(report.districts, ['traceabilityProducts', 'linkageSubjects', 'advancedQmProducts']);
    expect(report.total).toMatchObject({
      traceabilityProducts: { target: 20, actual: 0 },
      linkageSubjects: { target: 25, actual: 0 },
      advancedQmProducts: { target: 37, actual: 0 },
    });
  });

  it('should adopt the plan once, however often the service starts', async () => {
    const planEvents = (await server.events()).filter((e) => e.streamId === 'ocop-plan-06-2024');
    expect(planEvents.map((e) => e.type)).toEqual(['PlanAdopted']);
    await seedPlan180(server.services);
    expect((await server.events()).filter((e) => e.streamId === 'ocop-plan-06-2024')).toHaveLength(1);
  });

  it('should show zero targets for a year without a plan', async () => {
    const { data } = await server.gql<{ districtTargets: { planReference: null; total: Row } }>(DISTRICT_TARGETS, {
      year: 2025,
    });
    expect(data!.districtTargets.planReference).toBeNull();
    expect(data!.districtTargets.total['newSubjects']).toEqual({ target: 0, actual: 0 });
  });
});
