/** What the committed reference data must hold; `npm run refdata` and a unit test both run these checks. */

export interface UnitsFile {
  from: string;
  source: string;
  provinces: [code: string, name: string][];
  communes: [code: string, name: string, provinceCode: string][];
}

export interface BacKanFile {
  until: string;
  source: string;
  province: [code: string, name: string];
  successors: string[];
  districts: [code: string, name: string][];
  communes: [code: string, name: string, districtCode: string][];
}

export interface MappingFile {
  effective: string;
  source: string;
  rows: [oldCode: string, newCode: string][];
}

/** Counts the sources state (Resolution 202/2025/QH15, Resolution 1683/NQ-UBTVQH15, domain.md). */
export const EXPECTED = {
  provinces: 34,
  communes: 3321,
  thaiNguyenUnits: 92,
  bacKanDistricts: 8,
  bacKanOldCommunes: 108,
  bacKanNewUnits: 37,
} as const;

function duplicates(codes: string[]): string[] {
  const seen = new Set<string>();
  return codes.filter((code) => (seen.has(code) ? true : (seen.add(code), false)));
}

/** Every failed check, in words; empty when the files hold. */
export function checkReferenceData(units: UnitsFile, bacKan: BacKanFile, mapping: MappingFile): string[] {
  const failures: string[] = [];
  const expect = (ok: boolean, what: string) => {
    if (!ok) failures.push(what);
  };
  const count = (what: string, actual: number, expected: number) =>
    expect(actual === expected, `${what}: ${actual}, expected ${expected}`);

  count('provinces from 2025-07-01', units.provinces.length, EXPECTED.provinces);
  count('communes and wards from 2025-07-01', units.communes.length, EXPECTED.communes);
  const provinceCodes = new Set(units.provinces.map(([code]) => code));
  for (const code of duplicates(units.provinces.map(([c]) => c))) failures.push(`province ${code} appears twice`);
  for (const code of duplicates(units.communes.map(([c]) => c))) failures.push(`commune ${code} appears twice`);
  for (const [code, , province] of units.communes) {
    expect(provinceCodes.has(province), `commune ${code} names unknown province ${province}`);
  }
  count('units of Thái Nguyên (19)', units.communes.filter(([, , p]) => p === '19').length, EXPECTED.thaiNguyenUnits);

  count('Bắc Kạn districts', bacKan.districts.length, EXPECTED.bacKanDistricts);
  count('Bắc Kạn old communes', bacKan.communes.length, EXPECTED.bacKanOldCommunes);
  const districtCodes = new Set(bacKan.districts.map(([code]) => code));
  for (const code of duplicates(bacKan.communes.map(([c]) => c))) failures.push(`old commune ${code} appears twice`);
  for (const [code, , district] of bacKan.communes) {
    expect(districtCodes.has(district), `old commune ${code} names unknown district ${district}`);
  }
  for (const successor of bacKan.successors) {
    expect(provinceCodes.has(successor), `successor province ${successor} does not exist from 2025-07-01`);
  }

  const oldCodes = new Set(bacKan.communes.map(([code]) => code));
  const newProvince = new Map(units.communes.map(([code, , province]) => [code, province]));
  for (const [oldCode, newCode] of mapping.rows) {
    expect(oldCodes.has(oldCode), `mapped old commune ${oldCode} is not among Bắc Kạn's old communes`);
    expect(newProvince.has(newCode), `old commune ${oldCode} maps to ${newCode}, which does not exist from 2025-07-01`);
    const province = newProvince.get(newCode);
    if (province !== undefined) {
      expect(bacKan.successors.includes(province), `${oldCode} → ${newCode} leaves the successor provinces`);
    }
  }
  for (const code of duplicates(mapping.rows.map(([o]) => o))) failures.push(`old commune ${code} is mapped twice`);
  const mapped = new Set(mapping.rows.map(([o]) => o));
  for (const code of oldCodes) expect(mapped.has(code), `old commune ${code} has no new commune`);
  count('new units taking Bắc Kạn communes', new Set(mapping.rows.map(([, n]) => n)).size, EXPECTED.bacKanNewUnits);
  return failures;
}
