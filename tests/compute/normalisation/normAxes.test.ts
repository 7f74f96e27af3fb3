/**
 * Which cells share one mean and variance (normAxes.ts), the Float64 normalisations (normTensor.ts)
 * and the same in TensorFlow.js (axesTf.ts, cpu backend).
 */
import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs-core";
import "@tensorflow/tfjs-backend-cpu";
import {
  type ActivationShape,
  cellIndex,
  checkGroups,
  groupMates,
  NORM_METHODS,
  normGroupCount,
  normGroups,
  REDUCED_AXES,
} from "../../../src/compute/normalisation/normAxes.ts";
import {
  AXES_SHAPE,
  exampleChange,
  groupMoments,
  normaliseActivation,
  normalisedVariance,
  perturbOtherExamples,
  sampleActivation,
} from "../../../src/compute/normalisation/normTensor.ts";
import { TFJS_EPSILON, TORCH_EPSILON } from "../../../src/compute/epsilons.ts";
import { normaliseAllTf } from "../../../src/compute/normalisation/axesTf.ts";
import * as tfl from "@tensorflow/tfjs";

await tf.setBackend("cpu");

/** Every cell of the shape as [n, c, h, w]. */
function cells(shape: ActivationShape): number[][] {
  const out: number[][] = [];
  for (let n = 0; n < shape.n; n++) {
    for (let c = 0; c < shape.c; c++) {
      for (let h = 0; h < shape.h; h++) for (let w = 0; w < shape.w; w++) out.push([n, c, h, w]);
    }
  }
  return out;
}

Deno.test("groupMates(batch | layer, N×C×H×W, cell): batch norm shares over N, H, W per channel; layer norm over C, H, W per example", () => {
  for (const shape of [AXES_SHAPE, { n: 5, c: 3, h: 2, w: 3 }]) {
    const all = cells(shape);
    for (const [n, c, h, w] of all) {
      const index = cellIndex(shape, n, c, h, w);
      const sameChannel = all.filter((cell) => cell[1] === c).map((cell) =>
        cellIndex(shape, cell[0], cell[1], cell[2], cell[3])
      );
      const sameExample = all.filter((cell) => cell[0] === n).map((cell) =>
        cellIndex(shape, cell[0], cell[1], cell[2], cell[3])
      );
      assert.deepEqual(groupMates("batch", shape, index), sameChannel);
      assert.deepEqual(groupMates("layer", shape, index), sameExample);
    }
    assert.equal(normGroupCount("batch", shape), shape.c);
    assert.equal(normGroupCount("layer", shape), shape.n);
  }
  assert.deepEqual(REDUCED_AXES.batch, [0, 2, 3]);
  assert.deepEqual(REDUCED_AXES.layer, [1, 2, 3]);
});

Deno.test("groupMates(instance | group, …): one (example, channel) map; G channel groups per example; G = 1 is layer norm, G = C instance norm", () => {
  const shape = AXES_SHAPE;
  const sizes = { batch: 12, layer: 16, instance: 4, group: 8 };
  for (const method of NORM_METHODS) {
    const labels = normGroups(method, shape, 2);
    const count = normGroupCount(method, shape, 2);
    for (let g = 0; g < count; g++) {
      assert.equal(labels.filter((l) => l === g).length, sizes[method], `${method} group ${g}`);
    }
  }
  const index = cellIndex(shape, 1, 3, 1, 0);
  assert.deepEqual(
    groupMates("group", shape, index, 2),
    cells(shape).filter(([n, c]) => n === 1 && c >= 2).map(([n, c, h, w]) =>
      cellIndex(shape, n, c, h, w)
    ),
  );
  assert.deepEqual(normGroups("group", shape, 1), normGroups("layer", shape));
  assert.deepEqual(normGroups("group", shape, shape.c), normGroups("instance", shape));
  assert.throws(() => checkGroups(4, 3), /groups must divide the 4 channels; got 3/);
  assert.throws(() => checkGroups(4, 0), /groups must be an integer in \[1, 4\]; got 0/);
  assert.throws(() => normGroupCount("batch", { n: 0, c: 1, h: 1, w: 1 }), /shape\.n/);
});

Deno.test("normaliseActivation(x, method): every group ends with mean 0 and variance σ²/(σ² + ε), exactly 1 when ε = 0", () => {
  for (const seed of [1, 2, 3]) {
    const x = sampleActivation(AXES_SHAPE, seed);
    for (const method of NORM_METHODS) {
      for (const epsilon of [TFJS_EPSILON, TORCH_EPSILON, 0]) {
        const result = normaliseActivation(x, method, AXES_SHAPE, { groups: 2, epsilon });
        const after = groupMoments(result.output, method, AXES_SHAPE, 2);
        after.mean.forEach((m) => assert.ok(Math.abs(m) < 1e-12, `${method} mean ${m}`));
        after.variance.forEach((v, g) => {
          const want = normalisedVariance(result.variance[g], epsilon);
          assert.ok(Math.abs(v - want) < 1e-12, `${method} var ${v} vs ${want}`);
        });
        if (epsilon === 0) after.variance.forEach((v) => assert.ok(Math.abs(v - 1) < 1e-12));
      }
    }
  }
  // A 2 % error in ε's effect would show: at σ² = 0.05 the variance is 0.98 rather than 1.
  assert.ok(Math.abs(normalisedVariance(0.05, 1e-3) - 0.05 / 0.051) < 1e-15);
  assert.ok(1 - normalisedVariance(0.05, 1e-3) > 0.019);
});

