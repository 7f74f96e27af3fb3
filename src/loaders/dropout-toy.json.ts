/**
 * Data loader for the dropout sweep: trains the two-feature toy with SGD and Adam over a grid of
 * drop rates and seeds and prints JSON with the trained estimates next to the closed forms.
 *
 * Input: data/dropout-toy.json, or a grid file given as the first CLI argument (or in the
 * DROPOUT_SWEEP_GRID environment variable when env access is allowed) — the tests use that to
 * feed it bad grids. Output goes to stdout in one write at the very end, so a failure part-way
 * leaves stdout empty and Observable Framework never caches a truncated file; progress goes to
 * stderr. Any problem exits with status 1 and a message.
 *
 * Output: the grid (config), the closed form w*(r) on a fine grid of rates, the minimum-norm fit
 * and the r → 0+ limit, every run's tail mean (trained), and per (rate, optimiser) the mean, sample
 * standard deviation and range over seeds (summary). tailSteps is the number of iterates each tail
 * mean averages. SGD summary rows also carry what the exact mean dynamics predict (see
 * dropoutConvergence.ts): expectedOffset, the expected tail mean's offset from w*(r) relative to
 * each weight ({w1, w2}; the part of the gap that more seeds cannot average away), and
 * timeConstant, the slowest mode's e-folding time in steps. Adam rows have null in both.
 */

import {
  expectedLossMinimiser,
  limitAsRateToZero,
  maxMeanSquareStableLearningRate,
  maxStableLearningRate,
  olsMinNorm,
} from "../compute/dropout-toy/dropoutToy.js";
import {
  type DropoutOptimizer,
  tailLength,
  trainDropout,
} from "../compute/dropout-toy/dropoutTrain.js";
import { sgdExpectedTailOffset } from "../compute/dropout-toy/dropoutConvergence.js";
import { summariseRuns } from "../compute/dropout-toy/summariseRuns.js";
import {
  dropRate,
  inRange,
  integerAtLeast,
  positiveNumber,
  seedValue,
} from "../compute/validate.js";

interface OptimizerGrid {
  learningRate: number;
  /** Multiply the learning rate by 1 − rate (see the grid's note). */
  scaleByKeepProbability: boolean;
}

interface Grid {
  note?: string;
  rates: number[];
  seeds: number[];
  steps: number;
  batchSize: number;
  sgd: OptimizerGrid;
  adam: OptimizerGrid;
  closedFormRates: { from: number; to: number; step: number };
}

const OPTIMIZERS: DropoutOptimizer[] = ["sgd", "adam"];

function gridPath(): string {
  if (Deno.args[0]) return Deno.args[0];
  const env = Deno.permissions.querySync({ name: "env", variable: "DROPOUT_SWEEP_GRID" });
  const fromEnv = env.state === "granted" ? Deno.env.get("DROPOUT_SWEEP_GRID") : undefined;
  return fromEnv || new URL("../../data/dropout-toy.json", import.meta.url).pathname;
}

function parseGrid(raw: unknown): Grid {
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) {
    throw new RangeError("grid must be a JSON object");
  }
  const g = raw as Record<string, unknown>;
  const list = (name: string, value: unknown) => {
    if (!Array.isArray(value) || value.length === 0) {
      throw new RangeError(`grid.${name} must be a non-empty array; got ${JSON.stringify(value)}`);
    }
    return value as unknown[];
  };
  const rates = list("rates", g.rates).map((r, i) => dropRate(r, `grid.rates[${i}] (drop rate)`));
  if (new Set(rates).size !== rates.length) throw new RangeError("grid.rates has duplicates");
  const seeds = list("seeds", g.seeds).map((s, i) => seedValue(s, `grid.seeds[${i}]`));
  const optimizer = (name: DropoutOptimizer): OptimizerGrid => {
    const o = g[name] as Record<string, unknown> | undefined;
    if (o === null || typeof o !== "object") throw new RangeError(`grid.${name} must be an object`);
    const scale = o.scaleByKeepProbability ?? false;
    if (typeof scale !== "boolean") {
      throw new RangeError(`grid.${name}.scaleByKeepProbability must be true or false`);
    }
    return {
      learningRate: positiveNumber(`grid.${name}.learningRate`, o.learningRate),
      scaleByKeepProbability: scale,
    };
  };
  const cf = g.closedFormRates as Record<string, number> | undefined;
  if (cf === null || typeof cf !== "object") {
    throw new RangeError("grid.closedFormRates must be an object {from, to, step}");
  }
  const from = dropRate(cf.from, "grid.closedFormRates.from (drop rate)");
  const to = inRange("grid.closedFormRates.to", cf.to, { min: from, max: 1, maxInclusive: false });
  const step = positiveNumber("grid.closedFormRates.step", cf.step);
  if ((to - from) / step > 100_000) {
    throw new RangeError("grid.closedFormRates has too many points");
  }
  if (g.note !== undefined && typeof g.note !== "string") {
    throw new RangeError("grid.note must be a string");
  }
  return {
    ...(g.note !== undefined ? { note: g.note as string } : {}),
    rates,
    seeds,
    steps: integerAtLeast("grid.steps", g.steps, 1, 10_000_000),
    batchSize: integerAtLeast("grid.batchSize", g.batchSize, 1, 1_000_000),
    sgd: optimizer("sgd"),
    adam: optimizer("adam"),
    closedFormRates: { from, to, step },
  };
}

