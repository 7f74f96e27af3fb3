/**
 * Inside a trained network, for one digit: what each of the eight filters makes of it (the
 * feature maps after batch norm, or the bias, and ReLU, before pooling) and the network's ten
 * logits. The same forward pass as training's evaluation (cnnModelTf.ts), for a batch of one.
 */
import type { Tf } from "../tf.js";
import type { DigitSet } from "../digitSet.js";
import { cnnForward, cnnVariables, runningTensors } from "./cnnModelTf.js";
import { digitPatches, featureMaps, ROWS_PER_DIGIT } from "./patches.js";
import { PATCH_SIZE } from "./architecture.js";
import type { CnnWeights, RunningStats } from "./weights.js";

export interface DigitInside {
  /** maps[f]: filter f's 12 × 12 map, row-major. */
  maps: Float32Array[];
  logits: Float32Array;
}

export async function digitInside(
  tf: Tf,
  network: { weights: CnnWeights; running: RunningStats; batchNorm: boolean },
  set: DigitSet,
  index: number,
): Promise<DigitInside> {
  const vars = cnnVariables(tf, network.weights);
  const running = runningTensors(tf, network.running);
  const [activations, logits] = tf.tidy(() => {
    const patches = tf.tensor2d(digitPatches(set, [index]), [ROWS_PER_DIGIT, PATCH_SIZE]);
    const out = cnnForward(tf, vars, patches, 1, {
      batchNorm: network.batchNorm,
      mode: "eval",
      running,
    });
    return [out.activations, out.logits];
  });
  try {
    const [a, l] = await Promise.all([activations.data(), logits.data()]);
    return { maps: featureMaps(a, 1)[0], logits: l as Float32Array };
  } finally {
    tf.dispose([activations, logits, running.mean, running.variance, ...Object.values(vars)]);
  }
}
