/**
 * The bidirectional RNN's gradients checked three ways, as a live computation
 * (compute/liveRun.ts): the course's formulas and central finite differences in double precision,
 * and TensorFlow.js's autodiff (float32), on the seeded instance. One step: the tfjs part is one
 * short call.
 */
import { type LiveEnv, type LiveStep, tfOf } from "../liveRun.js";
import { brnnWeightGradients, randomBrnn, relativeGap } from "./brnn.js";
import { brnnFiniteDifferences } from "./brnnFiniteDifferences.js";
import { brnnGradientsTf } from "./brnnTf.js";

/** ∇Wᶠ and ∇Uᵇ (row-major), or a number for each. */
export interface Pair<T> {
  wf: T;
  ub: T;
}

/** The formulas' gradients, their finite differences, and each one's gap to the formulas. */
export function brnnReference(settings: { seed: number; steps: number }) {
  const brnn = randomBrnn(settings);
  const formula = brnnWeightGradients(brnn);
  const finite = { wf: brnnFiniteDifferences(brnn, "wf"), ub: brnnFiniteDifferences(brnn, "ub") };
  const finiteGap = {
    wf: relativeGap(finite.wf, formula.wf),
    ub: relativeGap(finite.ub, formula.ub),
  };
  return { brnn, formula, finite, finiteGap };
}

export interface BrnnCheckFrame {
  loss: number;
  formulaLoss: number;
  /** TensorFlow.js's gradients and the formulas', as plain arrays. */
  tf: Pair<number[]>;
  formula: Pair<number[]>;
  /** Largest difference from the formulas, relative to each gradient's largest entry. */
  tfGap: Pair<number>;
  finiteGap: Pair<number>;
}

export async function* liveBrnnCheck(
  settings: { seed: number; steps: number },
  env: LiveEnv,
): AsyncGenerator<LiveStep<BrnnCheckFrame>, void, undefined> {
  const { brnn, formula, finiteGap } = brnnReference(settings);
  const got = await brnnGradientsTf(tfOf(env), brnn);
  yield {
    loss: got.loss,
    formulaLoss: formula.loss,
    tf: { wf: Array.from(got.wf), ub: Array.from(got.ub) },
    formula: { wf: Array.from(formula.wf), ub: Array.from(formula.ub) },
    tfGap: { wf: relativeGap(got.wf, formula.wf), ub: relativeGap(got.ub, formula.ub) },
    finiteGap,
    progress: 1,
    done: true,
  };
}
