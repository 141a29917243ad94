/**
 * Plan 180/KH-UBND (Bắc Kạn People's Committee, 22/03/2024): the 2024 targets of Annex 1
 * (product development) and Annex 2 (quality of recognised products), per district.
 * Ngân Sơn's consolidation target is blank in the plan and counts as 0.
 */
export const PLAN_180 = {
  reference: '180/KH-UBND',
  provinceCode: '06',
  year: 2024,
  adoptedOn: '2024-03-22',
  targets: [
    { districtCode: '060', newProducts3Star: 1, consolidatedSubjects: 1, newSubjects: 1, traceabilityProducts: 0, linkageSubjects: 1, advancedQmProducts: 1 },
    { districtCode: '064', newProducts3Star: 3, consolidatedSubjects: 1, newSubjects: 1, traceabilityProducts: 3, linkageSubjects: 5, advancedQmProducts: 4 },
    { districtCode: '061', newProducts3Star: 3, consolidatedSubjects: 1, newSubjects: 1, traceabilityProducts: 5, linkageSubjects: 4, advancedQmProducts: 3 },
    { districtCode: '063', newProducts3Star: 2, consolidatedSubjects: 1, newSubjects: 1, traceabilityProducts: 1, linkageSubjects: 4, advancedQmProducts: 3 },
    { districtCode: '065', newProducts3Star: 2, consolidatedSubjects: 2, newSubjects: 1, traceabilityProducts: 4, linkageSubjects: 4, advancedQmProducts: 2 },
    { districtCode: '066', newProducts3Star: 3, consolidatedSubjects: 1, newSubjects: 1, traceabilityProducts: 3, linkageSubjects: 4, advancedQmProducts: 2 },
    { districtCode: '062', newProducts3Star: 2, consolidatedSubjects: 0, newSubjects: 1, traceabilityProducts: 1, linkageSubjects: 1, advancedQmProducts: 1 },
    { districtCode: '058', newProducts3Star: 4, consolidatedSubjects: 1, newSubjects: 1, traceabilityProducts: 3, linkageSubjects: 2, advancedQmProducts: 21 },
  ],
} as const;
