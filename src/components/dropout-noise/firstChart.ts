/**
 * The dropout-noise page's first chart, the Monte Carlo check of dropout's expected loss: the page
 * draws it with `dropoutCheckChart` while its live run draws masks, and the build draws its first
 * picture (no draw yet, the exact value marked) at the controls' defaults, DROPOUT_CHECK_DEFAULTS,
 * into the HTML (src/tasks/prerender.ts).
 */
import { generateRegression } from "../../compute/regression.js";
import { dropoutExpectedLoss, invertedDropoutExpectedLoss } from "../../compute/tikhonov.js";
import type { FirstChart } from "../firstChart.js";
import { monteCarloChart } from "./monteCarloChart.js";

export type Masks = "plain" | "inverted";

/** The page's controls of the problem and of the dropout check at their defaults. */
export const DROPOUT_CHECK_DEFAULTS = {
  n: 50,
  d: 5,
  noise: 0.5,
  seed: 1,
  p: 0.8,
  masks: "plain" as Masks,
  draws: 20000,
};

/** The running mean of the masked loss so far against its exact value `exact`. */
export function dropoutCheckChart(
  settings: { p: number; masks: Masks; draws: number },
  exact: number,
  run: Pick<Parameters<typeof monteCarloChart>[0], "checkpoints" | "done">,
  width: number,
): HTMLElement {
  const { p, masks, draws } = settings;
  return monteCarloChart({
    name: "dropout-monte-carlo",
    title: `Dropout with ${masks} masks at p = ${p}: running mean against the exact value`,
    what: masks === "inverted"
      ? "‖y − (R∘X/p)w*‖² over inverted masks"
      : "‖y − (R∘X)w*‖² over plain masks",
    checkpoints: run.checkpoints,
    exact,
    samples: draws,
    done: run.done,
  }, { width });
}

export const firstChart: FirstChart = {
  name: "dropout-monte-carlo",
  width: 704,
  draw: (width) => {
    const settings = DROPOUT_CHECK_DEFAULTS;
    const problem = generateRegression(settings);
    const expected = settings.masks === "inverted"
      ? invertedDropoutExpectedLoss
      : dropoutExpectedLoss;
    const exact = expected(problem, Array.from(problem.wTrue), settings.p).total;
    return dropoutCheckChart(settings, exact, { checkpoints: [], done: false }, width);
  },
};
