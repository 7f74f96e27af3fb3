/**
 * The page's fixed instances of hₜ = Wσ(hₜ₋₁) + Uxₜ + b, shared with the tests: the live
 * experiment's defaults, and the instances that show that γs > 1 (the reverse of the vanishing
 * condition) is necessary for the gradient to explode but not sufficient.
 */
import {
  JACOBIAN_SLICE_MS,
  jacobianNorms,
  type JacobianRun,
  log10Bound,
  runEnd,
} from "./jacobian.js";
import { macrotask } from "../macrotask.js";
import type { RecurrenceParams } from "./recurrence.js";

export const PAGE_DEFAULTS: RecurrenceParams = {
  units: 16,
  norm: 0.9,
  activation: "tanh",
  weights: "orthogonal",
  rest: 0,
  drive: 0.1,
  steps: 60,
  seed: 1,
};

/**
 * One tanh network with ‖W‖₂ = 2 (so γs = 2 > 1) in three situations: resting at 0 without input
 * (every slope is 1: the gradient grows exactly as 2ᵗ), resting at c = 1.5 without input (every
 * slope is tanh′(1.5) ≈ 0.18: it shrinks as 0.36ᵗ), and resting at 0 but driven by large inputs
 * (a = 3), which push the units into saturation.
 */
export const FATES = {
  explodes: { ...PAGE_DEFAULTS, norm: 2, rest: 0, drive: 0 },
  saturated: { ...PAGE_DEFAULTS, norm: 2, rest: 1.5, drive: 0 },
  driven: { ...PAGE_DEFAULTS, norm: 2, rest: 0, drive: 3 },
} as const satisfies Record<string, RecurrenceParams>;

export type Fate = keyof typeof FATES;

/** A ReLU network with γs = 1.2 > 1 whose gradient still vanishes: about half its units are off. */
export const RELU_HALF_OFF: RecurrenceParams = {
  ...PAGE_DEFAULTS,
  activation: "relu",
  norm: 1.2,
};

export function fateRuns(): Record<Fate, JacobianRun> {
  return {
    explodes: jacobianNorms(FATES.explodes),
    saturated: jacobianNorms(FATES.saturated),
    driven: jacobianNorms(FATES.driven),
  };
}

/** The seeds the page's seed slider offers. */
export const SEED_RANGE = { min: 0, max: 100 } as const;

/** Where runs of one setup end over many seeds: log₁₀‖∂h_T/∂h₀‖ for each seed, and its spread. */
export interface EndSpread {
  seeds: number;
  /** log₁₀‖∂h_T/∂h₀‖, one per seed, in seed order. */
  log10Norms: number[];
  /** The mean slope over each run (for ReLU, the share of units on), in seed order. */
  meanSlopes: number[];
  median: number;
  /** How many runs end above 1 (the gradient grew) and above 10². */
  grow: number;
  growPast100: number;
}

/**
 * The same setup on every seed in [from, to]: a claim about one seeded instance says nothing about
 * the next, so the page reports how the whole range of its seed slider ends.
 */
export function endSpread(params: RecurrenceParams, from: number, to: number): EndSpread {
  const ends = [];
  for (let seed = from; seed <= to; seed++) ends.push(runEnd({ ...params, seed }));
  return spreadOf(ends);
}

/**
 * endSpread in slices of about `sliceMs` with a macrotask between them, for the page: a hundred
 * runs take a few hundred milliseconds on a slow machine, too long for one task.
 */
export async function endSpreadInSlices(
  params: RecurrenceParams,
  from: number,
  to: number,
  { sliceMs = JACOBIAN_SLICE_MS, now = () => performance.now() } = {},
): Promise<EndSpread> {
  const ends = [];
  let start = now();
  for (let seed = from; seed <= to; seed++) {
    ends.push(runEnd({ ...params, seed }));
    if (now() - start > sliceMs) {
      await macrotask();
      start = now();
    }
  }
  return spreadOf(ends);
}

function spreadOf(ends: ReturnType<typeof runEnd>[]): EndSpread {
  const log10Norms = ends.map((e) => e.log10Norm);
  const sorted = log10Norms.toSorted((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return {
    seeds: log10Norms.length,
    log10Norms,
    meanSlopes: ends.map((e) => e.meanSlope),
    median,
    grow: log10Norms.filter((v) => v > 0).length,
    growPast100: log10Norms.filter((v) => v > 2).length,
  };
}

/** How many runs of a spread end exactly on the bound (γs)^T, to rounding. */
export function countOnBound(spread: EndSpread, params: RecurrenceParams): number {
  const bound = log10Bound(params.activation, params.norm, params.steps);
  return spread.log10Norms.filter((v) => Math.abs(v - bound) < 1e-9).length;
}

/**
 * ReLU at the page's defaults resting above its kink, where its slope is γ = 1: the run stays on
 * the bound until an input pushes a unit below 0, which happens on no seed at c = 1 and on some
 * at c = 0.5.
 */
export const RELU_RESTING = [1, 0.5].map((rest): RecurrenceParams => ({
  ...PAGE_DEFAULTS,
  activation: "relu",
  rest,
}));
