/**
 * The RNN page's chart data, shaped from the compute modules: rows of ‖∂hₜ/∂h₀‖ (as base-10
 * logarithms, which stay finite far outside Float64's range), the bound and the exact resting
 * value; the tick marks and labels of a log axis drawn on log₁₀ values; and numbers written from
 * their logarithm. Pure functions (no DOM), tested in Deno.
 */
import type { JacobianStep } from "../../compute/rnn-gradients/jacobian.js";
import { log10Bound, restingLog10Norm } from "../../compute/rnn-gradients/jacobian.js";
import type { RnnActivation } from "../../compute/rnn-gradients/recurrence.js";
import { superscript } from "../math.js";

export interface NormRow {
  series: string;
  kind: "measured" | "bound" | "exact";
  t: number;
  /** log₁₀ of the norm. */
  log10: number;
}

/** The measured norms of a run, leaving out the steps where the product is exactly zero. */
export function measuredRows(series: string, steps: readonly JacobianStep[]): NormRow[] {
  return steps.filter((d) => Number.isFinite(d.log10Norm)).map((d) => ({
    series,
    kind: "measured" as const,
    t: d.t,
    log10: d.log10Norm,
  }));
}

/** The bound (γs)ᵗ for t = 0…T (none when s·γ = 0). */
export function boundLineRows(
  series: string,
  activation: RnnActivation,
  s: number,
  steps: number,
): NormRow[] {
  return Array.from({ length: steps + 1 }, (_, t) => ({
    series,
    kind: "bound" as const,
    t,
    log10: log10Bound(activation, s, t),
  })).filter((d) => Number.isFinite(d.log10));
}

/** The exact norm (s·σ′(c))ᵗ of an orthogonal W resting at c, for t = 0…T. */
export function exactLineRows(
  series: string,
  activation: RnnActivation,
  s: number,
  c: number,
  steps: number,
): NormRow[] {
  return Array.from({ length: steps + 1 }, (_, t) => ({
    series,
    kind: "exact" as const,
    t,
    log10: restingLog10Norm(activation, s, c, t),
  })).filter((d) => Number.isFinite(d.log10));
}

/**
 * Whole exponents for a log axis drawn on log₁₀ values: every k-th power of ten in the range so
 * that at most `max` remain, and at least the two ends of a range under one decade.
 */
export function log10Ticks(values: Iterable<number>, max = 7): number[] {
  let lo = Infinity, hi = -Infinity;
  for (const v of values) {
    if (Number.isFinite(v)) {
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
  }
  if (!(lo <= hi)) return [0];
  const a = Math.floor(lo), b = Math.ceil(hi);
  const steps = [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500];
  const step = steps.find((s) => Math.floor(b / s) - Math.ceil(a / s) + 1 <= max) ?? 1000;
  const ticks: number[] = [];
  for (let e = Math.ceil(a / step) * step; e <= b; e += step) ticks.push(e);
  return ticks;
}

/** "1", "10", "100", "10⁻⁴", "10¹²": the label of the power of ten 10^e. */
export function powerOfTen(e: number): string {
  if (e >= 0 && e <= 2) return String(10 ** e);
  return `10${superscript(e)}`;
}

/** A number given by its base-10 logarithm, as plain text: "3.5 × 10⁻²⁷", "0.042", "0". */
export function textFromLog10(log10: number, digits = 2): string {
  if (log10 === -Infinity) return "0";
  if (!Number.isFinite(log10)) return String(log10);
  let exponent = Math.floor(log10);
  let mantissa = Number((10 ** (log10 - exponent)).toPrecision(digits));
  if (mantissa >= 10) {
    mantissa /= 10;
    exponent += 1;
  }
  if (exponent >= -2 && exponent <= 3) {
    return String(Number((mantissa * 10 ** exponent).toPrecision(digits)));
  }
  return `${mantissa.toFixed(digits - 1)} × 10${superscript(exponent)}`;
}

/** The per-step factor ‖∂h_T/∂h₀‖^(1/T) of a run ending at step T. */
export function perStepRate(last: JacobianStep): number {
  return last.t === 0 ? 1 : 10 ** (last.log10Norm / last.t);
}

/** The step from which the product is exactly zero, if it is. */
export function zeroFrom(steps: readonly JacobianStep[]): number | undefined {
  return steps.find((d) => d.log10Norm === -Infinity)?.t;
}
