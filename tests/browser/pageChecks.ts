/**
 * What the shared page checks (quality.test.ts) need to know of each page beyond the manifest:
 * the charts it must draw, and how to move its controls for the tensor-leak check. Each page
 * gives its own as `checks` in tests/browser/pages/<slug>.ts; here are their shape and the
 * presets those files share.
 */
import type { HookMatch } from "./harness.ts";

/** A hook to wait for: `globalThis.__explorables[hook]` with values matching `want`. */
export interface HookWait {
  hook: string;
  want: Record<string, unknown>;
  match?: HookMatch;
}

/**
 * The 200 control moves after which the page's TensorFlow.js tensor count must be back at its
 * baseline (each move restarts a live run, which must dispose of everything it made).
 */
export interface LeakMoves {
  /** Controls set first, to the small runs the page's own tests use (a label and a value). */
  setup: [string, string | number][];
  /** Finished results to wait for before the baseline is read. */
  ready: HookWait[];
  /** Move i sets `moves[i % moves.length]` to its value for i. */
  moves: [string, (i: number) => string | number][];
  /** The last moves, whose finished results `done` waits for before the count is read again. */
  final: [string, string | number][];
  done: HookWait[];
}

export interface PageChecks {
  /** `data-chart` names the page draws once every live section is done. */
  charts: string[];
  /** Absent for a page without TensorFlow.js. */
  leak?: LeakMoves;
  /**
   * URL parameters that shorten the page's live runs (a training's epochs), for the checks that
   * do not read the numbers of a default run: the refused-link check adds them to its links.
   */
  shortRun?: string;
}

/** Settings sit under `params` on these hooks. */
export const params: HookMatch = { field: "params", timeout: 120_000 };
/** Fields sit on the hook itself. */
export const own: HookMatch = { field: "" };
/** Every second move: the two controls alternate, each stepping through its values. */
export const half = (i: number) => Math.floor(i / 2);
