import { communeOnDay, locate, registeredDistrict } from '../../../src/domain/rules/units/placement';
import {
  communeAfterReorganisation,
  communeOn,
  daysOfProvinceIn,
  districtOn,
  provinceOn,
  successorsOf,
  unitOn,
  unitsOf,
} from '../../../src/domain/rules/units/units';

describe('a code read on a date', () => {
  it('should name 02185 Xã Quang Phong of Na Rì until 2025-06-30 and Xã Côn Minh of Thái Nguyên from 2025-07-01', () => {
    expect(communeOn('02185', '2025-06-30')).toMatchObject({
      name: 'Xã Quang Phong',
      districtCode: '066',
      provinceCode: '06',
    });
    expect(communeOn('02185', '2025-07-01')).toMatchObject({
      name: 'Xã Côn Minh',
      districtCode: null,
      provinceCode: '19',
    });
  });

  it('should know district 066 Na Rì only until 2025-06-30', () => {
    expect(districtOn('066', '2025-06-30')?.name).toBe('Na Rì');
    expect(districtOn('066', '2025-07-01')).toBeUndefined();
  });

  it('should know province 06 Bắc Kạn only until 2025-06-30, succeeded by 19 Thái Nguyên', () => {
    expect(provinceOn('06', '2024-12-31')?.name).toBe('Bắc Kạn');
    expect(provinceOn('06', '2026-01-01')).toBeUndefined();
    expect(successorsOf('06')).toEqual(['19']);
    expect(provinceOn('19', '2026-01-01')?.name).toBe('Thái Nguyên');
  });

  it('should know no commune of 2026 by an old-only code, and no level but the one the code names', () => {
    expect(communeOn('02173', '2026-01-01')).toBeUndefined();
    expect(communeOn('02173', '2024-01-01')?.name).toBe('Xã Côn Minh');
    expect(provinceOn('066', '2024-01-01')).toBeUndefined();
    expect(unitOn('99999', '2024-01-01')).toBeUndefined();
  });

  it('should follow old commune 02173 to 02185 and every Bắc Kạn commune into province 19', () => {
    expect(communeAfterReorganisation('02173')).toBe('02185');
    expect(communeOn(communeAfterReorganisation('02155')!, '2026-01-01')?.name).toBe('Xã Na Rì');
  });
});

describe('the units of a province on a date', () => {
  it("should be Bắc Kạn's 8 districts in 2024 and Thái Nguyên's 92 communes and wards in 2026", () => {
    expect(unitsOf('06', '2024-06-01').map((u) => u.code)).toEqual([
      '058',
      '060',
      '061',
      '062',
      '063',
      '064',
      '065',
      '066',
    ]);
    expect(unitsOf('19', '2026-06-01')).toHaveLength(92);
    expect(unitsOf('06', '2026-06-01')).toEqual([]);
  });

  it('should give the days of a year a province existed on', () => {
    expect(daysOfProvinceIn('06', 2024)).toEqual({ first: '2024-01-01', last: '2024-12-31' });
    expect(daysOfProvinceIn('06', 2025)).toEqual({ first: '2025-01-01', last: '2025-06-30' });
    expect(daysOfProvinceIn('19', 2025)).toEqual({ first: '2025-07-01', last: '2025-12-31' });
    expect(daysOfProvinceIn('06', 2026)).toBeNull();
  });
});

describe('where a placement is on a day', () => {
  const oldNaRi = { districtCode: '066', communes: [{ code: '02173', on: '2024-03-01' }] };

  it('should place an old Na Rì subject of old commune 02173 in commune 02185 of province 19 today', () => {
    const today = locate(oldNaRi, '2026-11-29');
    expect(today.commune).toMatchObject({ code: '02185', name: 'Xã Côn Minh' });
    expect(today.province).toMatchObject({ code: '19', name: 'Thái Nguyên' });
  });

  it('should place it in old commune 02173 of province 06 in 2024', () => {
    const then = locate(oldNaRi, '2024-12-31');
    expect(then.commune).toMatchObject({ code: '02173', name: 'Xã Côn Minh', districtCode: '066' });
    expect(then.province?.code).toBe('06');
  });

  it('should place a subject with a district and no commune in province 19 with no commune after 2025-07-01', () => {
    expect(locate({ districtCode: '066', communes: [] }, '2026-01-01')).toMatchObject({
      commune: null,
      province: { code: '19' },
    });
  });

  it('should take the latest commune record dated on or before the day', () => {
    const moved = {
      districtCode: null,
      communes: [
        { code: '02155', on: '2025-08-01' },
        { code: '02185', on: '2026-02-01' },
      ],
    };
    expect(communeOnDay(moved, '2025-07-31')).toBeNull();
    expect(communeOnDay(moved, '2026-01-31')?.code).toBe('02155');
    expect(communeOnDay(moved, '2026-02-01')?.code).toBe('02185');
  });

  it('should keep naming the registered district as on its last day', () => {
    expect(registeredDistrict(oldNaRi, '2026-01-01')?.name).toBe('Na Rì');
  });
});
