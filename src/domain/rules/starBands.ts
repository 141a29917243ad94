/** Decision 148/QĐ-TTg: a score out of 100 falls into a star band. Only 3★–5★ earn a certificate. */
export type Stars = 1 | 2 | 3 | 4 | 5;

export const MIN_CERTIFIED_STARS = 3;

const BANDS: readonly { minScore: number; stars: Stars }[] = [
  { minScore: 90, stars: 5 },
  { minScore: 70, stars: 4 },
  { minScore: 50, stars: 3 },
  { minScore: 30, stars: 2 },
  { minScore: 0, stars: 1 },
];

export function starsForScore(score: number): Stars {
  return BANDS.find((band) => score >= band.minScore)?.stars ?? 1;
}

export function isValidScore(score: number): boolean {
  return Number.isFinite(score) && score >= 0 && score <= 100;
}
