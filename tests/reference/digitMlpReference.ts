/**
 * The digit MLP's training written out by hand in Float64, for the tests: forward pass, softmax
 * cross-entropy, backward pass and Adam, with the masks drawn from the run's mask stream in the
 * order the trainer documents (for each step, the batch's input masks row by row, then its hidden
 * masks row by row; a kept value is divided by its keep probability). Seeds, initial weights,
 * batches and the cheating blocks come from src/compute/digits (they are not the maths under test).
 */
import { DIGIT_CLASSES, type DigitSplits } from "../../src/compute/digitSet.ts";
import { epochBatches } from "../../src/compute/digitBatch.ts";
import { CHEAT_INPUTS, fillInputs } from "../../src/compute/dropout-digits/cheatingFeature.ts";
import { type DigitMlpOptions, MLP_ADAM } from "../../src/compute/dropout-digits/mlpOptions.ts";
import {
  mlpInitialWeights,
  mlpStreams,
  mlpViews,
  nextEpochSeed,
} from "../../src/compute/dropout-digits/mlpSetup.ts";

export interface ReferenceRun {
  /** Loss of every step, before its update. */
  losses: number[];
  w1: Float64Array;
  b1: Float64Array;
  w2: Float64Array;
  b2: Float64Array;
}

export function referenceDigitMlp(splits: DigitSplits, o: DigitMlpOptions): ReferenceRun {
  const H = o.hidden;
  const D = CHEAT_INPUTS;
  const C = DIGIT_CLASSES;
  const streams = mlpStreams(o.seed);
  const init = mlpInitialWeights(streams.weights, H);
  const views = mlpViews(splits, o, streams.noise);
  const params = [init.w1, init.b1, init.w2, init.b2].map((a) => Float64Array.from(a));
  const [w1, b1, w2, b2] = params;
  const m = params.map((p) => new Float64Array(p.length));
  const v = params.map((p) => new Float64Array(p.length));
  const losses: number[] = [];
  let t = 0;
  const n = views.train.count;
  const batchSize = Math.min(o.batchSize, n);
  for (let epoch = 1; epoch <= o.epochs; epoch++) {
    for (const batch of epochBatches(n, batchSize, nextEpochSeed(streams.order))) {
      const B = batch.length;
      const x32 = new Float32Array(B * D);
      fillInputs(views.train, batch, x32);
      const x = Float64Array.from(x32);
      if (o.keepInput < 1) {
        for (let k = 0; k < x.length; k++) {
          x[k] = streams.masks.uniform() < o.keepInput ? x[k] / o.keepInput : 0;
        }
      }
      const mask = new Float64Array(B * H).fill(1);
      if (o.keepHidden < 1) {
        for (let k = 0; k < mask.length; k++) {
          mask[k] = streams.masks.uniform() < o.keepHidden ? 1 / o.keepHidden : 0;
        }
      }
      // Forward.
      const pre = new Float64Array(B * H);
      const h = new Float64Array(B * H);
      const p = new Float64Array(B * C);
      let loss = 0;
      for (let r = 0; r < B; r++) {
        for (let j = 0; j < H; j++) {
          let s = b1[j];
          for (let i = 0; i < D; i++) s += x[r * D + i] * w1[i * H + j];
          pre[r * H + j] = s;
          h[r * H + j] = Math.max(s, 0) * mask[r * H + j];
        }
        const logits = new Float64Array(C);
        for (let c = 0; c < C; c++) {
          let s = b2[c];
          for (let j = 0; j < H; j++) s += h[r * H + j] * w2[j * C + c];
          logits[c] = s;
        }
        const top = Math.max(...logits);
        let z = 0;
        for (let c = 0; c < C; c++) z += Math.exp(logits[c] - top);
        const label = views.train.labels[batch[r]];
        for (let c = 0; c < C; c++) p[r * C + c] = Math.exp(logits[c] - top) / z;
        loss -= logits[label] - top - Math.log(z);
      }
      losses.push(loss / B);
      // Backward: d(mean loss)/d(logits) = (softmax − one-hot) / B.
      const g = params.map((q) => new Float64Array(q.length));
      const [gw1, gb1, gw2, gb2] = g;
      for (let r = 0; r < B; r++) {
        const label = views.train.labels[batch[r]];
        const dl = new Float64Array(C);
        for (let c = 0; c < C; c++) dl[c] = (p[r * C + c] - (c === label ? 1 : 0)) / B;
        for (let c = 0; c < C; c++) {
          gb2[c] += dl[c];
          for (let j = 0; j < H; j++) gw2[j * C + c] += h[r * H + j] * dl[c];
        }
        for (let j = 0; j < H; j++) {
          if (pre[r * H + j] <= 0) continue;
          let dh = 0;
          for (let c = 0; c < C; c++) dh += w2[j * C + c] * dl[c];
          const dpre = dh * mask[r * H + j];
          gb1[j] += dpre;
          for (let i = 0; i < D; i++) gw1[i * H + j] += x[r * D + i] * dpre;
        }
      }
      // Adam, as tf.train.adam (and PyTorch) write it.
      t++;
      const { beta1, beta2, epsilon } = MLP_ADAM;
      params.forEach((q, k) => {
        for (let i = 0; i < q.length; i++) {
          m[k][i] = beta1 * m[k][i] + (1 - beta1) * g[k][i];
          v[k][i] = beta2 * v[k][i] + (1 - beta2) * g[k][i] ** 2;
          const mHat = m[k][i] / (1 - beta1 ** t);
          const vHat = v[k][i] / (1 - beta2 ** t);
          q[i] -= o.learningRate * mHat / (Math.sqrt(vHat) + epsilon);
        }
      });
    }
  }
  return { losses, w1, b1, w2, b2 };
}