Deno.test("groupMoments(x, method): the mean and biased (÷ size) variance of each group, checked by hand on a 2×1×1×2 tensor", () => {
  const shape = { n: 2, c: 1, h: 1, w: 2 };
  const x = [1, 3, 2, 10];
  const bn = groupMoments(x, "batch", shape);
  assert.deepEqual([...bn.mean], [4]);
  assert.deepEqual([...bn.variance], [(9 + 1 + 4 + 36) / 4]);
  const ln = groupMoments(x, "layer", shape);
  assert.deepEqual([...ln.mean], [2, 6]);
  assert.deepEqual([...ln.variance], [1, 16]);
});

Deno.test("perturbOtherExamples(x, δ): layer, instance and group norm leave example 1's output exactly as it was; batch norm's moves", () => {
  for (const seed of [4, 5]) {
    const x = sampleActivation(AXES_SHAPE, seed);
    const moved = perturbOtherExamples(x, AXES_SHAPE, 1.5, seed);
    assert.equal(exampleChange(x, moved, AXES_SHAPE, 0).maxAbs, 0);
    assert.ok(exampleChange(x, moved, AXES_SHAPE, 1).maxAbs > 0.5);
    for (const method of NORM_METHODS) {
      const before = normaliseActivation(x, method, AXES_SHAPE, { groups: 2 }).output;
      const after = normaliseActivation(moved, method, AXES_SHAPE, { groups: 2 }).output;
      const change = exampleChange(before, after, AXES_SHAPE, 0);
      if (method === "batch") assert.ok(change.rms > 0.05, `batch norm moved by ${change.rms}`);
      else assert.equal(change.maxAbs, 0, method);
    }
    const still = perturbOtherExamples(x, AXES_SHAPE, 0, seed);
    assert.deepEqual(still, x);
  }
});

Deno.test("normaliseAllTf(tf, x, …): tfjs's four normalisations equal the Float64 ones to float32 precision, with output moments 0 and σ²/(σ² + ε)", async () => {
  for (const [seed, groups] of [[1, 2], [7, 1], [9, 4]]) {
    const x = sampleActivation(AXES_SHAPE, seed);
    const moved = perturbOtherExamples(x, AXES_SHAPE, 1, seed);
    const got = await normaliseAllTf(tf, x, moved, AXES_SHAPE, { groups, epsilon: TFJS_EPSILON });
    for (const method of NORM_METHODS) {
      const want = normaliseActivation(x, method, AXES_SHAPE, { groups });
      const wantMoved = normaliseActivation(moved, method, AXES_SHAPE, { groups });
      const r = got[method];
      r.output.forEach((v, i) => assert.ok(Math.abs(v - want.output[i]) < 2e-5, `${method} ${i}`));
      r.perturbedOutput.forEach((v, i) => assert.ok(Math.abs(v - wantMoved.output[i]) < 2e-5));
      r.inputMean.forEach((m, g) => assert.ok(Math.abs(m - want.mean[g]) < 1e-5));
      r.inputVariance.forEach((v, g) =>
        assert.ok(Math.abs(v - want.variance[g]) < 1e-5 * Math.max(1, want.variance[g]))
      );
      r.outputMean.forEach((m) => assert.ok(Math.abs(m) < 1e-6, `${method} output mean ${m}`));
      r.outputVariance.forEach((v, g) => {
        const expected = normalisedVariance(want.variance[g], TFJS_EPSILON);
        assert.ok(Math.abs(v - expected) < 1e-5, `${method} output var ${v} vs ${expected}`);
      });
      const change = exampleChange(r.output, r.perturbedOutput, AXES_SHAPE, 0);
      const wantChange = exampleChange(want.output, wantMoved.output, AXES_SHAPE, 0);
      if (method === "batch") assert.ok(Math.abs(change.rms - wantChange.rms) < 1e-5);
      else assert.equal(change.maxAbs, 0, `${method}: example 1 moved in tfjs`);
    }
  }
});

Deno.test("normaliseAllTf: tf.memory().numTensors is back where it started", async () => {
  const before = tf.memory().numTensors;
  for (let seed = 0; seed < 10; seed++) {
    const x = sampleActivation(AXES_SHAPE, seed);
    await normaliseAllTf(tf, x, x, AXES_SHAPE, { groups: 2, epsilon: 1e-3 });
  }
  assert.equal(tf.memory().numTensors, before);
});

Deno.test("TFJS_EPSILON is tf.layers.batchNormalization's default ε, and tf.moments' variance is the biased one (÷ n)", async () => {
  const layer = tfl.layers.batchNormalization();
  assert.equal(layer.getConfig().epsilon, TFJS_EPSILON);
  const { variance } = tf.moments(tf.tensor1d([1, 3, 2, 10]));
  assert.equal((await variance.data())[0], (9 + 1 + 4 + 36) / 4);
  variance.dispose();
});
