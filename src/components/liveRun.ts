/**
 * The live-run contract, page half: runs one live computation (src/compute/liveRun.ts) in one
 * live section, and is the only code that decides what the section says about it.
 *
 * In a page:
 *
 *     const section = liveSection("train");            // once, with the page's constants
 *     display(section.node);                           // inside <section data-live-section="train">
 *     const run = section.run(                         // a cell that re-runs with the controls
 *       liveWorker.computation("<slug>/train"), settings, {
 *       runtime: liveWorker.runtime,                   // the live worker's tfjs (liveWorker.ts)
 *       start: `Training: 0 of ${steps} steps…`,
 *       progress: (frame) => `Training: ${frame.stepsDone} of ${steps} steps…`,
 *       summary: (frame) => frame.stopped ? `Stopped after …` : `Done: …`,
 *       hook: {name: "lastRun", fields: ["stepsDone", "estimate"]},
 *     });
 *
 * `run` is an async generator, so Observable re-runs the cells that read it on every value it
 * yields: first `{settings, progress: 0, done: false, ...initial}` at once (charts draw empty), then
 * each frame (`frames: "every"`, the default) or none until the end (`frames: "last"`), then the
 * final frame. Every value is a frame of the computation plus `settings`, `backend` (with a
 * runtime), `stopped` (true only on the last frame of a stopped run) and, after a failure, `error`.
 *
 * Handled here once, for every section:
 * - a new setting: Observable runs the cell again; the new run's begin() aborts the old one, which
 *   then ends without a word, so only the newest run writes the section;
 * - Stop: the computation ends after its current step, and the section says `summary(frame)` of the
 *   newest frame with `stopped: true`, in state "done", never "running" or "error"; an error thrown
 *   after Stop (a read cut short) is part of stopping, not a failure;
 * - errors: a runtime that cannot start, or a computation or summary that throws, ends the section
 *   in state "error" with "<What> is unavailable: <message>" or "<What> failed: <message>";
 * - the "done" signal: the section's data-state, which tests and benchmarks wait for;
 * - the test hook: `testHook(hook.name, {settings, backend, stopped, ...fields of the last frame})`
 *   when a run ends or is stopped, once the page has drawn its last frame;
 * - where it runs: a computation from a live worker (components/liveWorker.ts) runs there and
 *   sends its frames; any other runs here, cut into frames by `timeSliced`;
 * - a stream of settings (a dragged slider): only the newest is computed. A run made within
 *   STREAM_MS of the section's previous one begins only after the next animation frame has been
 *   computed, and not at all when a newer run of the same section was made meanwhile (see
 *   `settledAfterFrame`); a lone move begins at once.
 * The runner talks to the section only through `LiveView`, so it runs in Deno's tests without a DOM.
 *
 * Writing a live section (momentum.md and dropout-toy.md are the models):
 * 1. The loop is a computation in `src/compute/<slug>/live<Name>.ts` (contract in
 *    compute/liveRun.ts): settings = the controls it reads, under their control names; `tfOf(env)`
 *    for tfjs; yield cumulative snapshots with `progress` and `done`. Do the first slice of work
 *    before the first yield: a Stop pressed the moment the section says "running" then still
 *    reports that slice (the momentum test counts at least 10 steps).
 * 2. Anything computed after the loop (a gap, an estimate, a target) goes into the frames, so a
 *    stopped run has it too; the reader-facing sentences stay in the page (or in
 *    `src/components/<slug>/` when long) as `summary`.
 * 3. Give `initial` every field that `summary` and the charts read: a run stopped before its first
 *    frame is summarised from it.
 * 4. `hook: {name, fields}` names the test hook and its fields; the runner adds `settings`,
 *    `backend` and `stopped`.
 * 5. Controls come from `controlPanel(controls)` (it reads and writes the link), tfjs runs
 *    in the page's live worker (`startLiveWorker`), and any other test hook goes through `testHook`.
 */
import {
  type Frame,
  type LiveComputation,
  type LiveFrame,
  timeSliced,
} from "../compute/liveRun.js";
import type { Tf } from "../compute/tf.js";
import { testHook } from "./testHook.js";

