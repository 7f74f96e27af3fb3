/**
 * The residual page's block checked by TensorFlow.js's autodiff, as a live computation
 * (compute/liveRun.ts): the block's readout at the reader's X₀ and weights, with tf.grad's
 * Jacobian and its largest gap to the formula. One step: the check is one short tfjs call.
 */
import { type LiveEnv, type LiveStep, tfOf } from "../liveRun.js";
import { type BlockCase, blockWeights, type Matrix, maxAbsDifference } from "./block.js";
import { BLOCK_N } from "./blockPage.js";
import { blockJacobianTf } from "./blockTf.js";
import { blockReadout } from "./blockReadout.js";

/** The page's block controls. */
export interface BlockSettings {
  x1: number;
  x2: number;
  bseed: number;
  bscale: number;
}

export interface BlockFrame {
  x0: number[];
  seed: number;
  scale: number;
  kind: BlockCase;
  formula: Matrix;
  course: Matrix | null;
  fd: Matrix;
  fdError: number;
  margin: number;
  /** tf.grad's Jacobian (float32) and its largest gap to the formula; absent until computed. */
  auto?: Matrix;
  autoError?: number;
}

export async function* liveBlock(
  { x1, x2, bseed, bscale }: BlockSettings,
  env: LiveEnv,
): AsyncGenerator<LiveStep<BlockFrame>, void, undefined> {
  const x0 = [x1, x2];
  const { w1, w2 } = blockWeights(bseed, BLOCK_N, bscale);
  const { kind, formula, course, fd, fdError, margin } = blockReadout(w1, w2, x0);
  const auto = await blockJacobianTf(tfOf(env), w1, w2, x0);
  yield {
    x0,
    seed: bseed,
    scale: bscale,
    kind,
    formula,
    course,
    fd,
    fdError,
    margin,
    auto,
    autoError: maxAbsDifference(formula, auto),
    progress: 1,
    done: true,
  };
}
