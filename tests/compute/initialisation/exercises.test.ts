import assert from "node:assert/strict";
import {
  HE_VARIANCE,
  PYTORCH_OUTPUT_VARIANCE,
  SIGMOID_GRADIENT_BOUND,
  UNIFORM_BOUND,
  VARIANCE_OF_PRODUCT,
  XAVIER_SCALE,
} from "../../../src/compute/initialisation/exercises.ts";
import { assertSame, numeric, SEEDS } from "../exerciseValues.ts";

const value = (instance: { answer: unknown }) => numeric(instance as never).value as number;

Deno.test("PYTORCH_OUTPUT_VARIANCE.generate(seed): Var(y_L) is the document's 1/3^L + Σ 1/(3^{L−k}n_k) and the layer-by-layer recursion, on seeds 0..999", () => {
  for (const seed of SEEDS) {
    const { fanIns } = PYTORCH_OUTPUT_VARIANCE.params(seed);
    const L = fanIns.length;
    const closedForm = 3 ** -L + fanIns.reduce((s, n, k) => s + 1 / (3 ** (L - k) * n), 0);
    // Independently: weights and biases of layer ℓ have variance (1/√n)²/3 each.
    let v = 1;
    for (const n of fanIns) v = n * (1 / (3 * n)) * v + 1 / (3 * n);
    const answer = value(PYTORCH_OUTPUT_VARIANCE.generate(seed));
    assertSame(answer, closedForm, `seed ${seed}`);
    assertSame(answer, v, `seed ${seed}`);
  }
});

Deno.test("PYTORCH_OUTPUT_VARIANCE.instance({fanIns: [4, 2]}): Var(y_2) = 1/9 + 1/36 + 1/6 = 11/36, printed as that fraction", () => {
  const instance = PYTORCH_OUTPUT_VARIANCE.instance({ fanIns: [4, 2] });
  assertSame(value(instance), 11 / 36);
  assert.match(instance.solution.at(-1)!, /= 11\/36 \\approx 0\.3056/);
});

Deno.test("VARIANCE_OF_PRODUCT.generate(seed): Var(XY) = E[X²]E[Y²] − (EX·EY)² (Worked exercises 3.1(a)) on seeds 0..999", () => {
  for (const seed of SEEDS) {
    const { x, y } = VARIANCE_OF_PRODUCT.params(seed);
    const secondMoment = (x.variance + x.mean ** 2) * (y.variance + y.mean ** 2);
    assertSame(value(VARIANCE_OF_PRODUCT.generate(seed)), secondMoment - (x.mean * y.mean) ** 2);
  }
});

Deno.test("XAVIER_SCALE.generate(seed): s = 1/√d for fan-in d, so d·s² = 1 (Worked exercises 3.1(c)), on seeds 0..999", () => {
  for (const seed of SEEDS) {
    const { fanIn } = XAVIER_SCALE.params(seed);
    const s = value(XAVIER_SCALE.generate(seed));
    assertSame(s, 1 / Math.sqrt(fanIn));
    assertSame(fanIn * s * s, 1);
  }
});

Deno.test("HE_VARIANCE.generate(seed): s² = 2/d, so d·s²·E[h²] = d·s²/2 = 1 (Worked exercises 3.2(b)), on seeds 0..999", () => {
  for (const seed of SEEDS) {
    const { fanIn } = HE_VARIANCE.params(seed);
    const s2 = value(HE_VARIANCE.generate(seed));
    assertSame(s2, 2 / fanIn);
    assertSame((fanIn * s2) / 2, 1);
  }
});

Deno.test("UNIFORM_BOUND.generate(seed): c = √(3/d), or √(6/d) after a ReLU (Worked exercises 3.3), and U(−c, c) has variance c²/3, on seeds 0..999", () => {
  let relu = 0;
  for (const seed of SEEDS) {
    const { fanIn, afterRelu } = UNIFORM_BOUND.params(seed);
    const c = value(UNIFORM_BOUND.generate(seed));
    assertSame(c, Math.sqrt((afterRelu ? 6 : 3) / fanIn));
    // (2c)²/12: the variance of a uniform on an interval of length 2c.
    assertSame((fanIn * (2 * c) ** 2) / 12 * (afterRelu ? 0.5 : 1), 1);
    if (afterRelu) relu++;
  }
  assert.ok(relu > 400 && relu < 600, `both schemes drawn: ${relu} of 1000 after a ReLU`);
});

Deno.test("SIGMOID_GRADIENT_BOUND.generate(seed): the bound is (1/4)^L·∏‖W_ℓ‖₂, the slope ceiling 1/4 of Discussion 5, 1(a), on seeds 0..999", () => {
  for (const seed of SEEDS) {
    const { norms } = SIGMOID_GRADIENT_BOUND.params(seed);
    const expected = norms.reduce((p, n) => p * n, 1) / 4 ** norms.length;
    assertSame(value(SIGMOID_GRADIENT_BOUND.generate(seed)), expected);
  }
});
