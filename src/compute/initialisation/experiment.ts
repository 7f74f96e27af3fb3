/**
 * Theory against Monte Carlo for a family of equal-width networks: every (scheme, activation)
 * pair runs on the same sampled networks and inputs (common random numbers), and each per-layer
 * quantity of simulate.ts is summarised over the networks (mean, standard error, 10th and 90th
 * percentiles) next to its mean-field value from meanField.ts. The loader and the tests call this.
 */
import { createRng } from "../prng.js";
import { type Activation, activationName, MAX_SLOPE } from "../activations.js";
import { type TheoryProfile, theoryProfile, uniformWidths } from "../meanField.js";
import { checkScheme, type Scheme, type WeightDistribution } from "../schemes.js";
import {
  runNetwork,
  sampleInputs,
  sampleStandardNetwork,
  sampleUnitRows,
  spread,
  type StandardNetwork,
  weightScale,
} from "../simulate.js";
import { integerAtLeast, seedValue } from "../validate.js";
import { spectralNorm } from "../linalg.js";

export interface ExperimentOptions {
  width: number;
  depth: number;
  networks: number;
  batch: number;
  seed: number;
  schemes: readonly Scheme[];
  activations: readonly Activation[];
  /** Activations that also get the tangent pass and the spectral bound (default: all). */
  inputGradActivations?: readonly Activation[];
  /** Power iterations per layer for ‖W_ℓ‖₂ (default 30). */
  spectralIterations?: number;
  /** Keep every network's per-layer pre-activation mean square (perNetworkPre). */
  perNetworkPre?: boolean;
}

export interface SpreadColumns {
  mean: number[];
  se: number[];
  p10: number[];
  p90: number[];
}

export interface SeriesResult {
  scheme: string;
  activation: Activation;
  width: number;
  theory: TheoryProfile;
  pre: SpreadColumns;
  slope: SpreadColumns;
  grad: SpreadColumns;
  /** Present for inputGradActivations: per depth ℓ = 1…L. */
  inputGrad?: SpreadColumns;
  /**
   * Per depth ℓ: √(mean over networks of (∏_{k≤ℓ} γ‖W_k‖₂)²), the root mean square of each
   * network's bound on ‖∂f/∂x‖ (γ = sup|φ'|).
   */
  bound?: number[];
  /** Per network, per depth: the squared gradient estimate and the squared bound (for checks). */
  perNetwork?: { inputGrad: number[][]; boundSquared: number[][] };
  /** Per network, per layer: the pre-activations' mean square (when asked). */
  perNetworkPre?: number[][];
}

function columns(perNetwork: number[][], length: number): SpreadColumns {
  const out: SpreadColumns = { mean: [], se: [], p10: [], p90: [] };
  for (let l = 0; l < length; l++) {
    const s = spread(perNetwork.map((values) => values[l]));
    out.mean.push(s.mean);
    out.se.push(s.se);
    out.p10.push(s.p10);
    out.p90.push(s.p90);
  }
  return out;
}

interface Accumulator {
  scheme: Scheme;
  activation: Activation;
  pre: number[][];
  slope: number[][];
  grad: number[][];
  inputGrad: number[][];
  boundSquared: number[][];
}

export function runExperiment(
  options: ExperimentOptions,
  onNetwork?: (done: number, total: number) => void,
): SeriesResult[] {
  const { width, depth, networks, batch, seed, schemes, activations } = options;
  integerAtLeast("width", width, 1);
  integerAtLeast("depth", depth, 1);
  integerAtLeast("networks", networks, 2);
  integerAtLeast("batch", batch, 1);
  seedValue(seed);
  schemes.forEach((s, i) => checkScheme(s, `schemes[${i}]`));
  activations.forEach((a, i) => activationName(a, `activations[${i}]`));
  const withInputGrad = new Set(options.inputGradActivations ?? activations);
  const iterations = integerAtLeast("spectralIterations", options.spectralIterations ?? 30, 1);
  const widths = uniformWidths(depth, width);
  const distributions = [...new Set(schemes.map((s) => s.distribution))];
  const acc: Accumulator[] = schemes.flatMap((scheme) =>
    activations.map((activation) => ({
      scheme,
      activation,
      pre: [],
      slope: [],
      grad: [],
      inputGrad: [],
      boundSquared: [],
    }))
  );
  const rng = createRng(seed);
  for (let k = 0; k < networks; k++) {
    // One generator per network, forked in order: the draws do not depend on the grid's schemes.
    const netRng = rng.fork();
    const draws = new Map<WeightDistribution, { net: StandardNetwork; norms: number[] }>();
    for (const distribution of ["normal", "uniform"] as const) {
      const streamRng = netRng.fork();
      if (!distributions.includes(distribution)) continue;
      const net = sampleStandardNetwork(streamRng, widths, distribution);
      const normRng = streamRng.fork();
      const norms = withInputGrad.size
        ? net.layers.map(({ rows, cols, z }) =>
          spectralNorm({ rows, cols, data: z }, { iterations, rng: normRng })
        )
        : [];
      draws.set(distribution, { net, norms });
    }
    const x = sampleInputs(netRng, batch, width);
    const v = sampleUnitRows(netRng, batch, width);
    const u = sampleUnitRows(netRng, batch, width);
    for (const a of acc) {
      const { net, norms } = draws.get(a.scheme.distribution)!;
      const tangent = withInputGrad.has(a.activation);
      const run = runNetwork(net, a.scheme, a.activation, {
        x,
        batch,
        v,
        ...(tangent ? { u } : {}),
      });
      a.pre.push(run.preMeanSquare);
      a.slope.push(run.slopeMeanSquare);
      a.grad.push(run.gradMeanSquare);
      if (tangent) {
        a.inputGrad.push(run.inputGradMeanSquare);
        const gamma = MAX_SLOPE[a.activation];
        let bound = 1;
        a.boundSquared.push(norms.map((norm, l) => {
          bound *= gamma * weightScale(a.scheme, net.distribution, widths[l]) * norm;
          return bound * bound;
        }));
      }
    }
    onNetwork?.(k + 1, networks);
  }
  return acc.map((a) => {
    const theory = theoryProfile({ scheme: a.scheme, activation: a.activation, widths });
    const result: SeriesResult = {
      scheme: a.scheme.name,
      activation: a.activation,
      width,
      theory,
      pre: columns(a.pre, depth),
      slope: columns(a.slope, depth),
      grad: columns(a.grad, depth + 1),
    };
    if (options.perNetworkPre) result.perNetworkPre = a.pre;
    if (a.inputGrad.length) {
      result.inputGrad = columns(a.inputGrad, depth);
      result.bound = columns(a.boundSquared, depth).mean.map(Math.sqrt);
      result.perNetwork = { inputGrad: a.inputGrad, boundSquared: a.boundSquared };
    }
    return result;
  });
}