/** The abort reason of a run that the reader stopped. */
export const STOP = "stopped by the reader";
/** The abort reason of a run that a newer run of the same section replaced. */
export const REPLACED = "replaced by a newer run";

export interface OutcomeProblem {
  /** One reader-facing sentence, e.g. "The loss became NaN: the run broke down". */
  message: string;
  severity: "error" | "warning";
}

/** What the runner needs of a live section (liveSection.ts gives it; tests give a fake). */
export interface LiveView {
  /** Starts a run: aborts the one before (reason REPLACED) and returns the new run's signal. */
  begin(message: string): AbortSignal;
  progress(fraction: number, message: string): void;
  finish(message: string, state?: "done" | "error"): void;
  conclude(message: string, problem?: OutcomeProblem): void;
}

/** A frame as the page sees it. */
export type Shown<S, F> = Frame<F> & {
  settings: S;
  /** The tfjs backend that ran it, with a runtime. */
  backend?: string;
  /**
   * True on the last frame of a run the reader stopped, false on every other frame the runner
   * yields (optional in the type so that a test can make a frame by hand).
   */
  stopped?: boolean;
  /** On the last frame of a run that failed. */
  error?: string;
};

export interface RunOptions<S, F> {
  /**
   * tfjs: a live worker's `runtime` (no `tf` then: it runs in the worker), or a page's own:
   * awaited before the run begins; its failure is shown as `unavailable`.
   */
  runtime?: Promise<{ tf?: Tf; backend: string }>;
  /** The status line while the run starts. */
  start: string;
  /** The status line for a frame in progress (default: `start`). */
  progress?: (frame: Shown<S, F>) => string;
  /**
   * The status line at the end, for a finished or a stopped run (`frame.stopped`); with a `problem`
   * (liveSection's outcomeProblem) the section says that first, as liveSection's conclude().
   */
  summary: (frame: Shown<S, F>) => string | { message: string; problem?: OutcomeProblem };
  /** Which frames Observable sees: every one (charts follow the run) or the last only. */
  frames?: "every" | "last";
  /** Fields of the first value, before any frame (e.g. empty arrays for the charts). */
  initial?: Partial<F>;
  /** Publishes the run's last frame for tests; `fields` picks what to publish (default: all). */
  hook?: { name: string; fields?: readonly (keyof F | keyof LiveFrame)[] };
  /**
   * What runs, for the messages "<What> is unavailable: …" (tfjs could not start) and "<What>
   * failed: …" (the run threw); default "the live computation".
   */
  what?: string;
  /** Work between two frames, ms (timeSliced's default when absent). */
  sliceMs?: number;
}

const messageOf = (error: unknown) => error instanceof Error ? error.message : String(error);

/** Each section's newest run: an older run that has not begun by then never does. */
const newestRun = new WeakMap<LiveView, object>();
/** When each section's newest run was made (performance.now()). */
const madeAt = new WeakMap<LiveView, number>();
/**
 * A run made within this many ms of its section's previous one is part of a stream (a drag, or
 * keys held down): it waits one frame for a newer setting. A lone move loses no frame.
 */
export const STREAM_MS = 100;

/**
 * Resolves once the next animation frame and the work it started are over. Observable recomputes
 * the cells that read a control in an animation frame, so a control moved again before that frame
 * (a drag sends an input event every few milliseconds, more of them while the page is busy) has
 * made a newer run of the section by then. Waiting for Observable's own frame coalesces a drag
 * into one run per frame at most, and into one run in all when the events come faster than the
 * frames, at the cost of one frame (≤ 16 ms) before a run begins. (The macrotask after the frame
 * lets the promises of that frame's recomputation settle first.) Without animation frames
 * (Deno's tests) a macrotask stands in for the frame.
 */
function settledAfterFrame(): Promise<void> {
  return new Promise((resolve) => {
    const afterwards = () => setTimeout(resolve, 0);
    if (typeof requestAnimationFrame === "function") requestAnimationFrame(afterwards);
    else afterwards();
  });
}

