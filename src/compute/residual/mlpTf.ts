/**
 * The gradients of the residual MLP's output y_L with respect to every A_ℓ and b_ℓ, by
 * TensorFlow.js's automatic differentiation (tf.grads) of the forward pass written with tfjs ops:
 * an independent check of the homework's formulas in mlp.ts. Float32; one download.
 */
import type * as TfCore from "@tensorflow/tfjs-core";
import type { Tf } from "../tf.js";
import { checkMlp, hasSkip, type MlpActivation, type ResidualMlp } from "./mlp.js";

function activationTf(tf: Tf, activation: MlpActivation, z: TfCore.Tensor): TfCore.Tensor {
  switch (activation) {
    case "sigmoid":
      return tf.sigmoid(z);
    case "tanh":
      return tf.tanh(z);
    case "relu":
      return tf.relu(z);
  }
}

export interface MlpGradientsTf {
  /** ∂y_L/∂b_ℓ at index ℓ − 1. */
  db: Float64Array[];
  /** ∂y_L/∂A_ℓ (rows × cols, row-major) at index ℓ − 1. */
  dA: Float64Array[];
}

/** tf.grads of y_L(x) with respect to A₁, b₁, …, A_L, b_L. */
export async function mlpGradientsTf(
  tf: Tf,
  net: ResidualMlp,
  x: ArrayLike<number>,
): Promise<MlpGradientsTf> {
  checkMlp(net);
  const L = net.layers.length;
  const packed = tf.tidy(() => {
    const params = net.layers.flatMap((layer) => [
      tf.tensor2d(Float32Array.from(layer.a), [layer.rows, layer.cols]),
      tf.tensor1d(Float32Array.from(layer.b)),
    ]);
    const input = tf.tensor2d(Float32Array.from(x), [x.length, 1]);
    const output = (...p: TfCore.Tensor[]) => {
      let y: TfCore.Tensor = input;
      for (let l = 1; l <= L; l++) {
        const z = tf.add(
          tf.matMul(p[2 * l - 2] as TfCore.Tensor2D, y as TfCore.Tensor2D),
          tf.reshape(p[2 * l - 1], [-1, 1]),
        );
        if (l === L) y = z;
        else {
          const h = activationTf(tf, net.activation, z);
          y = hasSkip(net, l) ? tf.add(h, y) : h;
        }
      }
      return tf.sum(y);
    };
    const grads = tf.grads(output)(params);
    return tf.concat(grads.map((g) => tf.reshape(g, [-1])));
  });
  try {
    const values = await packed.data();
    const db: Float64Array[] = [];
    const dA: Float64Array[] = [];
    let at = 0;
    for (const layer of net.layers) {
      dA.push(Float64Array.from(values.subarray(at, at + layer.rows * layer.cols)));
      at += layer.rows * layer.cols;
      db.push(Float64Array.from(values.subarray(at, at + layer.rows)));
      at += layer.rows;
    }
    return { db, dA };
  } finally {
    packed.dispose();
  }
}
