/**
 * What the dropout-digits page says about its live training (compute/dropout-digits/liveTrain.ts):
 * the status line while it trains and at the end, the test hook, the points of its accuracy chart
 * and the table of its test scores. A run that went to NaN, diverged or ended below chance
 * (runHealth.ts) is reported as a failure, not a result.
 */
import type { OutcomeProblem } from "../liveRun.js";
import { num } from "../math.js";
import { valueTable } from "../valueTable.js";
import { textColumn } from "../csv.js";
import type { DigitMlpOptions } from "../../compute/dropout-digits/mlpOptions.js";
import type { DigitsTrainFrame, LiveDigitRun } from "../../compute/dropout-digits/liveTrain.js";
import { accuracyGap, cheatDrop } from "../../compute/dropout-digits/digitRuns.js";
import { digitRunProblem } from "../../compute/dropout-digits/runHealth.js";

/** A frame as the page's runner hands it over. */
export type DigitsShown = DigitsTrainFrame & {
  settings: DigitMlpOptions;
  backend?: string;
  elapsedMs: number;
  stopped?: boolean;
};

const pct = (v: number) => `${num(100 * v, 1)} %`;
const pts = (v: number) => num(100 * v, 1);
const backendNames: Record<string, string> = {
  wasm: "WebAssembly",
  webgpu: "WebGPU",
  webgl: "WebGL",
  cpu: "the CPU backend",
};

export function digitsProgress(frame: DigitsShown): string {
  return `Training ${frame.training}: epoch ${frame.epoch} of ${frame.settings.epochs}, step ${frame.stepsDone} of ${frame.stepsPerRun}…`;
}

/** "the run without dropout produced NaN (…)", one for each run that failed. */
export function digitsFailures(runs: DigitsTrainFrame["runs"]): string[] {
  return Object.entries(runs).flatMap(([name, run]) => {
    const problem = digitRunProblem(run);
    return problem ? [`the run ${name} ${problem}`] : [];
  });
}

export function digitsSummary(
  frame: DigitsShown,
): string | { message: string; problem: OutcomeProblem } {
  const failures = digitsFailures(frame.runs);
  if (failures.length) {
    return {
      message: "The numbers below are not a result.",
      problem: { message: `failed: ${failures.join("; ")}`, severity: "error" },
    };
  }
  const off = frame.runs["without dropout"];
  const on = frame.runs["with dropout"];
  const seconds = `${(frame.elapsedMs / 1000).toFixed(1)} s`;
  if (frame.stopped) {
    const where = Object.entries(frame.runs).map(([name, r]) =>
      `${name} after epoch ${r.epochs.length - 1}`
    ).join(", ");
    return `Stopped after ${seconds}${where ? ` (${where})` : ""}.`;
  }
  const backend = frame.backend ?? "";
  const engine = `${frame.reused ? "the run with dropout" : "both runs"} in ${seconds} on ${
    backendNames[backend] ?? backend
  } (longest slice of work ${Math.round(frame.workSliceMs)} ms)`;
  if (on?.test === undefined) {
    return `Done: ${engine.replace("both runs", "one run")}. Clean test accuracy ${
      pct(off!.test!.noise)
    }, gap between training and validation ${
      pts(accuracyGap(off!.epochs.at(-1)!))
    } points (no dropout: raise a keep probability below 1 to compare).`;
  }
  return `Done: ${engine}. Clean test accuracy ${pct(on.test.noise)} with dropout against ${
    pct(off!.test!.noise)
  } without; gap between training and validation ${
    pts(accuracyGap(on.epochs.at(-1)!))
  } points against ${pts(accuracyGap(off!.epochs.at(-1)!))}.`;
}

/**
 * What the page's charts show of a frame: the epochs scored and whether the test scores are in,
 * per run (liveFramesBy's key: charts redraw once an epoch, not every slice of work).
 */
export function chartedPart(frame: DigitsTrainFrame): string {
  return Object.values(frame.runs).map((r) => `${r.epochs.length}${r.test ? "+test" : ""}`).join();
}

/** The page's test hook `lastDigits`: the run's settings, measures, health and runs. */
export function digitsHook(frame: DigitsShown) {
  return {
    settings: frame.settings,
    backend: frame.backend,
    elapsedMs: frame.elapsedMs,
    longestSliceMs: frame.workSliceMs,
    stopped: frame.stopped === true,
    reused: frame.reused,
    failures: digitsFailures(frame.runs),
    runs: frame.runs,
  };
}

/** The accuracy chart's points: training and validation accuracy per epoch of each run. */
export function livePoints(runs: DigitsTrainFrame["runs"]) {
  return Object.entries(runs).flatMap(([run, r]) =>
    r.epochs.flatMap((e) => [
      { run, set: "training", epoch: e.epoch, accuracy: e.trainAccuracy },
      { run, set: "validation", epoch: e.epoch, accuracy: e.validationAccuracy },
    ])
  );
}

/**
 * The finished runs' test scores side by side, or a line saying they come when a run is done.
 * With strength 0 there is no block to side with.
 */
export function liveResults(runs: DigitsTrainFrame["runs"], strength: number): HTMLElement {
  const finished = Object.entries(runs).filter(([, r]) => r.test) as [string, LiveDigitRun][];
  if (!finished.length) {
    const p = document.createElement("p");
    p.textContent = "The test scores appear here when a run is done.";
    return p;
  }
  const measures: [string, (r: LiveDigitRun) => string][] = [
    ["clean test accuracy (block is noise)", (r) => pct(r.test!.noise)],
    ["test accuracy, block names the label", (r) => pct(r.test!.honest)],
    ["test accuracy, block blank", (r) => pct(r.test!.blank)],
    ["cost of a noisy block", (r) => `${pts(cheatDrop(r.test!))} points`],
    ["sides with a wrong block", (r) => strength > 0 ? pct(r.test!.followed) : "no block"],
    ["final gap, training − validation", (r) => `${pts(accuracyGap(r.epochs.at(-1)!))} points`],
  ];
  return valueTable(
    [
      textColumn("after the last epoch", ([label]: (typeof measures)[number]) => label),
      ...finished.map(([name, r]) =>
        textColumn(name, ([, show]: (typeof measures)[number]) => show(r))
      ),
    ],
    measures,
    { className: "value-table digit-live-results" },
  );
}
