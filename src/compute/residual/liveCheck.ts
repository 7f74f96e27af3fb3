/**
 * The residual page's small network checked against TensorFlow.js's autodiff, as a live
 * computation (compute/liveRun.ts): the homework's gradient formulas (mlp.ts, Float64) against
 * tf.grads (float32), layer by layer. One step: the check is one short tfjs call.
 */
import { type LiveEnv, type LiveStep, tfOf } from "../liveRun.js";
import { checkInstance } from "./liveNetwork.js";
import { type MlpActivation, type MlpGradients, outputGradients } from "./mlp.js";
import { type MlpGradientsTf, mlpGradientsTf } from "./mlpTf.js";

export interface CheckRow {
  layer: number;
  /** ‖∂y_L/∂b_ℓ‖ and ‖∂y_L/∂A_ℓ‖_F by the formulas. */
  b: number;
  a: number;
  /** Largest |formula − autodiff| over the entries of ∂y_L/∂b_ℓ and of ∂y_L/∂A_ℓ. */
  db: number;
  dA: number;
}

const norm = (v: ArrayLike<number>) => Math.sqrt(Array.from(v).reduce((s, x) => s + x * x, 0));
const largestGap = (a: ArrayLike<number>, b: ArrayLike<number>) =>
  Math.max(...Array.from(a, (v, i) => Math.abs(v - b[i])));

/** One row per layer ℓ = 1 … L: the formulas' sizes and their largest gaps to autodiff. */
export function gradientCheckRows(formula: MlpGradients, auto: MlpGradientsTf): CheckRow[] {
  return formula.db.map((db, l) => ({
    layer: l + 1,
    b: norm(db),
    a: norm(formula.dA[l]),
    db: largestGap(db, auto.db[l]),
    dA: largestGap(formula.dA[l], auto.dA[l]),
  }));
}

export interface CheckFrame {
  activation: MlpActivation;
  seed: number;
  rows?: CheckRow[];
  /** The largest gap over every entry of every gradient. */
  worst?: number;
}

export async function* liveCheck(
  { activation, seed }: { activation: MlpActivation; seed: number },
  env: LiveEnv,
): AsyncGenerator<LiveStep<CheckFrame>, void, undefined> {
  const { net, x } = checkInstance(activation, seed);
  const auto = await mlpGradientsTf(tfOf(env), net, x);
  const rows = gradientCheckRows(outputGradients(net, x), auto);
  const worst = Math.max(...rows.map((r) => Math.max(r.db, r.dA)));
  yield { activation, seed, rows, worst, progress: 1, done: true };
}
