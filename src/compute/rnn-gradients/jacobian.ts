/**
 * The gradient through time of hₜ = Wσ(hₜ₋₁) + Uxₜ + b, exactly: the Jacobian
 *
 *   ∂hₜ/∂h₀ = W·diag(σ′(hₜ₋₁)) · ∂hₜ₋₁/∂h₀,   ∂h₀/∂h₀ = I,
 *
 * multiplied out step by step in Float64, with its spectral norm at every step from the symmetric
 * eigen solver, against the bound ‖∂hₜ/∂h₀‖ ≤ (γs)ᵗ where γ = sup|σ′| and s = ‖W‖₂.
 *
 * Norms span hundreds of decades (sigmoid at small s falls below Float64's range within 200 steps),
 * so the product is kept as a matrix with entries of size about 1 times 10^logScale, and every norm
 * is returned as its base-10 logarithm (−Infinity once the product is exactly zero, as when every
 * ReLU unit is off).
 */
import { spectralNorm } from "../linalg.js";
import { derivative } from "../activations.js";
import {
  buildRecurrence,
  nextState,
  type Recurrence,
  type RecurrenceParams,
  RNN_ACTIVATIONS,
  type RnnActivation,
  slopeCeiling,
} from "./recurrence.js";
import { finiteNumber, integerAtLeast, nonNegativeNumber, oneOf } from "../validate.js";

/** One step of the run: the norm after t steps and the slopes that step multiplied by. */
export interface JacobianStep {
  t: number;
  /** log₁₀‖∂hₜ/∂h₀‖₂. */
  log10Norm: number;
  /** Mean, smallest and largest σ′(hₜ₋₁) over the units (none at t = 0). */
  slopeMean: number;
  slopeMin: number;
  slopeMax: number;
  /** Root mean square of hₜ over the units. */
  stateRms: number;
}

export interface JacobianRun {
  params: RecurrenceParams;
  gamma: number;
  /** Steps 0…t done so far (all T + 1 when the run is complete). */
  steps: JacobianStep[];
  done: boolean;
}

/** log₁₀ of the bound (γs)ᵗ; −Infinity when γs = 0. */
export function log10Bound(activation: RnnActivation, s: number, t: number): number {
  nonNegativeNumber("spectral norm s", s);
  integerAtLeast("step t", t, 0);
  if (t === 0) return 0;
  return t * Math.log10(slopeCeiling(activation) * s);
}

/**
 * log₁₀‖∂hₜ/∂h₀‖ when W is s times an orthogonal matrix and the state rests at c·1 (input size 0):
 * every step multiplies by s·σ′(c) times an orthogonal matrix, so the norm is exactly (s·σ′(c))ᵗ.
 * It meets the bound (γs)ᵗ when σ′(c) = γ.
 */
export function restingLog10Norm(
  activation: RnnActivation,
  s: number,
  c: number,
  t: number,
): number {
  oneOf("activation", activation, RNN_ACTIVATIONS);
  nonNegativeNumber("spectral norm s", s);
  finiteNumber("resting state c", c);
  integerAtLeast("step t", t, 0);
  if (t === 0) return 0;
  return t * Math.log10(s * derivative(activation, c));
}

/**
 * A run that advances one step at a time: `advance()` computes hₜ and ∂hₜ/∂h₀ for the next t and
 * returns its record; `run.steps` holds every record so far, starting with t = 0. With
 * `lastNormOnly`, the norm (an eigen solve, most of a step's cost) is taken at t = T only and the
 * earlier records carry NaN: for sweeps over many seeds that need only where the run ends.
 */
export function jacobianTracker(params: RecurrenceParams, { lastNormOnly = false } = {}) {
  const rec: Recurrence = buildRecurrence(params);
  const { n } = rec;
  const { activation, steps: total } = rec.params;
  let h = rec.h0;
  // ∂hₜ/∂h₀ = 10^logScale · scaled.
  let scaled = new Float64Array(n * n);
  for (let i = 0; i < n; i++) scaled[i * n + i] = 1;
  let logScale = 0;
  let zero = false;
  const gram = new Float64Array(n * n);
  const rms = (v: Float64Array) => Math.sqrt(v.reduce((s, x) => s + x * x, 0) / v.length);
  const run: JacobianRun = {
    params: rec.params,
    gamma: slopeCeiling(activation),
    steps: [{
      t: 0,
      log10Norm: 0,
      slopeMean: NaN,
      slopeMin: NaN,
      slopeMax: NaN,
      stateRms: rms(h),
    }],
    done: false,
  };
  const advance = (): JacobianStep => {
    const t = run.steps.length;
    if (t > total) throw new RangeError(`the run has only ${total} steps`);
    const slopes = h.map((v) => derivative(activation, v));
    if (!zero) {
      // W · diag(slopes) · scaled.
      const next = new Float64Array(n * n);
      for (let i = 0; i < n; i++) {
        for (let k = 0; k < n; k++) {
          const wk = rec.w[i * n + k] * slopes[k];
          if (wk === 0) continue;
          for (let j = 0; j < n; j++) next[i * n + j] += wk * scaled[k * n + j];
        }
      }
      const top = next.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
      if (top === 0) zero = true;
      else {
        for (let k = 0; k < next.length; k++) next[k] /= top;
        logScale += Math.log10(top);
        scaled = next;
      }
    }
    h = nextState(rec, h, t);
    let slopeSum = 0, slopeMin = Infinity, slopeMax = -Infinity;
    for (const v of slopes) {
      slopeSum += v;
      slopeMin = Math.min(slopeMin, v);
      slopeMax = Math.max(slopeMax, v);
    }
    const step: JacobianStep = {
      t,
      log10Norm: zero ? -Infinity : lastNormOnly && t < total ? NaN : logScale +
        Math.log10(spectralNorm({ rows: n, cols: n, data: scaled }, { scratch: gram })),
      slopeMean: slopeSum / n,
      slopeMin,
      slopeMax,
      stateRms: rms(h),
    };
    run.steps.push(step);
    run.done = t === total;
    return step;
  };
  return { run, advance, recurrence: rec };
}

/** The whole run at once: ‖∂hₜ/∂h₀‖ and the slopes for t = 0…T. */
export function jacobianNorms(params: RecurrenceParams): JacobianRun {
  const tracker = jacobianTracker(params);
  while (!tracker.run.done) tracker.advance();
  return tracker.run;
}

/**
 * Where a run ends: log₁₀‖∂h_T/∂h₀‖ (the same number as jacobianNorms' last step, with the norm
 * taken at T only), and the mean slope σ′ over its T steps and units (for ReLU, the share of units
 * on).
 */
export function runEnd(params: RecurrenceParams): { log10Norm: number; meanSlope: number } {
  const tracker = jacobianTracker(params, { lastNormOnly: true });
  let slopes = 0;
  while (!tracker.run.done) slopes += tracker.advance().slopeMean;
  const steps = tracker.run.steps;
  return { log10Norm: steps[steps.length - 1].log10Norm, meanSlope: slopes / (steps.length - 1) };
}

/** Work per slice of a streamed run before the browser gets a turn, in ms. */
export const JACOBIAN_SLICE_MS = 8;
