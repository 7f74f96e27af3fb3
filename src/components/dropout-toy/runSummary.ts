/**
 * The dropout toy's status line at the end of a live run: how it ended, where it settled, and how
 * far that is from the closed form, as assessDropoutRun judges it (the browser test checks this
 * sentence against the same assessment).
 */
import { assessDropoutRun } from "../../compute/dropout-toy/dropoutConvergence.js";
import type { DropoutTrainOptions } from "../../compute/dropout-toy/dropoutTrain.js";

const percent = (f: number) => `${(100 * f).toFixed(f < 0.1 ? 1 : 0)} %`;

export interface RunEnd {
  stepsDone: number;
  diverged: boolean;
  stopped?: boolean;
  elapsedMs: number;
  estimate: readonly number[];
}

export interface RunContext {
  settings: DropoutTrainOptions;
  /** The closed-form w*(r) for the run's rate. */
  target: readonly number[];
  /** The minimum-norm exact fit, where SGD from zero goes at r = 0. */
  minNorm: readonly number[];
  /** The page's weight format (d3's ".4f"), so the status line prints weights as the page does. */
  fmt: (value: number) => string;
}

export function runSummary(result: RunEnd, context: RunContext): string {
  const { fmt } = context;
  if (result.diverged) {
    return `The weights blew up after ${result.stepsDone} steps: the learning rate is too large for this drop rate and batch. Lower it.`;
  }
  const head = result.stopped
    ? `Stopped after ${result.stepsDone} of ${context.settings.steps} steps`
    : `Done: ${result.stepsDone} steps in ${Math.round(result.elapsedMs)} ms`;
  const mean = `Mean of the last quarter of iterates: (${fmt(result.estimate[0])}, ${
    fmt(result.estimate[1])
  })`;
  return result.stopped
    ? `${head}. ${mean}.`
    : `${head}. ${mean}; ${verdictText(result.estimate, context)}`;
}

function verdictText(estimate: readonly number[], { settings, target, minNorm, fmt }: RunContext) {
  const verdict = assessDropoutRun(settings, estimate, target);
  const fixes = verdict.remedies.length
    ? ` ${verdict.remedies.join(" or ").replace(/^./, (c) => c.toUpperCase())}${
      verdict.stepsNeeded ? ` (about ${verdict.stepsNeeded} steps at this rate)` : ""
    } would close the gap.`
    : "";
  if (verdict.reference === "line of minimisers") {
    return `at r = 0 every exact fit 10·w₁ + w₂ = 11 minimises the loss, and the run is ${
      percent(verdict.relativeDistance)
    } off that line. Adam picks its own exact fit; w*(0) = (${fmt(minNorm[0])}, ${
      fmt(minNorm[1])
    }) is the minimum-norm one that SGD from zero reaches.${fixes}`;
  }
  const rate = settings.rate;
  const where = rate === 0
    ? `at r = 0 SGD from zero heads for the minimum-norm fit (${fmt(minNorm[0])}, ${
      fmt(minNorm[1])
    })`
    : `the closed form is w*(${rate}) = (${fmt(target[0])}, ${fmt(target[1])})`;
  return verdict.converged && verdict.relativeDistance <= verdict.tolerance
    ? `${where}, and the run is within ${percent(verdict.relativeDistance)} of it.`
    : `${where}: the run is still ${percent(verdict.relativeDistance)} away${
      verdict.converged ? ", within the luck of one seed" : " and has not converged"
    }.${fixes}`;
}
