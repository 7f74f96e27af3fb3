/**
 * The precomputed experiment behind the initialisation page: theory against Monte Carlo for every
 * scheme × activation × width of the grid, at every layer of a deep network (forward
 * pre-activation variance, backward squared gradient, and for some activations the gradient
 * reaching the input as depth grows, with its bound), plus the course's check of PyTorch's default
 * (formula, recursion and Monte Carlo). Seeded draws, no clock: the output depends only on the grid.
 *
 * `round` is applied to every theory and Monte Carlo number and to each scheme's gain; the grid's
 * own numbers and the PyTorch formula and recursion are shipped as computed.
 */
import { exact, roundEvery, type Rounding } from "../round.js";
import { pytorchOutputVariance, pytorchVarianceRecursion } from "../schemes.js";
import { runExperiment, type SeriesResult } from "./experiment.js";
import type { InitialisationGrid, WidthEntry } from "./grid.js";
import { pytorchOutputMonteCarlo } from "./pytorchMonteCarlo.js";

function seriesOutput(r: SeriesResult, entry: WidthEntry, round: Rounding) {
  const all = <T>(value: T) => roundEvery(value, round);
  return {
    scheme: r.scheme,
    activation: r.activation,
    width: r.width,
    networks: entry.networks,
    batch: entry.batch,
    theory: {
      pre: all(r.theory.preVariance),
      grad: all(r.theory.gradMeanSquare),
      inputGrad: all(r.theory.inputGradMeanSquare),
      slope: all(r.theory.slopeMeanSquare),
    },
    pre: all(r.pre),
    grad: all(r.grad),
    slope: all(r.slope.mean),
    ...(r.inputGrad ? { inputGrad: all(r.inputGrad), bound: all(r.bound!) } : {}),
  };
}

/** The whole experiment; `log` hears one line per width and one for the PyTorch check. */
export function precomputeInitialisation(
  grid: InitialisationGrid,
  round: Rounding = exact,
  log: (line: string) => void = () => {},
) {
  const started = performance.now();
  const elapsed = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;
  const { widths: fanIns, networks, seed } = grid.pytorchCheck;
  const mc = pytorchOutputMonteCarlo(fanIns, networks, seed);
  log(`PyTorch check, ${networks} networks [${elapsed()}]`);
  const series = [];
  for (const [i, entry] of grid.widths.entries()) {
    const results = runExperiment({
      ...entry,
      depth: grid.depth,
      // One seed per width, spread so that no two widths share a stream.
      seed: (grid.seed + 7919 * (i + 1)) >>> 0,
      schemes: grid.schemes,
      activations: grid.activations,
      inputGradActivations: grid.inputGradActivations,
      spectralIterations: grid.spectralIterations,
    });
    series.push(...results.map((r) => seriesOutput(r, entry, round)));
    log(`width ${entry.width}, ${entry.networks} networks [${elapsed()}]`);
  }
  return {
    config: { ...grid, schemes: grid.schemes.map((s) => ({ ...s, gain: round(s.gain) })) },
    pytorchCheck: {
      widths: fanIns,
      formula: pytorchOutputVariance(fanIns),
      recursion: pytorchVarianceRecursion(fanIns),
      monteCarlo: {
        networks: mc.networks,
        meanSquare: round(mc.meanSquare),
        meanSquareSe: round(mc.meanSquareSe),
        mean: round(mc.mean),
        meanSe: round(mc.meanSe),
      },
    },
    series,
  };
}
