// Small statistics for judging runs: rank tests that do not assume latencies are normally distributed.

/** Ranks starting at 1, ties sharing their average rank. */
export function ranks(values: number[]): number[] {
  const order = values.map((value, index) => ({ value, index })).sort((a, b) => a.value - b.value);
  const result = new Array<number>(values.length);
  for (let start = 0; start < order.length; ) {
    let end = start;
    while (end + 1 < order.length && order[end + 1]!.value === order[start]!.value) end++;
    const rank = (start + end) / 2 + 1;
    for (let k = start; k <= end; k++) result[order[k]!.index] = rank;
    start = end + 1;
  }
  return result;
}

/** Standard normal CDF (Abramowitz-Stegun 7.1.26 erf, |error| < 1.5e-7). */
export function normalCdf(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const erf = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-x * x);
  return z >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}

export interface MannWhitney {
  /** U of the first sample: how often one of its values beats one of the second's. */
  u: number;
  z: number;
  /** One-sided p-value for "the first sample tends to be larger than the second". */
  pGreater: number;
}

/** Mann-Whitney U with the normal approximation, tie correction and continuity correction. */
export function mannWhitneyU(first: number[], second: number[]): MannWhitney {
  const n1 = first.length;
  const n2 = second.length;
  if (n1 === 0 || n2 === 0) return { u: 0, z: 0, pGreater: 1 };
  const all = ranks([...first, ...second]);
  const rankSum = all.slice(0, n1).reduce((sum, rank) => sum + rank, 0);
  const u = rankSum - (n1 * (n1 + 1)) / 2;
  const n = n1 + n2;
  const tieCounts = new Map<number, number>();
  for (const rank of all) tieCounts.set(rank, (tieCounts.get(rank) ?? 0) + 1);
  const tieTerm = [...tieCounts.values()].reduce((sum, t) => sum + (t * t * t - t), 0);
  const variance = ((n1 * n2) / 12) * (n + 1 - tieTerm / (n * (n - 1)));
  if (variance <= 0) return { u, z: 0, pGreater: 1 };
  const z = (u - (n1 * n2) / 2 - 0.5) / Math.sqrt(variance);
  return { u, z, pGreater: 1 - normalCdf(z) };
}

/** Spearman's rank correlation. */
export function spearman(x: number[], y: number[]): number {
  return pearson(ranks(x), ranks(y));
}

export function pearson(x: number[], y: number[]): number {
  const n = x.length;
  if (n < 2) return 0;
  const mx = mean(x);
  const my = mean(y);
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (x[i]! - mx) * (y[i]! - my);
    sxx += (x[i]! - mx) ** 2;
    syy += (y[i]! - my) ** 2;
  }
  return sxx === 0 || syy === 0 ? 0 : sxy / Math.sqrt(sxx * syy);
}

/**
 * One-sided p-value of a Spearman correlation at least `rho`: exact over all orderings up to 8 points,
 * the t approximation beyond.
 */
export function spearmanPGreater(x: number[], y: number[]): number {
  const rho = spearman(x, y);
  const n = x.length;
  if (n < 3) return 1;
  if (n <= 8) {
    const rx = ranks(x);
    const ry = ranks(y);
    let atLeast = 0;
    let total = 0;
    for (const permutation of permutations(ry)) {
      total++;
      if (pearson(rx, permutation) >= rho - 1e-12) atLeast++;
    }
    return atLeast / total;
  }
  const t = (rho * Math.sqrt(n - 2)) / Math.sqrt(Math.max(1e-12, 1 - rho * rho));
  return 1 - normalCdf(t);
}

/** Least-squares slope of y on x. */
export function slope(x: number[], y: number[]): number {
  const mx = mean(x);
  const my = mean(y);
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < x.length; i++) {
    sxy += (x[i]! - mx) * (y[i]! - my);
    sxx += (x[i]! - mx) ** 2;
  }
  return sxx === 0 ? 0 : sxy / sxx;
}

export function mean(values: number[]): number {
  return values.length === 0 ? 0 : values.reduce((sum, value) => sum + value, 0) / values.length;
}

export function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function* permutations(values: number[]): Generator<number[]> {
  if (values.length <= 1) {
    yield [...values];
    return;
  }
  for (let i = 0; i < values.length; i++) {
    const rest = [...values.slice(0, i), ...values.slice(i + 1)];
    for (const tail of permutations(rest)) yield [values[i]!, ...tail];
  }
}

/** One-sided p-value that proportion b (errors/total) exceeds proportion a: two-proportion z-test. */
export function proportionPGreater(errorsA: number, totalA: number, errorsB: number, totalB: number): number {
  if (totalA === 0 || totalB === 0) return 1;
  const pooled = (errorsA + errorsB) / (totalA + totalB);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / totalA + 1 / totalB));
  if (se === 0) return 1;
  return 1 - normalCdf((errorsB / totalB - errorsA / totalA) / se);
}
