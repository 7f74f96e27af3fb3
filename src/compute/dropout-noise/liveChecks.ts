/**
 * The dropout-noise page's live computations (the contract is compute/liveRun.ts): the two
 * Monte-Carlo runs of the noise identities, and the activation-order check in TensorFlow.js. Each
 * starts from the page's control values alone and rebuilds the problem it needs from them.
 */
import type { LiveEnv, LiveStep } from "../liveRun.js";
import { tfOf } from "../liveRun.js";
import { generateRegression, problemStreams, type Regression } from "../regression.js";
import {
  dropoutExpectedLoss,
  gaussianNoiseExpectedLoss,
  invertedDropoutExpectedLoss,
  type MaskModel,
} from "../tikhonov.js";
import { lossSampler, type MonteCarloStep, monteCarloSteps } from "../monteCarlo.js";
import { type ActivationName, compareOrders, randomLayer } from "./activation.js";
import { compareOrdersTf } from "./activationTf.js";

/** The regression problem's controls. */
export interface ProblemSettings {
  n: number;
  d: number;
  noise: number;
  seed: number;
  draws: number;
}

export interface DropoutSettings extends ProblemSettings {
  p: number;
  masks: "plain" | "inverted";
}

export interface GaussianSettings extends ProblemSettings {
  mu: number;
  sigma: number;
}

/** A Monte-Carlo step with the exact value it should converge to. */
export type MonteCarloFrame = Omit<MonteCarloStep, "progress" | "done"> & { exact: number };

/** Mask streams: one per experiment, so the two mask kinds and the Gaussian noise never share draws. */
const STREAMS = { plain: 0, inverted: 1, gaussian: 2 } as const;

function* withExact(
  steps: Iterable<MonteCarloStep>,
  exact: number,
): Generator<LiveStep<MonteCarloFrame>, void, undefined> {
  for (const step of steps) yield { ...step, exact };
}

function monteCarlo(
  problem: Regression,
  { seed, draws }: ProblemSettings,
  model: MaskModel,
  stream: number,
  exact: number,
) {
  const sampler = lossSampler(problem, problem.wTrue, model, problemStreams(seed).masks(stream));
  return withExact(monteCarloSteps(sampler, draws), exact);
}

/** ‖y − (R∘X)w*‖² over dropout masks, plain or inverted, against its closed form at w*. */
export function dropoutMonteCarlo(settings: DropoutSettings, _env?: LiveEnv) {
  const { p, masks } = settings;
  const problem = generateRegression(settings);
  const expected = masks === "inverted" ? invertedDropoutExpectedLoss : dropoutExpectedLoss;
  const exact = expected(problem, problem.wTrue, p).total;
  const model: MaskModel = { kind: "bernoulli", keep: p, inverted: masks === "inverted" };
  return monteCarlo(problem, settings, model, STREAMS[masks], exact);
}

/** ‖y − (R∘X)w*‖² over Gaussian noise N(μ, σ²), against its closed form at w*. */
export function gaussianMonteCarlo(settings: GaussianSettings, _env?: LiveEnv) {
  const { mu, sigma } = settings;
  const problem = generateRegression(settings);
  const exact = gaussianNoiseExpectedLoss(problem, problem.wTrue, mu, sigma).total;
  const model: MaskModel = { kind: "gaussian", mean: mu, sd: sigma };
  return monteCarlo(problem, settings, model, STREAMS.gaussian, exact);
}

export interface OrderSettings {
  seed: number;
  rate: number;
  activation: ActivationName;
}

export interface OrdersFrame {
  /** tfjs's two orders on one random layer and mask (float32 values), unit by unit. */
  z: number[];
  dropoutFirst: number[];
  activationFirst: number[];
  difference: number[];
  /** Whether each unit was kept by the mask. */
  kept: boolean[];
  units: number;
  nonZero: number;
  maxAbsDifference: number;
  /** The same comparison in double precision. */
  reference: { nonZero: number; maxAbsDifference: number };
}

/** Dropout before and after the activation, in TensorFlow.js, with the same mask: one step. */
export async function* activationOrders(
  settings: OrderSettings,
  env: LiveEnv,
): AsyncGenerator<LiveStep<OrdersFrame>, void, undefined> {
  const layer = randomLayer(settings.seed, settings.rate);
  const result = await compareOrdersTf(tfOf(env), layer, settings.activation);
  const { nonZero, maxAbsDifference } = compareOrders(layer, settings.activation);
  yield {
    z: Array.from(result.z),
    dropoutFirst: Array.from(result.dropoutFirst),
    activationFirst: Array.from(result.activationFirst),
    difference: Array.from(result.difference),
    kept: Array.from(layer.keep, (m) => m === 1),
    units: result.difference.length,
    nonZero: result.nonZero,
    maxAbsDifference: result.maxAbsDifference,
    reference: { nonZero, maxAbsDifference },
    progress: 1,
    done: true,
  };
}
