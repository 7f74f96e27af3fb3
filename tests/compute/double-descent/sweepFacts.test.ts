import assert from "node:assert/strict";
import {
  decade,
  smallestSingularAt,
  sweepFacts,
} from "../../../src/compute/double-descent/sweepFacts.ts";
import type { SweepSummary } from "../../../src/compute/double-descent/doubleDescent.ts";

const band = (median: number[]) => ({ median, q25: median, q75: median });
const sweep: SweepSummary = {
  p: [1, 10, 20, 30, 40],
  lambdas: [1e-3, 1e-1, 10],
  lambdaA: 1e-3,
  curveA: { test: band([1.2, 3, 9, 2, 1.5]), train: band([1, 0.8, 0.1, 1e-3, 1e-4]) },
  curveB: {
    test: band([1.4, 1.1, 0.9, 0.8, 0.7]),
    train: band([1, 1, 1, 1, 1]),
    lambda: band([10, 1, 0.5, 0.4, 0.6]),
  },
  spectra: [10, 18, 20, 25].map((p) => ({ p, singularValues: [5, 2, p / 100] })),
};

Deno.test("sweepFacts(sweep, nTrain) quotes the peak, curve B and the tuned λ from their arrays", () => {
  assert.deepEqual(sweepFacts(sweep, 20), {
    peakP: 20,
    peakA: 9,
    bAtPeak: 0.9,
    maxB: 1.4,
    maxBP: 1,
    lambdaAtPeak: 0.5,
    tunedRange: [0.4, 0.6],
    lambdaRange: [1e-3, 10],
    trainAtLargest: 1e-4,
    penaltyCount: 3,
    neighbours: [18, 25],
  });
});

Deno.test("sweepFacts: ties go to the first index, as d3's maxIndex", () => {
  const tied = { ...sweep, curveA: { ...sweep.curveA, test: band([1, 9, 9, 2, 1]) } };
  assert.equal(sweepFacts(tied, 20).peakP, 10);
});

Deno.test("smallestSingularAt(sweep, p) is the spectrum's last value, NaN without one", () => {
  assert.equal(smallestSingularAt(sweep, 25), 0.25);
  assert.ok(Number.isNaN(smallestSingularAt(sweep, 30)));
});

Deno.test("decade(x) is the nearest power of ten's exponent", () => {
  assert.deepEqual([1e-3, 0.01, 100, 2e2].map(decade), [-3, -2, 2, 2]);
});
