import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs-core";
import "@tensorflow/tfjs-backend-cpu";
// Registers every gradient in the registry tfjs-core reads, as on the page.
import "@tensorflow/tfjs";
import {
  cnnForward,
  cnnVariables,
  normaliseFilters,
  trainedVariables,
} from "../../../src/compute/cnn-training/cnnModelTf.ts";
import { digitPatches } from "../../../src/compute/cnn-training/patches.ts";
import { digitInputs } from "../../../src/compute/digitBatch.ts";
import { initialCnnWeights } from "../../../src/compute/cnn-training/weights.ts";
import { BN_EPSILON } from "../../../src/compute/cnn-training/settings.ts";
import { createRng } from "../../../src/compute/prng.ts";
import { referenceLogits } from "../../reference/cnnConv2dReference.ts";
import { randomDigits } from "../digitsFixture.ts";

await tf.setBackend("cpu");

const N = 6;
const set = randomDigits(N, 5);
const all = Array.from({ length: N }, (_, i) => i);
const labels = tf.oneHot(tf.tensor1d(Array.from(set.labels), "int32"), 10);

/** Starting weights with non-trivial biases, γ and β, so that every parameter matters. */
function weights(seed: number) {
  const w = initialCnnWeights(seed);
  const rng = createRng(seed + 99);
  for (const key of ["convBias", "beta", "denseBias"] as const) {
    w[key] = w[key].map(() => 0.3 * rng.normal());
  }
  w.gamma = w.gamma.map(() => 0.5 + rng.uniform());
  return w;
}

const maxAbs = (a: ArrayLike<number>) => Math.max(...Array.from(a, Math.abs));
function assertClose(
  actual: ArrayLike<number>,
  expected: ArrayLike<number>,
  rel: number,
  what: string,
) {
  assert.equal(actual.length, expected.length, what);
  const scale = maxAbs(expected);
  let worst = 0;
  for (let i = 0; i < actual.length; i++) {
    worst = Math.max(worst, Math.abs(actual[i] - expected[i]));
  }
  assert.ok(worst <= rel * scale, `${what}: largest difference ${worst} against scale ${scale}`);
}

const patches = () => tf.tensor2d(digitPatches(set, all), [N * 144, 25]);
const images = () => tf.tensor4d(digitInputs(set, all), [N, 28, 28, 1]);
const mask = () => {
  const rng = createRng(3);
  return tf.tensor2d(Float32Array.from({ length: N * 288 }, () => (rng.uniform() < 0.5 ? 0 : 2)), [
    N,
    288,
  ]);
};

for (const batchNorm of [false, true]) {
  Deno.test(`cnnForward(batchNorm: ${batchNorm}, train) gives the logits of tf.conv2d → tf.maxPool → dense (within 1e-5)`, async () => {
    const vars = cnnVariables(tf, weights(1));
    const [ours, reference] = tf.tidy(() => {
      const m = mask();
      return [
        cnnForward(tf, vars, patches(), N, { batchNorm, mode: "train", mask: m }).logits,
        referenceLogits(tf, vars, images(), { batchNorm, mask: m }),
      ];
    });
    assertClose(await ours.data(), await reference.data(), 1e-5, "logits");
    tf.dispose([ours, reference, ...Object.values(vars)]);
  });

  Deno.test(`cnnForward(batchNorm: ${batchNorm}): every gradient of the loss equals the one through tf.conv2d and tf.maxPool (within 1e-4)`, async () => {
    const vars = cnnVariables(tf, weights(2));
    const trained = trainedVariables(vars, batchNorm);
    const loss = (logits: () => tf.Tensor2D) => () =>
      tf.losses.softmaxCrossEntropy(labels, logits()) as tf.Scalar;
    const m = mask();
    const ours = tf.variableGrads(
      loss(() => cnnForward(tf, vars, patches(), N, { batchNorm, mode: "train", mask: m }).logits),
      trained,
    );
    const reference = tf.variableGrads(
      loss(() => referenceLogits(tf, vars, images(), { batchNorm, mask: m })),
      trained,
    );
    assertClose([(await ours.value.data())[0]], [(await reference.value.data())[0]], 1e-6, "loss");
    for (const v of trained) {
      assertClose(
        await ours.grads[v.name].data(),
        await reference.grads[v.name].data(),
        1e-4,
        `d loss / d ${v.name}`,
      );
    }
    tf.dispose([
      m,
      ours.value,
      reference.value,
      ...Object.values(ours.grads),
      ...Object.values(reference.grads),
      ...Object.values(vars),
    ]);
  });
}

Deno.test("cnnForward(batchNorm, eval) uses the running statistics, as tf.batchNorm does", async () => {
  const vars = cnnVariables(tf, weights(4));
  const running = {
    mean: tf.tensor1d([0.1, -0.2, 0.3, 0, 0.5, -0.1, 0.2, 0.05]),
    variance: tf.tensor1d([0.5, 1, 2, 0.3, 1.5, 0.8, 1.1, 0.9]),
  };
  const [ours, reference] = tf.tidy(() => [
    cnnForward(tf, vars, patches(), N, { batchNorm: true, mode: "eval", running }).logits,
    referenceLogits(tf, vars, images(), { batchNorm: true, running }),
  ]);
  assertClose(await ours.data(), await reference.data(), 1e-5, "logits");
  assert.throws(
    () => cnnForward(tf, vars, patches(), N, { batchNorm: true, mode: "eval" }),
    /running statistics/,
  );
  tf.dispose([ours, reference, running.mean, running.variance, ...Object.values(vars)]);
});

