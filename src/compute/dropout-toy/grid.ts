/**
 * The grid of the dropout-toy page's precomputed sweep (data/dropout-toy.json), checked: drop
 * rates, seeds, steps and batch size, each optimiser's learning rate, and the rates of the
 * closed-form curve. SGD step sizes at or above the batch's mean-square stability bound are
 * refused here, because the sweep's dots would be noise or blow up. Every message names the field.
 */
import { dropRate, inRange, integerAtLeast, positiveNumber, seedValue } from "../validate.js";
import { maxMeanSquareStableLearningRate, maxStableLearningRate } from "./dropoutToy.js";
import type { DropoutOptimizer } from "./dropoutTrain.js";

export interface OptimizerGrid {
  learningRate: number;
  /** Multiply the learning rate by 1 − rate (see the grid's note). */
  scaleByKeepProbability: boolean;
}

export interface ToyGrid {
  note?: string;
  rates: number[];
  seeds: number[];
  steps: number;
  batchSize: number;
  sgd: OptimizerGrid;
  adam: OptimizerGrid;
  closedFormRates: { from: number; to: number; step: number };
}

export const OPTIMIZERS: DropoutOptimizer[] = ["sgd", "adam"];

/** The step size an optimiser uses at one drop rate of the grid. */
export function learningRate(grid: ToyGrid, optimizer: DropoutOptimizer, rate: number): number {
  const o = grid[optimizer];
  return o.scaleByKeepProbability ? o.learningRate * (1 - rate) : o.learningRate;
}

export function parseToyGrid(raw: unknown): ToyGrid {
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
  const grid = {
    ...(g.note !== undefined ? { note: g.note as string } : {}),
    rates,
    seeds,
    steps: integerAtLeast("grid.steps", g.steps, 1, 10_000_000),
    batchSize: integerAtLeast("grid.batchSize", g.batchSize, 1, 1_000_000),
    sgd: optimizer("sgd"),
    adam: optimizer("adam"),
    closedFormRates: { from, to, step },
  };
  checkSgdStability(grid);
  return grid;
}

/** Refuses an SGD step size that would make the sweep's dots meaningless noise or blow up. */
function checkSgdStability(grid: ToyGrid): void {
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
