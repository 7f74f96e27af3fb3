/**
 * The recurrent unit hₜ = Wσ(hₜ₋₁) + Uxₜ + b of the page, in Float64, and the usual form
 * gₜ = σ(Wgₜ₋₁ + Uxₜ + b) that it rewrites (gₜ = σ(hₜ)).
 *
 * One instance is fixed by its parameters:
 * - W (n×n) has spectral norm s, orthogonal or Gaussian (weights.ts);
 * - the input term Uxₜ is drawn afresh at every step, each entry N(0, a²) (U = aI with standard
 *   normal xₜ), so a is the size of the input;
 * - the bias b = c·1 − Wσ(c·1) makes h = c·1 a resting state: without input (a = 0) a state that
 *   starts at h₀ = c·1 stays there, where every slope is σ′(c);
 * - the run starts at rest plus one input, h₀ = c·1 + Ux₀ (so a ReLU network resting at its kink,
 *   c = 0, still has units on as soon as a > 0).
 * Randomness comes from createRng(seed): W from its first fork and the inputs from its second, so
 * moving s, c, a, T or the activation keeps the same draws, and a longer run extends a shorter one.
 */
import { activate, MAX_SLOPE } from "../activations.js";
import { createRng } from "../prng.js";
import { finiteNumber, integerAtLeast, nonNegativeNumber, oneOf, seedValue } from "../validate.js";
import { recurrentMatrix, WEIGHT_KINDS, type WeightKind } from "./weights.js";
import { matrixTimes } from "../linalg.js";

export const RNN_ACTIVATIONS = ["tanh", "sigmoid", "relu"] as const;
export type RnnActivation = typeof RNN_ACTIVATIONS[number];

/** γ = sup|σ′| of each activation: 1 for tanh and ReLU, 1/4 for the sigmoid. */
export function slopeCeiling(activation: RnnActivation): number {
  return MAX_SLOPE[oneOf("activation", activation, RNN_ACTIVATIONS)];
}

export interface RecurrenceParams {
  /** Hidden units n. */
  units: number;
  /** Spectral norm s = ‖W‖₂ = √λ₁(WᵀW). */
  norm: number;
  activation: RnnActivation;
  weights: WeightKind;
  /** Resting state c: the bias makes h = c·1 a fixed point without input. */
  rest: number;
  /** Input size a: each entry of Uxₜ is N(0, a²). */
  drive: number;
  /** Steps T. */
  steps: number;
  seed: number;
}

const RECURRENCE_LIMITS = { units: 256, steps: 2000 } as const;

/** Checks every parameter; the RangeError names the parameter, its range and the value. */
export function checkRecurrence(p: RecurrenceParams): RecurrenceParams {
  integerAtLeast("hidden units n", p.units, 1, RECURRENCE_LIMITS.units);
  nonNegativeNumber("spectral norm s", p.norm);
  oneOf("activation", p.activation, RNN_ACTIVATIONS);
  oneOf("weights", p.weights, WEIGHT_KINDS);
  finiteNumber("resting state c", p.rest);
  nonNegativeNumber("input size a", p.drive);
  integerAtLeast("steps T", p.steps, 1, RECURRENCE_LIMITS.steps);
  seedValue(p.seed);
  return p;
}

export interface Recurrence {
  params: RecurrenceParams;
  n: number;
  /** W, n×n row-major. */
  w: Float64Array;
  b: Float64Array;
  /** h₀ = c·1 + Ux₀. */
  h0: Float64Array;
  /** Uxₜ for t = 1…T, row t − 1 of a T×n array. */
  inputs: Float64Array;
}

export function buildRecurrence(params: RecurrenceParams): Recurrence {
  const p = checkRecurrence(params);
  const n = p.units;
  const rng = createRng(p.seed);
  const weightRng = rng.fork();
  const inputRng = rng.fork();
  const w = recurrentMatrix(n, p.norm, p.weights, weightRng);
  const rest = new Float64Array(n).fill(p.rest);
  const pushed = matrixTimes(w, rest.map((v) => activate(p.activation, v)), n, n);
  const b = rest.map((c, i) => c - pushed[i]);
  const h0 = rest.map((c) => c + p.drive * inputRng.normal());
  const inputs = new Float64Array(p.steps * n);
  for (let k = 0; k < inputs.length; k++) inputs[k] = p.drive * inputRng.normal();
  return { params: p, n, w, b, h0, inputs };
}

/** hₜ from hₜ₋₁: Wσ(hₜ₋₁) + Uxₜ + b, for t = 1…T. */
export function nextState(rec: Recurrence, previous: Float64Array, t: number): Float64Array {
  const { n, w, b, inputs } = rec;
  const out = previous.map((v) => activate(rec.params.activation, v));
  const h = matrixTimes(w, out, n, n);
  for (let i = 0; i < n; i++) h[i] += inputs[(t - 1) * n + i] + b[i];
  return h;
}

/** h₀, h₁, …, h_T. */
export function hiddenStates(rec: Recurrence): Float64Array[] {
  const states = [rec.h0];
  for (let t = 1; t <= rec.params.steps; t++) states.push(nextState(rec, states[t - 1], t));
  return states;
}

/** The usual form: g₀ = σ(h₀) and gₜ = σ(Wgₜ₋₁ + Uxₜ + b), for t = 1…T. */
export function conventionalStates(rec: Recurrence): Float64Array[] {
  const { n, w, b, inputs } = rec;
  const sigma = (v: number) => activate(rec.params.activation, v);
  const states = [rec.h0.map(sigma)];
  for (let t = 1; t <= rec.params.steps; t++) {
    const pre = matrixTimes(w, states[t - 1], n, n);
    for (let i = 0; i < n; i++) pre[i] += inputs[(t - 1) * n + i] + b[i];
    states.push(pre.map(sigma));
  }
  return states;
}
