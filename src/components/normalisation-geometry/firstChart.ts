/**
 * The normalisation-geometry page's first chart, batch norm of a Gaussian batch by batch: the page
 * draws it with `bn1dChart` from its controls, whose defaults are BN_1D_DEFAULTS, and the build
 * draws it at those defaults into the HTML (src/tasks/prerender.ts).
 */
import {
  batchNormGaussian1d,
  type Gaussian1dSample,
  pooledStatistics,
  standardNormals,
} from "../../compute/normalisation-geometry/gaussianBatchNorm.js";
import { batchesFor, NORMALS_1D } from "../../compute/normalisation-geometry/geometryPage.js";
import type { FirstChart } from "../firstChart.js";
import { bnHistogramChart } from "./bnGaussianCharts.js";

export interface Bn1dSettings {
  mean: number;
  variance: number;
  beta: number;
  gamma: number;
  batch: number;
  seed: number;
}

/** The page's controls of the one-dimensional experiment at their defaults. */
export const BN_1D_DEFAULTS: Bn1dSettings = {
  mean: 1.5,
  variance: 0.16,
  beta: 3,
  gamma: 1,
  batch: 256,
  seed: 1,
};

/**
 * The inputs and batch norm's outputs at `settings`, and the outputs' pooled statistics. The page
 * passes the seed's standard normals, drawn once per seed.
 */
export function bn1dSample(
  settings: Bn1dSettings,
  normals = standardNormals(settings.seed, NORMALS_1D),
): { sample: Gaussian1dSample; stats: ReturnType<typeof pooledStatistics> } {
  const { mean, variance, beta, gamma, batch, seed } = settings;
  const sample = batchNormGaussian1d({
    mean,
    variance,
    beta,
    gamma,
    batchSize: batch,
    batches: batchesFor(batch),
    seed,
    normals,
  });
  return { sample, stats: pooledStatistics(sample.y, batch, beta, gamma) };
}

/** The histogram of the outputs against N(β, γ²), the inputs' density and the exact law. */
export function bn1dChart(
  settings: Bn1dSettings,
  { sample, stats }: ReturnType<typeof bn1dSample>,
  width: number,
): HTMLElement {
  const { mean, variance, beta, gamma, batch } = settings;
  return bnHistogramChart({
    x: sample.x,
    y: sample.y,
    mean,
    variance,
    beta,
    gamma,
    batchSize: batch,
    outputMean: stats.mean,
    outputVariance: stats.variance,
  }, { width });
}

export const firstChart: FirstChart = {
  name: "bn-1d",
  width: 704,
  draw: (width) => bn1dChart(BN_1D_DEFAULTS, bn1dSample(BN_1D_DEFAULTS), width),
};
