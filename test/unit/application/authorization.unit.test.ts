import {
  type CommandRequest,
  type DistrictAction,
  GRANTS,
  authorize,
  covers,
} from '../../../src/application/authorization';
import type { Actor, Role } from '../../../src/application/metadata';
import { ForbiddenError } from '../../../src/core/errors';

const actor = (role: Role, unit: string | null): Actor => ({ id: `${role}-${unit}`, role, unit });
const allows = (who: Actor, request: CommandRequest): boolean => {
  try {
    authorize(who, request);
    return true;
  } catch (error) {
    if (error instanceof ForbiddenError) return false;
    throw error;
  }
};

describe('covers: the units an office acts in', () => {
  it.each([
    ['a district officer, in its own district', actor('DISTRICT_OFFICER', '066'), '066', true],
    ['a district officer, in a neighbouring district', actor('DISTRICT_OFFICER', '066'), '064', false],
    ['a district officer, in its province', actor('DISTRICT_OFFICER', '066'), '06', false],
    ['a "district" officer whose unit is a province', actor('DISTRICT_OFFICER', '06'), '066', false],
    ['a provincial officer, in its province', actor('PROVINCIAL_OFFICER', '06'), '06', true],
    ['a provincial officer, in a district of its province', actor('PROVINCIAL_OFFICER', '06'), '058', true],
    ['a provincial officer of another province', actor('PROVINCIAL_OFFICER', '19'), '066', false],
    ['a "provincial" officer whose unit is a district', actor('PROVINCIAL_OFFICER', '066'), '066', false],
    ['the national council of the country', actor('NATIONAL_COUNCIL', 'VN'), '066', true],
    ['a national council token for a province', actor('NATIONAL_COUNCIL', '06'), '066', false],
    ['an auditor', actor('AUDITOR', 'VN'), '066', false],
    ['an analyst', actor('ANALYST', '06'), '06', false],
    ['the system', actor('SYSTEM', null), '06', true],
    ['anyone, for a unit the registry does not know (the decider refuses it)', actor('ANALYST', 'VN'), '999', true],
  ])('%s: %s', (_name, who, unit, expected) => {
    expect(covers(who, unit)).toBe(expected);
  });
});

describe('authorize', () => {
  const districtActions = Object.keys(GRANTS).filter((a) => a !== 'AdoptPlan') as DistrictAction[];

  it('should let both kinds of officer record in their own district, and nobody else', () => {
    for (const action of districtActions.filter((a) => a !== 'RevokeCertificate')) {
      expect(allows(actor('DISTRICT_OFFICER', '066'), { action, unitCode: '066' })).toBe(true);
      expect(allows(actor('PROVINCIAL_OFFICER', '06'), { action, unitCode: '066' })).toBe(true);
      expect(allows(actor('DISTRICT_OFFICER', '061'), { action, unitCode: '066' })).toBe(false);
      for (const role of ['NATIONAL_COUNCIL', 'AUDITOR', 'ANALYST', 'SYSTEM'] as const) {
        expect(allows(actor(role, role === 'SYSTEM' ? null : 'VN'), { action, unitCode: '066' })).toBe(false);
      }
    }
  });

  it('should leave revocations and plans to the province (and the start-up seeding)', () => {
    const revoke = { action: 'RevokeCertificate', unitCode: '066' } as const;
    expect(allows(actor('PROVINCIAL_OFFICER', '06'), revoke)).toBe(true);
    expect(allows(actor('DISTRICT_OFFICER', '066'), revoke)).toBe(false);
    const plan = { action: 'AdoptPlan', unitCode: '06' } as const;
    expect(allows(actor('PROVINCIAL_OFFICER', '06'), plan)).toBe(true);
    expect(allows(actor('PROVINCIAL_OFFICER', '19'), plan)).toBe(false);
    expect(allows(actor('SYSTEM', null), plan)).toBe(true);
    expect(allows(actor('NATIONAL_COUNCIL', 'VN'), plan)).toBe(false);
  });

  it.each([
    ['DISTRICT', ['DISTRICT_OFFICER', 'PROVINCIAL_OFFICER']],
    ['PROVINCE', ['PROVINCIAL_OFFICER']],
    ['NATIONAL', ['NATIONAL_COUNCIL']],
  ] as const)('should let only %s councils be recorded by %j', (level, roles) => {
    const units: Record<string, string> = { DISTRICT_OFFICER: '066', PROVINCIAL_OFFICER: '06' };
    for (const role of ['DISTRICT_OFFICER', 'PROVINCIAL_OFFICER', 'NATIONAL_COUNCIL', 'AUDITOR', 'ANALYST'] as const) {
      const who = actor(role, units[role] ?? 'VN');
      expect([role, allows(who, { action: 'AwardStars', level, unitCode: '066' })]).toEqual([
        role,
        (roles as readonly string[]).includes(role),
      ]);
    }
  });

  it('should judge a command on a target that does not exist by role alone', () => {
    expect(allows(actor('DISTRICT_OFFICER', '066'), { action: 'RecordLinkage', unitCode: null })).toBe(true);
    expect(allows(actor('AUDITOR', 'VN'), { action: 'RecordLinkage', unitCode: null })).toBe(false);
  });

  it('should refuse with FORBIDDEN and say who may not do what where', () => {
    expect(() => authorize(actor('DISTRICT_OFFICER', '061'), { action: 'RecordSupport', unitCode: '066' })).toThrow(
      expect.objectContaining({
        code: 'FORBIDDEN',
        message: 'DISTRICT_OFFICER of 061 may not RecordSupport in 066',
      }),
    );
  });
});
