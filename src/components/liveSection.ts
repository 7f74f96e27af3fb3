/**
 * The state of one live section of a page, shown to every reader the same way: one polite status
 * line (updated in place, so screen readers hear changes instead of a pile of new nodes), a
 * progress bar, and a Stop button for long runs. The section element in the page markdown,
 * `<section data-live-section="NAME">`, carries `data-state` (loading → running → done | error),
 * which tests and benchmarks read to know when the page has finished drawing.
 *
 * A page runs its live computation with `section.run(computation, settings, options)`, the live-run
 * contract (liveRun.ts): that runner alone calls begin/progress/finish/conclude. A summary whose
 * result must not be read as one (NaN, a divergence, accuracy at or below chance) returns
 * `{message, problem: outcomeProblem(...)}`: the status line then says what went wrong first,
 * marked `data-outcome`, instead of reporting the numbers as a result.
 * Pages never call begin, progress, finish, conclude or `stopped` themselves: the runner does.
 */
import type { LiveComputation } from "../compute/liveRun.js";
import { sciText } from "./math.js";
import {
  type OutcomeProblem,
  REPLACED,
  runLive,
  type RunOptions,
  type Shown,
  STOP,
} from "./liveRun.js";

export type { OutcomeProblem };

export type LiveState = "loading" | "running" | "done" | "error";

/**
 * How a run's result is shown: "error" ends in state "error" (nothing to read); "warning" keeps
 * state "done" with a warning status (the result is shown, but the reader is told what is off).
 */
export type OutcomeSeverity = "error" | "warning";

export interface OutcomeCheck {
  /** Numbers the run produced (losses, weights, estimates): any NaN or ±Infinity is a failure. */
  values?: Iterable<number>;
  /** What the values are, for the message ("the loss", "the estimate"). */
  what?: string;
  /** A magnitude past which the run counts as diverged (default 1e6). */
  divergedAbove?: number;
  /** Final accuracy in [0, 1] and the accuracy of guessing (e.g. 0.1 for ten classes). */
  accuracy?: number;
  chance?: number;
}

const percent = (value: number) => `${(100 * value).toFixed(1)} %`;

/**
 * The first thing wrong with a run's outcome, or undefined for a result worth reporting. A value
 * that is not finite, or past `divergedAbove`, is an error; accuracy at or below chance is a
 * warning, since the numbers are real but the run did not learn.
 */
export function outcomeProblem(check: OutcomeCheck): OutcomeProblem | undefined {
  const what = check.what ?? "a computed value";
  const limit = check.divergedAbove ?? 1e6;
  let largest = 0;
  for (const value of check.values ?? []) {
    if (Number.isNaN(value)) {
      return {
        message: `${what} became NaN (not a number): the run broke down`,
        severity: "error",
      };
    }
    if (!Number.isFinite(value)) {
      return { message: `${what} became infinite: the run diverged`, severity: "error" };
    }
    largest = Math.max(largest, Math.abs(value));
  }
  if (largest > limit) {
    return { message: `${what} passed ${sciText(limit, 1)}: the run diverged`, severity: "error" };
  }
  const { accuracy, chance } = check;
  if (accuracy !== undefined && chance !== undefined && !(accuracy > chance)) {
    return {
      message: `accuracy ${percent(accuracy)} is no better than chance (${
        percent(chance)
      }): the run did not learn`,
      severity: "warning",
    };
  }
  return undefined;
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export interface LiveSection {
  /** Status line, progress bar and Stop button, to display once inside the section. */
  node: HTMLElement;
  /**
   * Runs a live computation in this section (liveRun.ts): the value of a page cell, which yields
   * the run's frames and handles start, progress, Stop, errors, the end and the test hook.
   */
  run<S, F>(
    computation: LiveComputation<S, F>,
    settings: S,
    options: RunOptions<S, F>,
  ): AsyncGenerator<Shown<S, F>, void, undefined>;
  /** Starts a run: stops the one before and returns the new run's abort signal. */
  begin(message: string): AbortSignal;
  /** Reports progress of the current run; fraction in [0, 1]. */
  progress(fraction: number, message: string): void;
  /** Ends the current run with a final message. */
  finish(message: string, state?: "done" | "error"): void;
  /**
   * Ends the current run, saying first what is wrong with its outcome when `problem` is set
   * (from outcomeProblem): state "error", or "done" with a warning, per its severity.
   */
  conclude(message: string, problem?: OutcomeProblem): void;
  /** True when the reader pressed Stop during the current run. */
  readonly stopped: boolean;
}

export function liveSection(name: string): LiveSection {
  const status = document.createElement("p");
  status.className = "live-status";
  status.setAttribute("role", "status");
  status.setAttribute("aria-live", "polite");
  const bar = document.createElement("progress");
  bar.max = 1;
  bar.value = 0;
  bar.setAttribute("aria-label", "progress of the live computation");
  const stop = document.createElement("button");
  stop.type = "button";
  stop.dataset.action = "stop";
  stop.textContent = "Stop";
  stop.disabled = true;
  const node = document.createElement("div");
  node.className = "live-bar";
  node.append(bar, stop, status);

  let controller: AbortController | undefined;
  let stopped = false;
  const sectionElement = () =>
    document.querySelector<HTMLElement>(`[data-live-section="${CSS.escape(name)}"]`);
  /** data-outcome on the section and the bar: "warning" or "error" for a bad outcome. */
  const setOutcome = (outcome?: OutcomeSeverity) => {
    for (const element of [sectionElement(), node]) {
      if (!element) continue;
      if (outcome) element.dataset.outcome = outcome;
      else delete element.dataset.outcome;
    }
    status.classList.toggle("live-status-warning", outcome === "warning");
    status.classList.toggle("live-status-error", outcome === "error");
  };
  const setState = (state: LiveState) => {
    const section = sectionElement();
    if (section) section.dataset.state = state;
    node.dataset.state = state;
    const running = state === "running";
    stop.disabled = !running;
    bar.hidden = !running;
  };
  stop.addEventListener("click", () => {
    stopped = true;
    controller?.abort(STOP);
  });
  const finish = (message: string, state: "done" | "error" = "done") => {
    status.textContent = message;
    setOutcome(state === "error" ? "error" : undefined);
    setState(state);
  };
  setState("loading");

  const section: LiveSection = {
    node,
    run: (computation, settings, options) => runLive(section, computation, settings, options),
    begin(message) {
      controller?.abort(REPLACED);
      controller = new AbortController();
      stopped = false;
      bar.value = 0;
      status.textContent = message;
      setOutcome();
      setState("running");
      // A User Timing mark, so that profiles and the browser suite's traces
      // (tests/browser/mainThread.ts) can tell the page's load from its live runs.
      performance.mark(`live run: ${name}`);
      return controller.signal;
    },
    progress(fraction, message) {
      bar.value = Math.max(0, Math.min(1, fraction));
      status.textContent = message;
    },
    finish,
    conclude(message, problem) {
      if (!problem) return finish(message);
      status.textContent = `${capitalised(problem.message)}. ${message}`;
      setOutcome(problem.severity);
      setState(problem.severity === "error" ? "error" : "done");
    },
    get stopped() {
      return stopped;
    },
  };
  return section;
}
