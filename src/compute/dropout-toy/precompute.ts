/**
 * The precomputed sweep behind the dropout-toy page: the two-feature toy trained with SGD and Adam
 * over the grid's drop rates and seeds, next to the closed forms.
 *
 * Output: the grid (config), the closed form w*(r) on a fine grid of rates, the minimum-norm fit
 * and the r → 0+ limit, every run's tail mean (trained), and per (rate, optimiser) the mean, sample
 * standard deviation and range over seeds (summary). tailSteps is the number of iterates each tail
 * mean averages. SGD summary rows also carry what the exact mean dynamics predict (see
 * dropoutConvergence.ts): expectedOffset, the expected tail mean's offset from w*(r) relative to
 * each weight ({w1, w2}; the part of the gap that more seeds cannot average away), and
 * timeConstant, the slowest mode's e-folding time in steps. Adam rows have null in both.
 *
 * `round` is applied to every estimate as it is made, so the summary is the summary of the
 * shipped (rounded) tail means.
 */
import { exact, type Rounding } from "../round.js";
import { sgdExpectedTailOffset } from "./dropoutConvergence.js";
import { expectedLossMinimiser, limitAsRateToZero, olsMinNorm } from "./dropoutToy.js";
import { type DropoutOptimizer, tailLength, trainDropout } from "./dropoutTrain.js";
import { learningRate, OPTIMIZERS, type ToyGrid } from "./grid.js";
import { summariseRuns } from "./summariseRuns.js";

/** The exact mean dynamics of SGD at one rate of the grid: the tail mean's expected offset. */
function sgdMeanDynamics(rate: number, lr: number, grid: ToyGrid, round: Rounding) {
  const { offset, timeConstant } = sgdExpectedTailOffset({
    rate,
    batchSize: grid.batchSize,
    learningRate: lr,
    steps: grid.steps,
    optimizer: "sgd",
    seed: 0,
  });
  const [e1, e2] = expectedLossMinimiser(rate);
  return {
    expectedOffset: { w1: round(offset[0] / e1), w2: round(offset[1] / e2) },
    timeConstant: round(timeConstant),
  };
}

function closedFormCurve(grid: ToyGrid, round: Rounding) {
  const { from, to, step } = grid.closedFormRates;
  const curve = [];
  for (let i = 0; from + i * step <= to + 1e-12; i++) {
    const rate = Number((from + i * step).toFixed(9));
    const [w1, w2] = expectedLossMinimiser(rate);
    curve.push({ rate, w1: round(w1), w2: round(w2) });
  }
  return curve;
}

/** Every run of the grid; `log` hears one line per (rate, optimiser). */
export function precomputeToySweep(
  grid: ToyGrid,
  round: Rounding = exact,
  log: (line: string) => void = () => {},
) {
  const started = performance.now();
  const elapsed = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;
  const closedForm = closedFormCurve(grid, round);
  const trained = [];
  for (const rate of grid.rates) {
    for (const optimizer of OPTIMIZERS) {
      const lr = learningRate(grid, optimizer, rate);
      const runs = grid.seeds.map((seed) => {
        const r = trainDropout({
          rate,
          batchSize: grid.batchSize,
          learningRate: lr,
          steps: grid.steps,
          optimizer,
          seed,
        });
        if (r.diverged) {
          throw new RangeError(
            `${optimizer} at drop rate ${rate}, seed ${seed}, learning rate ${lr} diverged at step ` +
              `${r.divergedAt}; lower grid.${optimizer}.learningRate`,
          );
        }
        return { rate, optimizer, seed, w1: round(r.tailMean[0]), w2: round(r.tailMean[1]) };
      });
      trained.push(...runs);
      log(`rate ${rate} ${optimizer.padEnd(4)} trained [${elapsed()}]`);
    }
  }
  const summary = summariseRuns(trained).map((s) => {
    const lr = learningRate(grid, s.optimizer as DropoutOptimizer, s.rate);
    const sgd = s.optimizer === "sgd"
      ? sgdMeanDynamics(s.rate, lr, grid, round)
      : { expectedOffset: null, timeConstant: null };
    return {
      ...s,
      learningRate: round(lr),
      w1Mean: round(s.w1Mean),
      w1Sd: round(s.w1Sd),
      w2Mean: round(s.w2Mean),
      w2Sd: round(s.w2Sd),
      ...sgd,
    };
  });
  const [m1, m2] = olsMinNorm();
  const [l1, l2] = limitAsRateToZero();
  return {
    config: grid,
    closedForm,
    tailSteps: tailLength(grid.steps),
    minNorm: { w1: round(m1), w2: round(m2) },
    limitAtZero: { w1: round(l1), w2: round(l2) },
    trained,
    summary,
  };
}
