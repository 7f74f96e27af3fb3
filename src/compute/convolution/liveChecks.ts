/**
 * The convolution page's two TensorFlow.js checks as live computations (the contract is
 * compute/liveRun.ts): the filter solved exactly from the signal and outputs is run through tfjs's
 * conv1d, and the course's 2-D example through tfjs's conv2dTranspose, each against the page's
 * own answer. One step each: the frame says what was asked, what tfjs gave and the largest gap.
 */
import type { LiveEnv, LiveStep } from "../liveRun.js";
import { tfOf } from "../liveRun.js";
import { solveFilter } from "./filterRecovery.js";
import { transposedConv2d } from "./transposed.js";
import { correlate1dTf, transposedConv2dTf } from "./convolutionTf.js";
import { TRANSPOSED_2D } from "./seeds.js";

export interface FilterCheckSettings {
  /** The signal x₁ … x₅ and the outputs y₁ … y₃, as the controls hold them. */
  signal: number[];
  output: number[];
}

export interface FilterCheckFrame {
  signal: number[];
  output: number[];
  /** The exactly solved filter (one of many when the system is singular); null when none fits. */
  filter: number[] | null;
  /** tfjs's conv1d of the signal with that filter, once read back. */
  got?: number[];
  /** Largest |got − output|. */
  gap?: number;
}

/** The filter the exact solver finds for these numbers, or null when no filter fits. */
export function solvedFilter({ signal, output }: FilterCheckSettings): number[] | null {
  const solution = solveFilter([...signal], [...output]);
  return solution.kind === "none" ? null : solution.filter;
}

/** Largest absolute difference between two equally long lists. */
export function largestGap(a: readonly number[], b: readonly number[]): number {
  return Math.max(...a.map((v, i) => Math.abs(v - b[i])));
}

export async function* filterCheck(
  settings: FilterCheckSettings,
  env: LiveEnv,
): AsyncGenerator<LiveStep<FilterCheckFrame>, void, undefined> {
  const { signal, output } = settings;
  const filter = solvedFilter(settings);
  if (!filter) {
    yield { signal, output, filter, progress: 1, done: true };
    return;
  }
  const got = await correlate1dTf(tfOf(env), signal, filter);
  // Stopped while tfjs worked: its answer was not read, and the frame says so by leaving it out.
  if (env.signal.aborted) return;
  yield { signal, output, filter, got, gap: largestGap(got, output), progress: 1, done: true };
}

export interface TransposeCheckSettings {
  stride: number;
  padding: number;
}

export interface TransposeCheckFrame {
  stride: number;
  padding: number;
  /** Why the scatter-add has no output at this stride and padding (nothing to check). */
  error?: string;
  /** The scatter-add's output and tfjs's conv2dTranspose, once read back. */
  expected?: number[][];
  got?: number[][];
  gap?: number;
}

const example = () => ({
  input: TRANSPOSED_2D.input.map((r) => [...r]),
  filter: TRANSPOSED_2D.filter.map((r) => [...r]),
});

/** The scatter-add of the course's 2-D example, or why there is none at this stride and padding. */
export function scatterAdd2d(
  { stride, padding }: TransposeCheckSettings,
): { value: number[][] } | { error: string } {
  const { input, filter } = example();
  try {
    return { value: transposedConv2d(input, filter, { stride, padding }) };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

export async function* transposeCheck(
  settings: TransposeCheckSettings,
  env: LiveEnv,
): AsyncGenerator<LiveStep<TransposeCheckFrame>, void, undefined> {
  const { stride, padding } = settings;
  const expected = scatterAdd2d(settings);
  if ("error" in expected) {
    yield { stride, padding, error: expected.error, progress: 1, done: true };
    return;
  }
  const { input, filter } = example();
  const got = await transposedConv2dTf(tfOf(env), input, filter, { stride, padding });
  if (env.signal.aborted) return;
  const gap = largestGap(got.flat(), expected.value.flat());
  yield { stride, padding, got, expected: expected.value, gap, progress: 1, done: true };
}

/** A signal and outputs under the page's control names: {x1 … x5, y1 … y3}. */
export function recoveryControls(
  signal: readonly number[],
  output: readonly number[],
): Record<string, number> {
  return Object.fromEntries([
    ...signal.map((v, i) => [`x${i + 1}`, v]),
    ...output.map((v, i) => [`y${i + 1}`, v]),
  ]);
}