function learningRate(grid: Grid, optimizer: DropoutOptimizer, rate: number): number {
  const o = grid[optimizer];
  return o.scaleByKeepProbability ? o.learningRate * (1 - rate) : o.learningRate;
}

/** Refuses an SGD step size that would make the sweep's dots meaningless noise or blow up. */
function checkSgdStability(grid: Grid): void {
  for (const rate of grid.rates) {
    const lr = learningRate(grid, "sgd", rate);
    const bound = maxMeanSquareStableLearningRate(rate, grid.batchSize);
    if (lr >= bound) {
      throw new RangeError(
        `SGD learning rate ${lr} at drop rate ${rate} is not below the mean-square stability bound ` +
          `${bound.toPrecision(4)} for batch ${grid.batchSize} (2/λmax = ${
            maxStableLearningRate(rate).toPrecision(4)
          }); lower grid.sgd.learningRate`,
      );
    }
  }
}

/** The exact mean dynamics of SGD at one rate of the grid: the tail mean's expected offset. */
function sgdMeanDynamics(rate: number, lr: number, grid: Grid) {
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

// Ten significant digits are far below the seed-to-seed spread and keep the file readable.
const round = (v: number) => Number(v.toPrecision(10));

function sweep(grid: Grid, log: (line: string) => void) {
  const started = performance.now();
  const elapsed = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;
  const { from, to, step } = grid.closedFormRates;
  const closedForm = [];
  for (let i = 0; from + i * step <= to + 1e-12; i++) {
    const rate = Number((from + i * step).toFixed(9));
    const [w1, w2] = expectedLossMinimiser(rate);
    closedForm.push({ rate, w1: round(w1), w2: round(w2) });
  }
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
      log(`dropout-toy: rate ${rate} ${optimizer.padEnd(4)} trained [${elapsed()}]`);
    }
  }
  const summary = summariseRuns(trained).map((s) => {
    const lr = learningRate(grid, s.optimizer as DropoutOptimizer, s.rate);
    const sgd = s.optimizer === "sgd"
      ? sgdMeanDynamics(s.rate, lr, grid)
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

async function main(): Promise<number> {
  const started = performance.now();
  const log = (line: string) => console.error(line);
  const path = gridPath();
  let output: string;
  try {
    let text: string;
    try {
      text = await Deno.readTextFile(path);
    } catch (e) {
      throw new Error(`cannot read grid ${path}: ${(e as Error).message}`);
    }
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch (e) {
      throw new Error(`grid ${path} is not valid JSON: ${(e as Error).message}`);
    }
    const grid = parseGrid(raw);
    checkSgdStability(grid);
    const runs = grid.rates.length * OPTIMIZERS.length * grid.seeds.length;
    log(
      `dropout-toy: ${runs} runs of ${grid.steps} steps × batch ${grid.batchSize} from ${path}`,
    );
    output = JSON.stringify(sweep(grid, log));
  } catch (e) {
    log(`dropout-toy: FAILED: ${(e as Error).message}`);
    return 1;
  }
  console.log(output);
  log(`dropout-toy: done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return 0;
}

if (import.meta.main) Deno.exit(await main());
