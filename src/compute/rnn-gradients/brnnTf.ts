/**
 * The bidirectional RNN's loss written as TensorFlow.js ops, differentiated by tfjs's own autodiff
 * (tf.valueAndGrads) with respect to Wᶠ and Uᵇ: a check on the course's formulas (brnn.ts) that
 * shares no code with them. Float32, as tfjs computes. The tfjs namespace is passed in.
 */
import type * as TfCore from "@tensorflow/tfjs-core";
import type { Tf } from "../tf.js";
import { type Brnn, type BrnnWeight, weightShape } from "./brnn.js";

export interface BrnnTfGradients {
  loss: number;
  wf: Float32Array;
  ub: Float32Array;
}

/**
 * L(Wᶠ, Uᵇ) unrolled over the sequence with every other weight held fixed, and its gradient.
 * All tensors are made inside tf.tidy; the three results are read with `await data()` and
 * released, so tf.memory() ends as it began.
 */
export async function brnnGradientsTf(tf: Tf, net: Brnn): Promise<BrnnTfGradients> {
  const { hidden: n, inputs: m, outputs: k, steps: T } = net.sizes;
  const results = tf.tidy(() => {
    // tfjs holds float32: the Float64 values are rounded once, here.
    const matrix = (name: BrnnWeight) =>
      tf.tensor2d(Float32Array.from(net[name]), weightShape(net.sizes, name));
    const column = (v: Float64Array, size: number) => tf.tensor2d(Float32Array.from(v), [size, 1]);
    const uf = matrix("uf"), vf = matrix("vf"), wb = matrix("wb"), vb = matrix("vb");
    const xs = net.x.map((x) => column(x, m));
    const zs = net.z.map((z) => column(z, k));
    const hf0 = column(net.hf0, n);
    const hbEnd = column(net.hbEnd, n);
    const loss = (wf: TfCore.Tensor, ub: TfCore.Tensor): TfCore.Scalar => {
      const forward: TfCore.Tensor[] = [hf0];
      for (let t = 1; t <= T; t++) {
        forward.push(
          tf.sigmoid(
            tf.add(
              tf.matMul(wf as TfCore.Tensor2D, xs[t - 1]),
              tf.matMul(uf, forward[t - 1] as TfCore.Tensor2D),
            ),
          ),
        );
      }
      const backward: TfCore.Tensor[] = new Array(T + 2);
      backward[T + 1] = hbEnd;
      for (let t = T; t >= 1; t--) {
        backward[t] = tf.sigmoid(
          tf.add(
            tf.matMul(wb, xs[t - 1]),
            tf.matMul(ub as TfCore.Tensor2D, backward[t + 1] as TfCore.Tensor2D),
          ),
        );
      }
      const terms = zs.map((z, i) => {
        const y = tf.add(
          tf.matMul(vf, forward[i + 1] as TfCore.Tensor2D),
          tf.matMul(vb, backward[i + 1] as TfCore.Tensor2D),
        );
        return tf.sum(tf.square(tf.sub(z, y)));
      });
      // Summed with tf.add: tf.addN's gradient calls dy.clone(), which needs the op handler that
      // only the engine's own tfjs-core copy gives (a page that bundled two copies lacked it).
      return terms.reduce((sum, term) => tf.add(sum, term)) as TfCore.Scalar;
    };
    const { value, grads } = tf.valueAndGrads((wf, ub) => loss(wf, ub))([
      matrix("wf"),
      matrix("ub"),
    ]);
    return [value, grads[0], grads[1]];
  });
  try {
    const [loss, wf, ub] = await Promise.all(results.map((t) => t.data() as Promise<Float32Array>));
    return { loss: loss[0], wf, ub };
  } finally {
    for (const t of results) t.dispose();
  }
}
