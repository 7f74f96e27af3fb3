/**
 * The numbers the double-descent page quotes from its build-time sweep (loaders/double-descent),
 * read once here so the prose and the tests take them from the same place.
 */
import type { SweepSummary } from "./doubleDescent.js";

const argMax = (values: readonly number[]) =>
  values.reduce((best, v, i) => (v > values[best] ? i : best), 0);

/** Smallest and largest of `values`. */
const range = (values: readonly number[]): [number, number] => [
  Math.min(...values),
  Math.max(...values),
];

export interface SweepFacts {
  /** Curve A's (fixed λ) median test-error peak, and where it is. */
  peakP: number;
  peakA: number;
  /** Curve B's (tuned λ) median at that p, its largest median anywhere, and where that is. */
  bAtPeak: number;
  maxB: number;
  maxBP: number;
  /** The median tuned λ at the peak, and its range from p = 20 on. */
  lambdaAtPeak: number;
  tunedRange: [number, number];
  /** The searched λ grid's ends. */
  lambdaRange: [number, number];
  /** Curve A's median training error at the largest p. */
  trainAtLargest: number;
  /** How many distinct penalties the build evaluates (the grid and λ_A). */
  penaltyCount: number;
  /** The two spectrum p nearest N_train, in increasing order. */
  neighbours: [number, number];
}

export function sweepFacts(sweep: SweepSummary, nTrain: number): SweepFacts {
  const medianA = sweep.curveA.test.median;
  const medianB = sweep.curveB.test.median;
  const peak = argMax(medianA);
  const maxB = argMax(medianB);
  const tunedBeyond = sweep.curveB.lambda.median.filter((_, i) => sweep.p[i] >= 20);
  const neighbours = sweep.spectra.map((s) => s.p).filter((p) => p !== nTrain)
    .sort((a, b) => Math.abs(a - nTrain) - Math.abs(b - nTrain)).slice(0, 2).sort((a, b) => a - b);
  return {
    peakP: sweep.p[peak],
    peakA: medianA[peak],
    bAtPeak: medianB[peak],
    maxB: medianB[maxB],
    maxBP: sweep.p[maxB],
    lambdaAtPeak: sweep.curveB.lambda.median[peak],
    tunedRange: range(tunedBeyond),
    lambdaRange: range(sweep.lambdas),
    trainAtLargest: sweep.curveA.train.median[sweep.p.length - 1],
    penaltyCount: new Set([...sweep.lambdas, sweep.lambdaA]).size,
    neighbours: neighbours as [number, number],
  };
}

/** The smallest singular value of the first trial's X̃ at p, NaN where no spectrum was kept. */
export function smallestSingularAt(sweep: SweepSummary, p: number): number {
  const values = sweep.spectra.find((s) => s.p === p)?.singularValues;
  return values ? values[values.length - 1] : NaN;
}

/** The power of ten nearest x (for λ grids printed as 10^k). */
export const decade = (x: number) => Math.round(Math.log10(x));
