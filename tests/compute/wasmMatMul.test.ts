/**
 * The wasm backend's transposed products, re-routed through the fast path (wasmMatMul.ts): the
 * same values as the backend's own slow path to float32 rounding, for every flag and for batched
 * operands, and no tensor left behind.
 */
import assert from "node:assert/strict";
import { fastTransposedProducts } from "../../src/compute/wasmMatMul.ts";
import { wasmTf } from "./wasmTf.ts";

const tf = await wasmTf();

/** Largest |x − y| over the largest |y|. */
function relativeGap(x: ArrayLike<number>, y: ArrayLike<number>): number {
  let gap = 0, scale = 0;
  for (let i = 0; i < y.length; i++) {
    gap = Math.max(gap, Math.abs(x[i] - y[i]));
    scale = Math.max(scale, Math.abs(y[i]));
  }
  return gap / scale;
}

Deno.test("wasm transposed products: the fast path gives the slow path's values, leaks nothing", () => {
  const cases: [number[], number[], boolean, boolean][] = [
    [[37, 53], [29, 53], false, true],
    [[53, 37], [53, 29], true, false],
    [[53, 37], [29, 53], true, true],
    [[3, 37, 53], [3, 29, 53], false, true],
    [[37, 53], [53, 29], false, false],
  ];
  const slow = cases.map(([sa, sb, ta, tb]) =>
    tf.tidy(() => {
      const a = tf.randomNormal(sa, 0, 1, "float32", 1);
      const b = tf.randomNormal(sb, 0, 1, "float32", 2);
      return tf.matMul(a, b, ta, tb).dataSync();
    })
  );
  assert.equal(fastTransposedProducts(), true);
  assert.equal(fastTransposedProducts(), true, "a second call keeps the one re-registration");
  const tensors = tf.memory().numTensors;
  const dataIds = tf.backend().numDataIds();
  for (const [k, [sa, sb, ta, tb]] of cases.entries()) {
    const fast = tf.tidy(() => {
      const a = tf.randomNormal(sa, 0, 1, "float32", 1);
      const b = tf.randomNormal(sb, 0, 1, "float32", 2);
      return tf.matMul(a, b, ta, tb).dataSync();
    });
    assert.equal(fast.length, slow[k].length);
    assert.ok(relativeGap(fast, slow[k]) < 1e-6, `case ${k}: ${relativeGap(fast, slow[k])}`);
  }
  // A gradient takes transposed products too.
  const grad = tf.tidy(() => {
    const a = tf.randomNormal([20, 30], 0, 1, "float32", 3);
    const b = tf.randomNormal([30, 10], 0, 1, "float32", 4);
    return tf.grad((x: typeof a) => tf.sum(tf.matMul(x, b)))(a).dataSync();
  });
  assert.equal(grad.length, 600);
  assert.equal(tf.memory().numTensors, tensors);
  assert.equal(tf.backend().numDataIds(), dataIds);
});
