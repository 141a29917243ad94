import {
  type CommandRequest,
  GRANTS,
  type LocalAction,
  type Where,
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

/** An old Na Rì subject of old commune 02173 (Xã Côn Minh until 2025-06-30, within 02185 Xã Côn Minh after). */
const naRi = (day: string): Where => ({
  placement: { districtCode: '066', communes: [{ code: '02173', on: '2024-03-01' }] },
  day,
});
/** A subject registered in 2026 in 02155 Xã Na Rì (province 19 Thái Nguyên). */
const xaNaRi = (day: string): Where => ({
  placement: { districtCode: null, communes: [{ code: '02155', on: '2026-01-10' }] },
  day,
});
const BEFORE = '2025-06-30';
const AFTER = '2025-07-01';

describe('covers: where and when an office acts', () => {
  it.each([
    ['a district officer, its own district, before 2025-07-01', actor('DISTRICT_OFFICER', '066'), naRi(BEFORE), true],
    ['a district officer, its own district, from 2025-07-01', actor('DISTRICT_OFFICER', '066'), naRi(AFTER), false],
    ['a district officer, a neighbouring district', actor('DISTRICT_OFFICER', '064'), naRi(BEFORE), false],
    ['a "district" officer whose unit is a province', actor('DISTRICT_OFFICER', '06'), naRi(BEFORE), false],
    ['the provincial officer of 06, before 2025-07-01', actor('PROVINCIAL_OFFICER', '06'), naRi(BEFORE), true],
    ['the provincial officer of 06, from 2025-07-01', actor('PROVINCIAL_OFFICER', '06'), naRi(AFTER), false],
    [
      'the provincial officer of 19, the former Bắc Kạn before (its successor completes its records)',
      actor('PROVINCIAL_OFFICER', '19'),
      naRi(BEFORE),
      true,
    ],
    ['the provincial officer of 20, the former Bắc Kạn before', actor('PROVINCIAL_OFFICER', '20'), naRi(BEFORE), false],
    ['the provincial officer of 19, the former Bắc Kạn after', actor('PROVINCIAL_OFFICER', '19'), naRi(AFTER), true],
    [
      'the provincial officer of 19, a 2026 subject of 02155',
      actor('PROVINCIAL_OFFICER', '19'),
      xaNaRi('2026-02-01'),
      true,
    ],
    ['the provincial officer of 20, a subject of 19', actor('PROVINCIAL_OFFICER', '20'), xaNaRi('2026-02-01'), false],
    ['a commune officer, its commune', actor('COMMUNE_OFFICER', '02155'), xaNaRi('2026-02-01'), true],
    ['a commune officer, another commune', actor('COMMUNE_OFFICER', '02185'), xaNaRi('2026-02-01'), false],
    [
      'a commune officer, the old commune that became its commune',
      actor('COMMUNE_OFFICER', '02185'),
      naRi(AFTER),
      true,
    ],
    ['a commune officer, before 2025-07-01', actor('COMMUNE_OFFICER', '02173'), naRi(BEFORE), false],
    ['the national council, either side', actor('NATIONAL_COUNCIL', 'VN'), naRi(BEFORE), true],
    ['a national council token for a province', actor('NATIONAL_COUNCIL', '19'), naRi(AFTER), false],
    ['an auditor', actor('AUDITOR', 'VN'), naRi(AFTER), false],
    ['the system', actor('SYSTEM', null), naRi(AFTER), true],
    [
      'anyone, for a place the registry cannot read (the decider refuses it)',
      actor('DISTRICT_OFFICER', '066'),
      { placement: { districtCode: '999', communes: [] }, day: BEFORE },
      true,
    ],
  ])('%s', (_name, who, where, expected) => {
    expect(covers(who, where)).toBe(expected);
  });
});

describe('authorize', () => {
  const proposalActions = ['ProposeProduct', 'ReturnProposal'];
  const localActions = Object.keys(GRANTS).filter(
    (a) => a !== 'AdoptPlan' && !proposalActions.includes(a),
  ) as LocalAction[];

  it('should let the officers of the place record, each on its side of 2025-07-01, and nobody else', () => {
    for (const action of localActions) {
      expect(allows(actor('DISTRICT_OFFICER', '066'), { action, where: naRi(BEFORE) })).toBe(true);
      expect(allows(actor('PROVINCIAL_OFFICER', '06'), { action, where: naRi(BEFORE) })).toBe(true);
      expect(allows(actor('COMMUNE_OFFICER', '02155'), { action, where: xaNaRi('2026-02-01') })).toBe(true);
      expect(allows(actor('PROVINCIAL_OFFICER', '19'), { action, where: xaNaRi('2026-02-01') })).toBe(true);
      expect(allows(actor('DISTRICT_OFFICER', '066'), { action, where: naRi(AFTER) })).toBe(false);
      for (const role of ['NATIONAL_COUNCIL', 'AUDITOR', 'ANALYST', 'SYSTEM'] as const) {
        expect(allows(actor(role, role === 'SYSTEM' ? null : 'VN'), { action, where: naRi(BEFORE) })).toBe(false);
      }
    }
  });

  describe('revocation, by the level that recognised the certificate and the decision date', () => {
    const revokers = [
      actor('DISTRICT_OFFICER', '066'),
      actor('PROVINCIAL_OFFICER', '06'),
      actor('PROVINCIAL_OFFICER', '19'),
      actor('COMMUNE_OFFICER', '02185'),
      actor('NATIONAL_COUNCIL', 'VN'),
      actor('AUDITOR', 'VN'),
      actor('ANALYST', 'VN'),
    ];
    it.each([
      // Thái Nguyên's office (19) records Bắc Kạn's own decisions of before the merger, as its successor.
      ['DISTRICT', BEFORE, ['DISTRICT_OFFICER-066', 'PROVINCIAL_OFFICER-19']],
      ['DISTRICT', AFTER, ['PROVINCIAL_OFFICER-19']],
      ['PROVINCE', BEFORE, ['PROVINCIAL_OFFICER-06', 'PROVINCIAL_OFFICER-19']],
      ['PROVINCE', AFTER, ['PROVINCIAL_OFFICER-19']],
      ['NATIONAL', BEFORE, ['NATIONAL_COUNCIL-VN']],
      ['NATIONAL', AFTER, ['NATIONAL_COUNCIL-VN']],
    ] as const)('should let a %s certificate revoked on %s be revoked by %j only', (issuedBy, day, allowed) => {
      const request = { action: 'RevokeCertificate', issuedBy, where: naRi(day) } as const;
      expect(revokers.filter((who) => allows(who, request)).map((who) => who.id)).toEqual(allowed);
    });
    it("should keep a district officer to its own district's certificates", () => {
      const request = { action: 'RevokeCertificate', issuedBy: 'DISTRICT', where: naRi(BEFORE) } as const;
      expect(allows(actor('DISTRICT_OFFICER', '064'), request)).toBe(false);
    });
    it('should say which certificate a refusal is about', () => {
      const request = { action: 'RevokeCertificate', issuedBy: 'NATIONAL', where: naRi(BEFORE) } as const;
      expect(() => authorize(actor('PROVINCIAL_OFFICER', '06'), request)).toThrow(
        'PROVINCIAL_OFFICER may not RevokeCertificate of a NATIONAL certificate',
      );
    });
  });

  describe("the commune's proposal and its return", () => {
    const propose = (where: Where) => ({ action: 'ProposeProduct', where }) as const;
    it('should let the commune officer of the place, or the province, propose', () => {
      expect(allows(actor('COMMUNE_OFFICER', '02155'), propose(xaNaRi('2026-04-10')))).toBe(true);
      expect(allows(actor('PROVINCIAL_OFFICER', '19'), propose(xaNaRi('2026-04-10')))).toBe(true);
      expect(allows(actor('COMMUNE_OFFICER', '02185'), propose(xaNaRi('2026-04-10')))).toBe(false);
      expect(allows(actor('DISTRICT_OFFICER', '066'), propose(naRi(BEFORE)))).toBe(false);
    });
    it('should let only the province return a dossier', () => {
      const back = { action: 'ReturnProposal', where: xaNaRi('2026-04-20') } as const;
      expect(allows(actor('PROVINCIAL_OFFICER', '19'), back)).toBe(true);
      expect(allows(actor('COMMUNE_OFFICER', '02155'), back)).toBe(false);
    });
  });

  describe("the successor's office, for the abolished province's past", () => {
    it('should let 19 record a 2024 result of either Bắc Kạn level for a place now in 19', () => {
      for (const level of ['DISTRICT', 'PROVINCE'] as const) {
        expect(
          allows(actor('PROVINCIAL_OFFICER', '19'), { action: 'AwardStars', level, where: naRi('2024-10-15') }),
        ).toBe(true);
      }
    });
    it("should leave the centre's decisions to the centre, and other provinces out", () => {
      const national = { action: 'AwardStars', level: 'NATIONAL', where: naRi('2024-10-15') } as const;
      expect(allows(actor('PROVINCIAL_OFFICER', '19'), national)).toBe(false);
      const provincial = { action: 'AwardStars', level: 'PROVINCE', where: naRi('2024-10-15') } as const;
      expect(allows(actor('PROVINCIAL_OFFICER', '20'), provincial)).toBe(false);
    });
  });

  it('should leave plans to a province that exists on the adoption day', () => {
    const plan = (provinceCode: string, day: string) => ({ action: 'AdoptPlan', provinceCode, day }) as const;
    expect(allows(actor('PROVINCIAL_OFFICER', '06'), plan('06', '2024-03-22'))).toBe(true);
    expect(allows(actor('PROVINCIAL_OFFICER', '06'), plan('06', '2025-08-01'))).toBe(false);
    expect(allows(actor('PROVINCIAL_OFFICER', '19'), plan('19', '2026-01-05'))).toBe(true);
    expect(allows(actor('PROVINCIAL_OFFICER', '20'), plan('19', '2026-01-05'))).toBe(false);
    expect(allows(actor('SYSTEM', null), plan('06', '2024-03-22'))).toBe(true);
    expect(allows(actor('COMMUNE_OFFICER', '02155'), plan('19', '2026-01-05'))).toBe(false);
  });

  it('should leave a plan for a province that does not exist on its date to the decider, which names the successor', () => {
    expect(
      allows(actor('PROVINCIAL_OFFICER', '19'), { action: 'AdoptPlan', provinceCode: '06', day: '2026-01-05' }),
    ).toBe(true);
  });

  it('should judge a command on a target that does not exist by role alone', () => {
    expect(allows(actor('COMMUNE_OFFICER', '02155'), { action: 'RecordLinkage', where: null })).toBe(true);
    expect(allows(actor('AUDITOR', 'VN'), { action: 'RecordLinkage', where: null })).toBe(false);
  });

  it('should refuse with FORBIDDEN and say who may not do what where and when', () => {
    expect(() => authorize(actor('DISTRICT_OFFICER', '066'), { action: 'RecordSupport', where: naRi(AFTER) })).toThrow(
      expect.objectContaining({
        code: 'FORBIDDEN',
        message: 'DISTRICT_OFFICER of 066 may not RecordSupport in 02185 on 2025-07-01',
      }),
    );
  });
});
