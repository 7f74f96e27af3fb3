import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import {
  CNN_FEATURES,
  cnnLayers,
  cnnParameterCount,
  CONV_SIDE,
  POOLED_SIDE,
} from "../../../src/compute/cnn-training/architecture.ts";

await tf.setBackend("cpu");

Deno.test("CONV_SIDE, POOLED_SIDE, CNN_FEATURES: a 5 × 5 filter at stride 2 takes 28 to ⌊23/2⌋ + 1 = 12, pooling to 6, 6 · 6 · 8 = 288 features", () => {
  assert.equal(CONV_SIDE, 12);
  assert.equal(POOLED_SIDE, 6);
  assert.equal(CNN_FEATURES, 288);
});

/** The page's network as tf.layers, for countParams() and the output shape. */
function layersModel(batchNorm: boolean) {
  const model = tf.sequential();
  model.add(tf.layers.conv2d({
    inputShape: [28, 28, 1],
    filters: 8,
    kernelSize: 5,
    strides: 2,
    padding: "valid",
    useBias: !batchNorm,
  }));
  if (batchNorm) model.add(tf.layers.batchNormalization({ axis: 3 }));
  model.add(tf.layers.reLU());
  model.add(tf.layers.maxPooling2d({ poolSize: 2, strides: 2 }));
  model.add(tf.layers.flatten());
  model.add(tf.layers.dropout({ rate: 0.5 }));
  model.add(tf.layers.dense({ units: 10 }));
  return model;
}

const size = (w: { shape: (number | null)[] }) => w.shape.reduce((a: number, b) => a * b!, 1);

Deno.test("cnnParameterCount({batchNorm}) equals the trainable count of the same network in tf.layers, layer by layer, with and without batch norm", () => {
  for (const batchNorm of [false, true]) {
    const model = layersModel(batchNorm);
    try {
      const trainable = model.trainableWeights.reduce((n, w) => n + size(w), 0);
      assert.equal(cnnParameterCount({ batchNorm }), trainable);
      // countParams() also counts batch norm's running mean and variance, which are not learned.
      assert.equal(model.countParams(), trainable + (batchNorm ? 16 : 0));
      const ours = cnnLayers({ batchNorm }).filter((row) => row.parameters > 0).map((row) =>
        row.parameters
      );
      const theirs = model.layers
        .map((layer) => layer.trainableWeights.reduce((n, w) => n + size(w), 0))
        .filter((n) => n > 0);
      assert.deepEqual(ours, theirs);
      assert.deepEqual(model.outputShape, [null, 10]);
    } finally {
      model.dispose();
    }
  }
});

Deno.test("cnnLayers: the shapes read 12×12×8 after the convolution and 6×6×8 after pooling; the formulas give the counts", () => {
  const rows = cnnLayers({ batchNorm: true });
  assert.equal(rows[0].output, "12×12×8");
  assert.equal(rows[3].output, "6×6×8");
  assert.equal(rows[0].formula, "8 · 1 · 5²");
  assert.equal(rows[5].formula, "288 · 10 + 10");
  assert.equal(cnnParameterCount({ batchNorm: true }), 200 + 16 + 2890);
  assert.equal(cnnParameterCount({ batchNorm: false }), 208 + 2890);
});