Deno.test("cnnForward(patches of the wrong size) throws a RangeError that names both sizes", () => {
  const vars = cnnVariables(tf, weights(1));
  const p = tf.zeros([10, 25]) as tf.Tensor2D;
  assert.throws(
    () => cnnForward(tf, vars, p, 1, { batchNorm: false, mode: "train" }),
    /patches must be 144 × 25 for 1 digits; got 10,25/,
  );
  tf.dispose([p, ...Object.values(vars)]);
});

// Seed 002, question 6(b): for y = γ(x − μ)/√(σ² + ε) + β over a batch of m values,
// ∂L/∂x_i = γ/√(σ² + ε) · (dy_i − (1/m)Σ_k dy_k − (x_i − μ)/(σ² + ε) · (1/m)Σ_k dy_k (x_k − μ)).
function closedFormBackward(
  x: Float32Array,
  dy: Float32Array,
  gamma: Float32Array,
  filters: number,
) {
  const m = x.length / filters;
  const dx = new Float64Array(x.length);
  for (let f = 0; f < filters; f++) {
    let mu = 0;
    for (let i = 0; i < m; i++) mu += x[i * filters + f] / m;
    let v = 0;
    for (let i = 0; i < m; i++) v += (x[i * filters + f] - mu) ** 2 / m;
    let sumDy = 0;
    let sumDyX = 0;
    for (let i = 0; i < m; i++) {
      sumDy += dy[i * filters + f];
      sumDyX += dy[i * filters + f] * (x[i * filters + f] - mu);
    }
    const s = gamma[f] / Math.sqrt(v + BN_EPSILON);
    for (let i = 0; i < m; i++) {
      const xi = x[i * filters + f] - mu;
      dx[i * filters + f] = s *
        (dy[i * filters + f] - sumDy / m - (xi / (v + BN_EPSILON)) * (sumDyX / m));
    }
  }
  return dx;
}

Deno.test("normaliseFilters: autodiff's ∂L/∂x equals the closed-form batch-norm backward of seed 002 Q6(b) (within 1e-4)", async () => {
  const rng = createRng(11);
  const rows = 300;
  const xv = Float32Array.from({ length: rows * 8 }, () => 1 + 2 * rng.normal());
  const dyv = Float32Array.from({ length: rows * 8 }, () => rng.normal());
  const gv = Float32Array.from({ length: 8 }, () => 0.5 + rng.uniform());
  const x = tf.tensor2d(xv, [rows, 8]);
  const dy = tf.tensor2d(dyv, [rows, 8]);
  const gamma = tf.tensor1d(gv);
  const beta = tf.tensor1d(Float32Array.from({ length: 8 }, () => rng.normal()));
  for (const spread of [true, false]) {
    const dx = tf.tidy(() => {
      const ones = spread ? tf.ones([rows, 1]) as tf.Tensor2D : undefined;
      return tf.grad((input: tf.Tensor) =>
        tf.sum(tf.mul(normaliseFilters(tf, input as tf.Tensor2D, gamma, beta, { ones }).z, dy))
      )(x);
    });
    assertClose(
      await dx.data(),
      closedFormBackward(xv, dyv, gv, 8),
      1e-4,
      `∂L/∂x (spread ${spread})`,
    );
    dx.dispose();
  }
  tf.dispose([x, dy, gamma, beta]);
});

Deno.test("normaliseFilters (training): each filter comes out with mean β and variance γ²σ²/(σ² + ε)", async () => {
  const rng = createRng(12);
  const rows = 500;
  const xv = Float32Array.from(
    { length: rows * 8 },
    (_, i) => 3 * (i % 8) + (1 + (i % 8)) * rng.normal(),
  );
  const gv = [0.5, 1, 1.5, 2, 0.7, 1.2, 0.9, 3];
  const bv = [0, 1, -1, 0.5, 2, -0.3, 0.1, 4];
  const out = tf.tidy(() =>
    normaliseFilters(tf, tf.tensor2d(xv, [rows, 8]), tf.tensor1d(gv), tf.tensor1d(bv), {}).z
  );
  const z = await out.data();
  for (let f = 0; f < 8; f++) {
    const col = Array.from({ length: rows }, (_, i) => xv[i * 8 + f]);
    const mu = col.reduce((a, b) => a + b, 0) / rows;
    const v = col.reduce((a, b) => a + (b - mu) ** 2, 0) / rows;
    const zc = Array.from({ length: rows }, (_, i) => z[i * 8 + f]);
    const zMean = zc.reduce((a, b) => a + b, 0) / rows;
    const zVar = zc.reduce((a, b) => a + (b - zMean) ** 2, 0) / rows;
    assert.ok(Math.abs(zMean - bv[f]) < 1e-4, `filter ${f}: mean ${zMean} against β = ${bv[f]}`);
    const want = (gv[f] ** 2 * v) / (v + BN_EPSILON);
    assert.ok(Math.abs(zVar / want - 1) < 1e-4, `filter ${f}: variance ${zVar} against ${want}`);
  }
  out.dispose();
});

Deno.test("normaliseFilters: spreading per-filter values by a product with ones gives the same numbers as broadcasting", async () => {
  const rng = createRng(13);
  const rows = 64;
  const x = tf.tensor2d(Float32Array.from({ length: rows * 8 }, () => rng.normal()), [rows, 8]);
  const gamma = tf.tensor1d(Float32Array.from({ length: 8 }, () => 1 + rng.uniform()));
  const beta = tf.tensor1d(Float32Array.from({ length: 8 }, () => rng.normal()));
  const [a, b] = tf.tidy(() => [
    normaliseFilters(tf, x, gamma, beta, { ones: tf.ones([rows, 1]) as tf.Tensor2D }).z,
    normaliseFilters(tf, x, gamma, beta, {}).z,
  ]);
  assert.deepEqual(await a.data(), await b.data());
  tf.dispose([x, gamma, beta, a, b]);
});
