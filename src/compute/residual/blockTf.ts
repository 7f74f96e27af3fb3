/**
 * The residual block's Jacobian by TensorFlow.js's automatic differentiation: row i of ∂X₁/∂X₀ is
 * the gradient of (X₁)ᵢ, which tf.grad gives as the vector–Jacobian product with the unit vector
 * eᵢ. tfjs differentiates ReLU as 1 for inputs > 0 and 0 otherwise, the convention of block.ts.
 * Float32 on whatever backend is running; one download for the whole matrix.
 */
import type * as TfCore from "@tensorflow/tfjs-core";
import type { Tf } from "../tf.js";
import { type BlockOptions, type Matrix, squareMatrix } from "./block.js";
import { finiteVector } from "../validate.js";

export async function blockJacobianTf(
  tf: Tf,
  w1: Matrix,
  w2: Matrix,
  x0: readonly number[],
  { skip = true }: BlockOptions = {},
): Promise<Matrix> {
  const x = finiteVector("X₀", x0);
  const n = x.length;
  squareMatrix("W₁", w1, n);
  squareMatrix("W₂", w2, n);
  const rows = tf.tidy(() => {
    const W1 = tf.tensor2d(w1);
    const W2 = tf.tensor2d(w2);
    // X as a row: X₁ᵀ = ReLU(ReLU(X₀ᵀW₁ᵀ)W₂ᵀ + X₀ᵀ).
    const block = (row: TfCore.Tensor) => {
      const inner = tf.relu(tf.matMul(row as TfCore.Tensor2D, W1, false, true));
      const outer = tf.matMul(inner, W2, false, true);
      return tf.relu(skip ? tf.add(outer, row) : outer);
    };
    const grad = tf.grad(block);
    const at = tf.tensor2d([x]);
    return tf.concat(
      Array.from({ length: n }, (_, i) => grad(at, tf.cast(tf.oneHot([i], n), "float32"))),
    );
  });
  try {
    const values = await rows.data();
    return Array.from({ length: n }, (_, i) => Array.from(values.slice(i * n, (i + 1) * n)));
  } finally {
    rows.dispose();
  }
}
