/**
 * Net Promoter Score: the share of promoters (9–10) minus the share of detractors (0–6), in points from −100 to
 * 100. Pure; counts come from one set-based query, so a figure over a million answers is a few sums.
 */
export interface NpsCounts {
  promoters: number;
  passives: number;
  detractors: number;
}

export interface NpsFigure extends NpsCounts {
  responses: number;
  /** Null when nobody answered: no answers is not a score of 0. */
  nps: number | null;
}

export const isValidScore = (s: unknown): s is number => Number.isInteger(s) && (s as number) >= 0 && (s as number) <= 10;

export function scoreGroup(score: number): keyof NpsCounts {
  if (!isValidScore(score)) throw new RangeError(`an NPS answer is an integer 0–10, got ${score}`);
  return score >= 9 ? 'promoters' : score >= 7 ? 'passives' : 'detractors';
}

/** The figure from counts, rounded to one decimal. */
export function nps(c: NpsCounts): NpsFigure {
  const responses = c.promoters + c.passives + c.detractors;
  const value = responses ? Math.round(((c.promoters - c.detractors) * 1000) / responses) / 10 : null;
  return { ...c, responses, nps: value === 0 ? 0 : value };
}

/** The figure of individual answers. */
export function npsOfScores(scores: number[]): NpsFigure {
  const c: NpsCounts = { promoters: 0, passives: 0, detractors: 0 };
  for (const s of scores) c[scoreGroup(s)]++;
  return nps(c);
}
