/**
 * Builds the project's copy of the administrative-unit reference data from the shared sources
 * (see src/domain/rules/units/data/README.md): the 34 provinces and their communes from 2025-07-01,
 * Bắc Kạn's districts and old communes until 2025-06-30, and the old → new commune mapping.
 * Pure: source JSON in, file contents out, so a test can compare them with the committed files.
 */

export interface SourceUnits {
  Code: string;
  Name: string;
  FullName: string;
  Wards: { Code: string; FullName: string; ProvinceCode: string }[];
}

export interface SourceMapping {
  source: string;
  columns: string[];
  rows: (string | null)[][];
}

/** GSO district codes of Bắc Kạn as Plan 180 uses them, by the district names the mapping carries. */
export const BAC_KAN_DISTRICTS: readonly { code: string; name: string; mappingName: string }[] = [
  { code: '058', name: 'Thành phố Bắc Kạn', mappingName: 'Thành phố Bắc Kạn' },
  { code: '060', name: 'Pác Nặm', mappingName: 'Huyện Pác Nặm' },
  { code: '061', name: 'Ba Bể', mappingName: 'Huyện Ba Bể' },
  { code: '062', name: 'Ngân Sơn', mappingName: 'Huyện Ngân Sơn' },
  { code: '063', name: 'Bạch Thông', mappingName: 'Huyện Bạch Thông' },
  { code: '064', name: 'Chợ Đồn', mappingName: 'Huyện Chợ Đồn' },
  { code: '065', name: 'Chợ Mới', mappingName: 'Huyện Chợ Mới' },
  { code: '066', name: 'Na Rì', mappingName: 'Huyện Na Rì' },
];
const BAC_KAN = { code: '06', name: 'Bắc Kạn', mappingName: 'Tỉnh Bắc Kạn' };

export const UNITS_SOURCE =
  'vietnamese-provinces-database (github.com/thanglequoc/vietnamese-provinces-database), ' +
  'json/simplified_json_generated_data_vn_units_2026-07-25__20_49_07.json, commit cd58063; MIT';

export const FILES = {
  units: 'units-from-2025-07-01.json',
  bacKan: 'bac-kan-until-2025-06-30.json',
  mapping: 'commune-mapping-2025-07-01.json',
} as const;

type Column = 'old_ward_code' | 'old_ward_name' | 'old_district_name' | 'old_province_name' | 'new_ward_code';

function column(mapping: SourceMapping, name: Column): number {
  const index = mapping.columns.indexOf(name);
  if (index < 0) throw new Error(`The mapping has no column ${name}`);
  return index;
}

/** One unit per line: the files stay readable in a diff and small on disk. */
function render(header: Record<string, unknown>, listKey: string, lines: unknown[]): string {
  const head = JSON.stringify(header).slice(0, -1);
  const body = lines.map((line) => `  ${JSON.stringify(line)}`).join(',\n');
  return `${head},${JSON.stringify(listKey)}:[\n${body}\n]}\n`;
}

export function generate(units: SourceUnits[], mapping: SourceMapping): Record<keyof typeof FILES, string> {
  const provinces = [...units].sort((a, b) => a.Code.localeCompare(b.Code));
  const communes = provinces.flatMap((p) =>
    [...p.Wards].sort((a, b) => a.Code.localeCompare(b.Code)).map((w) => [w.Code, w.FullName, p.Code]),
  );
  const unitsFile = render(
    {
      from: '2025-07-01',
      source: UNITS_SOURCE,
      provinces: provinces.map((p) => [p.Code, p.Name]),
    },
    'communes',
    communes,
  );

  const [oldCode, oldName, oldDistrict, oldProvince, newCode] = (
    ['old_ward_code', 'old_ward_name', 'old_district_name', 'old_province_name', 'new_ward_code'] as const
  ).map((name) => column(mapping, name)) as [number, number, number, number, number];
  const rows = mapping.rows
    .filter((row) => row[oldProvince] === BAC_KAN.mappingName)
    .sort((a, b) => String(a[oldCode]).localeCompare(String(b[oldCode])));
  const districtOf = new Map(BAC_KAN_DISTRICTS.map((d) => [d.mappingName, d.code]));
  const oldCommunes = rows.map((row) => {
    const district = districtOf.get(String(row[oldDistrict]));
    if (!district) throw new Error(`Unknown Bắc Kạn district in the mapping: ${row[oldDistrict]}`);
    return [row[oldCode], row[oldName], district];
  });
  const newProvinceOf = new Map(communes.map(([code, , province]) => [code, province]));
  const successors = [...new Set(rows.map((row) => newProvinceOf.get(String(row[newCode])) ?? '?'))];
  const bacKanFile = render(
    {
      until: '2025-06-30',
      source: `districts: GSO codes as in Plan 180/KH-UBND; communes: ${mapping.source}`,
      province: [BAC_KAN.code, BAC_KAN.name],
      successors,
      districts: BAC_KAN_DISTRICTS.map((d) => [d.code, d.name]),
    },
    'communes',
    oldCommunes,
  );
  const mappingFile = render(
    { effective: '2025-07-01', source: `${mapping.source}; the rows of ${BAC_KAN.mappingName}` },
    'rows',
    rows.map((row) => [row[oldCode], row[newCode]]),
  );
  return { units: unitsFile, bacKan: bacKanFile, mapping: mappingFile };
}