/** Runs `computation` on `settings` in `section`; see the module comment. */
export function runLive<S, F>(
  section: LiveView,
  computation: LiveComputation<S, F>,
  settings: S,
  options: RunOptions<S, F>,
): AsyncGenerator<Shown<S, F>, void, undefined> {
  // Made the newest at once, when the page's cell makes the run, before Observable pulls a value.
  const token = {};
  newestRun.set(section, token);
  const now = performance.now();
  const previous = madeAt.get(section);
  madeAt.set(section, now);
  const inStream = previous !== undefined && now - previous < STREAM_MS;
  const superseded = () => newestRun.get(section) !== token;
  return runNewest(section, computation, settings, options, superseded, inStream);
}

async function* runNewest<S, F>(
  section: LiveView,
  computation: LiveComputation<S, F>,
  settings: S,
  options: RunOptions<S, F>,
  superseded: () => boolean,
  inStream: boolean,
): AsyncGenerator<Shown<S, F>, void, undefined> {
  const { runtime, what = "the live computation" } = options;
  const What = what.charAt(0).toUpperCase() + what.slice(1);
  const failed = (error: unknown) => `${What} failed: ${messageOf(error)}`;
  let shown = {
    settings,
    progress: 0,
    done: false,
    stopped: false,
    elapsedMs: 0,
    longestSliceMs: 0,
    ...options.initial,
  } as Shown<S, F>;
  yield shown;
  const settled = inStream ? settledAfterFrame() : Promise.resolve();
  let tf: Tf | undefined;
  let backend: string | undefined;
  try {
    if (runtime) ({ tf, backend } = await runtime);
  } catch (error) {
    await settled;
    if (!superseded()) section.finish(`${What} is unavailable: ${messageOf(error)}`, "error");
    return;
  }
  await settled;
  // A newer setting came: the newer run computes it (this section's running run, if any, ended at
  // its first frame after the newer run was made).
  if (superseded()) return;
  const signal = section.begin(options.start);
  const own = backend === undefined ? { settings } : { settings, backend };
  const { sliceMs } = options;
  try {
    // A worker's computation makes its frames there (components/liveWorker.ts); the page's own
    // computations are cut into frames here.
    const frames = isWorkerComputation(computation)
      ? computation(settings, { signal, tf, sliceMs }) as AsyncIterable<Frame<F>>
      : timeSliced(computation(settings, { signal, tf }), { signal, sliceMs });
    for await (const frame of frames) {
      shown = { ...frame, ...own, stopped: false };
      // A newer run was made: this one ends now, without a word, as when that one begins.
      if (signal.aborted || frame.done || superseded()) break;
      section.progress(frame.progress, options.progress?.(shown) ?? options.start);
      if (options.frames !== "last") yield shown;
    }
  } catch (error) {
    if (!signal.aborted && !superseded()) {
      section.finish(failed(error), "error");
      yield { ...shown, error: messageOf(error) };
      return;
    }
  }
  if ((signal.aborted && signal.reason !== STOP) || (!signal.aborted && superseded())) return;
  const last: Shown<S, F> = signal.reason === STOP ? { ...shown, stopped: true } : shown;
  try {
    const summary = options.summary(last);
    if (typeof summary === "string") section.finish(summary);
    else section.conclude(summary.message, summary.problem);
  } catch (error) {
    section.finish(failed(error), "error");
    yield { ...last, error: messageOf(error) };
    return;
  }
  yield last;
  // Observable asks for the next value only after the cells that read this one have run, so the
  // hook appears once the last frame is drawn (a test reading it may then read the charts too).
  if (options.hook) testHook(options.hook.name, hookValue(last, options.hook.fields));
}

function isWorkerComputation(computation: unknown): boolean {
  return (computation as { inWorker?: boolean }).inWorker === true;
}

function hookValue<S, F>(
  frame: Shown<S, F>,
  fields?: readonly (keyof F | keyof LiveFrame)[],
): Record<string, unknown> {
  if (!fields) return { ...frame } as Record<string, unknown>;
  const { settings, backend, stopped } = frame;
  const picked: Record<string, unknown> = { settings };
  if (backend !== undefined) picked.backend = backend;
  if (stopped) picked.stopped = true;
  for (const field of fields) picked[field as string] = frame[field as keyof Shown<S, F>];
  return picked;
}
