/**
 * Summary statistics as Helsedirektoratet reports waiting times (DESIGN §4):
 * - median: the middle value; for an even n the mean of the two middle values;
 * - p90: nearest rank, the ⌈0.9·n⌉-th smallest value;
 * - share within target: of the referrals that have a target, the share that met it (0–1).
 * The mean is rounded to two decimals and the share to four; the other figures are exact.
 */
export interface Stats {
  n: number | null;
  mean: number | null;
  median: number | null;
  p90: number | null;
  max: number | null;
  /** Share (0–1) within target, of those with a target; null when none has one. */
  withinTarget: number | null;
  /** Present (true) when the block is suppressed: a count of 1–4 leaving the vault. */
  suppressed?: true;
}

export const round = (x: number, decimals: number) => {
  const f = 10 ** decimals;
  return Math.round(x * f) / f;
};

/**
 * Statistics over `values` (days). `within[i]` says whether value i met its target: 1 = yes,
 * 0 = no, -1 = no target. A Float64Array is sorted in place.
 */
export function summarize(values: number[] | Float64Array, within?: ArrayLike<number>): Stats {
  const n = values.length;
  let hits = 0;
  let withTarget = 0;
  if (within)
    for (let i = 0; i < within.length; i++) {
      const w = within[i] as number;
      if (w >= 0) {
        withTarget++;
        hits += w;
      }
    }
  const withinTarget = withTarget > 0 ? round(hits / withTarget, 4) : null;
  if (n === 0) return { n: 0, mean: null, median: null, p90: null, max: null, withinTarget };
  // A typed array sorts numerically in native code, several times faster than a comparator.
  const sorted = (values instanceof Float64Array ? values : Float64Array.from(values)).sort();
  let sum = 0;
  for (let i = 0; i < n; i++) sum += sorted[i] as number;
  const mid = n >> 1;
  const median =
    n % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
  return {
    n,
    mean: round(sum / n, 2),
    median,
    p90: sorted[Math.ceil(0.9 * n) - 1] as number,
    max: sorted[n - 1] as number,
    withinTarget,
  };
}
