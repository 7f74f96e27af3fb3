/**
 * The live-run contract, DOM-free half: what a live computation is, and the one time-slicing
 * driver that runs every one of them. The page half (status line, Stop, errors, test hook) is
 * src/components/liveRun.ts.
 *
 * A live computation is an async generator function `(settings, env) => steps`:
 * - `settings` is plain, structured-clonable data (numbers, strings, arrays, plain objects): the
 *   page's control values, usually exactly as the controls name them, since tests and test hooks
 *   read them back under those names.
 * - `env` holds the abort signal and, for tfjs work, the `tf` namespace the page started (read it
 *   with `tfOf(env)`). Nothing else from the page reaches a computation.
 * - Each step it yields is a complete snapshot of the result so far, also plain data, with
 *   `progress` in [0, 1] and `done: true` on its last step. Arrays may grow in place from one step
 *   to the next (cheap in the page); a consumer never mutates them.
 * - Its `finally` blocks release what it holds (tensors): the driver calls `return()` on it when the
 *   run is stopped or replaced.
 * - It never touches the DOM, `globalThis.__explorables` or the clock's meaning for the reader:
 *   messages are the page's business.
 * Because settings and steps are plain data and tfjs comes in through `env`, the same generators
 * run in a Web Worker (compute/liveWorker.ts runs this driver there) and in Deno's tests.
 *
 * `timeSliced` turns the steps into frames, `{progress, done, elapsedMs, longestSliceMs,
 * ...step}`: it keeps pulling steps until about `sliceMs` of work has passed, then hands out the
 * newest one and awaits a macrotask so the page can paint and take input. Because steps are
 * snapshots, skipping the ones in between loses nothing. A computation whose steps are cheap (one
 * Monte Carlo draw, one layer) just yields often; one whose steps are slow cuts them itself. A step
 * that measures its own `longestSliceMs` (its longest stretch of work between two yields) keeps it:
 * in a worker, the driver's stretches between frames block no page.
 */
import type { Tf } from "./tf.js";
import { macrotask } from "./macrotask.js";

/** What every frame carries, whatever the page adds. */
export interface LiveFrame {
  /** Fraction of the run done, in [0, 1]. */
  progress: number;
  /** True on the run's last frame when it ran to its end (false on a frame left by Stop). */
  done: boolean;
  /** Wall time since the run started, ms. */
  elapsedMs: number;
  /**
   * The longest stretch between two frames, ms: how long the page could not paint, at most; or
   * the computation's own measure of its longest slice of work, when its steps carry one.
   */
  longestSliceMs: number;
}

/** One step of a computation: its own fields, with progress and, on the last one, done. */
export type LiveStep<F> = F & { progress: number; done?: boolean };
export type Frame<F> = F & LiveFrame;

export interface LiveEnv {
  /** Aborted by Stop or by a newer run; the computation may stop at its next step. */
  signal: AbortSignal;
  /** The tfjs namespace, for computations run with a tfjs runtime. */
  tf?: Tf;
  /** The page's frame interval, for a computation that makes its own frames (a worker's). */
  sliceMs?: number;
  /**
   * Loaded data the page hands the computation by name (a file's bytes as an ArrayBuffer, say):
   * structured-clonable, so that it reaches a worker too, and never captured in a closure.
   */
  inputs?: Readonly<Record<string, unknown>>;
}

export type LiveComputation<S, F> = (
  settings: S,
  env: LiveEnv,
) => AsyncIterable<LiveStep<F>> | Iterable<LiveStep<F>>;

/** The tfjs namespace of a run, or a clear error when the page started none. */
export function tfOf(env: LiveEnv): Tf {
  if (!env.tf) throw new Error("this live computation needs TensorFlow.js, and none was started");
  return env.tf;
}

export interface SliceOptions {
  signal?: AbortSignal;
  /** Work between two frames, ms (default 16: about one display frame). */
  sliceMs?: number;
  now?: () => number;
}

const clamp01 = (value: number) => Math.max(0, Math.min(1, value));

/**
 * Drives `steps` in time slices and yields frames. When the signal is aborted it stops pulling,
 * ends the computation (its `finally` runs) and yields the newest step not yet handed out, so that
 * Stop can report how far the run got; a run that reached its last step ends with `done: true`.
 */
export async function* timeSliced<F>(
  steps: AsyncIterable<LiveStep<F>> | Iterable<LiveStep<F>>,
  { signal, sliceMs = 16, now = () => performance.now() }: SliceOptions = {},
): AsyncGenerator<Frame<F>, void, undefined> {
  const started = now();
  let sliceStart = started;
  let longestSliceMs = 0;
  let newest: LiveStep<F> | undefined;
  let handedOut = false;
  const frame = (step: LiveStep<F>, done: boolean): Frame<F> => {
    const at = now();
    longestSliceMs = Math.max(longestSliceMs, at - sliceStart);
    handedOut = true;
    const own = (step as { longestSliceMs?: unknown }).longestSliceMs;
    return {
      ...step,
      progress: clamp01(step.progress),
      done,
      elapsedMs: at - started,
      longestSliceMs: typeof own === "number" ? own : longestSliceMs,
    };
  };
  for await (const step of steps) {
    newest = step;
    handedOut = false;
    if (signal?.aborted) break;
    if (step.done) {
      yield frame(step, true);
      return;
    }
    if (now() - sliceStart < sliceMs) continue;
    yield frame(step, false);
    await macrotask();
    if (signal?.aborted) break;
    sliceStart = now();
  }
  // Stopped: the newest step, if not yet shown. Ended without a step marked done: the last one is.
  const aborted = signal?.aborted ?? false;
  if (newest && (!handedOut || !aborted)) yield frame(newest, !aborted);
}
