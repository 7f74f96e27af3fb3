import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs-core";
import "@tensorflow/tfjs-backend-cpu";
// tfjs-core ships no gradient definitions; the full bundle registers them, as on the page.
import "@tensorflow/tfjs";
import {
  type LiveDepthOptions,
  type LiveDepthParams,
  type LiveDepthSnapshot,
  liveDraws,
  liveLayerWeights,
  runLiveDepth,
} from "../../src/compute/liveDepthTf.ts";
import { runNetwork, type StandardNetwork } from "../../src/compute/simulate.ts";
import { spectralNorm } from "../../src/compute/linalg.ts";
import { createRng } from "../../src/compute/prng.ts";
import type { Activation } from "../../src/compute/activations.ts";
import type { Scheme } from "../../src/compute/schemes.ts";

await tf.setBackend("cpu");

async function finalSnapshot(
  params: LiveDepthParams,
  activations: Activation[],
  options: LiveDepthOptions = {},
): Promise<LiveDepthSnapshot> {
  let last: LiveDepthSnapshot | undefined;
  for await (const s of runLiveDepth(tf, params, activations, options)) last = s;
  return last!;
}

/**
 * The same network in Float64 (simulate.ts's runNetwork) on the live draws: W is stored already
 * scaled, so the scheme's factor must be 1 (gain = d).
 */
function reference(params: LiveDepthParams, activation: Activation) {
  const { depth, width: n, sigma, batch, seed } = params;
  const net: StandardNetwork = {
    distribution: "normal",
    widths: Array.from({ length: depth + 1 }, () => n),
    layers: Array.from({ length: depth }, (_, l) => ({
      rows: n,
      cols: n,
      z: Float64Array.from(liveLayerWeights(seed, l + 1, n, sigma)),
      zb: new Float64Array(n),
    })),
  };
  const unit: Scheme = { name: "unit", gain: n, distribution: "normal", biasGain: 0 };
  const draws = liveDraws(seed, n, batch);
  return runNetwork(net, unit, activation, {
    x: Float64Array.from(draws.x),
    batch,
    v: Float64Array.from(draws.v),
    u: Float64Array.from(draws.u),
  });
}

const near = (got: number, want: number, rel: number, what: string) =>
  assert.ok(Math.abs(got - want) <= rel * Math.abs(want), `${what}: ${got} vs ${want}`);

Deno.test("runLiveDepth(tf, …) equals simulate.ts's Float64 network on the same draws, to float32 precision", async () => {
  const params = { depth: 6, width: 16, sigma: 1.3, batch: 8, seed: 4 };
  const activations: Activation[] = ["tanh", "relu", "sigmoid", "identity"];
  const live = await finalSnapshot(params, activations, { rowsPerSlice: 3 });
  assert.equal(live.phase, "done");
  for (const [k, activation] of activations.entries()) {
    const ref = reference(params, activation);
    live.forward[k].forEach((stats, l) => {
      near(stats.preMeanSquare, ref.preMeanSquare[l], 1e-5, `${activation} q${l + 1}`);
      near(stats.slopeMeanSquare, ref.slopeMeanSquare[l], 1e-5, `${activation} φ'² ${l + 1}`);
      near(stats.inputGradMeanSquare, ref.inputGradMeanSquare[l], 1e-4, `${activation} t ${l}`);
    });
  }
  const ref = reference(params, "tanh");
  live.backward.forEach((g, l) => near(g!, ref.gradMeanSquare[l], 1e-4, `tanh r${l}`));
});

Deno.test("runLiveDepth's hand-written backward pass equals tfjs autodiff of Σ_b v_b·h_L(x_b)", async () => {
  const params = { depth: 5, width: 12, sigma: 1.1, batch: 6, seed: 9 };
  for (const activation of ["sigmoid", "relu"] as const) {
    const live = await finalSnapshot(params, [activation]);
    const { x, v } = liveDraws(params.seed, params.width, params.batch);
    const gradX = tf.tidy(() => {
      const ws = Array.from(
        { length: params.depth },
        (_, l) => tf.tensor2d(liveLayerWeights(params.seed, l + 1, 12, 1.1), [12, 12]),
      );
      const vs = tf.tensor2d(v, [6, 12]);
      const f = (input: tf.Tensor) => {
        let h = input as tf.Tensor2D;
        for (const w of ws) {
          const a = tf.matMul(h, w, false, true);
          h = (activation === "relu" ? tf.relu(a) : tf.sigmoid(a)) as tf.Tensor2D;
        }
        return tf.sum(tf.mul(h, vs));
      };
      return tf.grad(f)(tf.tensor2d(x, [6, 12]));
    });
    const values = await gradX.data();
    gradX.dispose();
    let sumSq = 0;
    for (const g of values) sumSq += g * g;
    near(live.backward[0]!, sumSq / 6, 1e-4, `${activation} ‖∂f/∂x‖²`);
  }
});

Deno.test("runLiveDepth rescales: ReLU at σ = 3 and sigmoid at σ = 0.1 over 50 layers stay finite and match Float64", async () => {
  const base = { depth: 50, width: 8, batch: 4, seed: 2 };
  for (const [sigma, activation] of [[3, "relu"], [0.1, "sigmoid"], [3, "identity"]] as const) {
    const params = { ...base, sigma };
    const live = await finalSnapshot(params, [activation], { spectralIterations: 0 });
    const ref = reference(params, activation);
    const last = live.forward[0][49];
    assert.ok(Number.isFinite(last.preMeanSquare) && last.preMeanSquare > 0);
    near(last.preMeanSquare, ref.preMeanSquare[49], 1e-3, `${activation} q50`);
    near(last.inputGradMeanSquare, ref.inputGradMeanSquare[49], 1e-3, `${activation} input`);
    near(live.backward[0]!, ref.gradMeanSquare[0], 1e-3, `${activation} r0`);
    assert.ok(live.backward[0]! > 0 && Number.isFinite(live.backward[0]!));
  }
});

Deno.test("runLiveDepth: the slice size changes nothing but rounding, and spectral norms are the power iteration's", async () => {
  const params = { depth: 4, width: 24, sigma: 1.4, batch: 10, seed: 7 };
  const whole = await finalSnapshot(params, ["relu"], { rowsPerSlice: 10 });
  const sliced = await finalSnapshot(params, ["relu"], { rowsPerSlice: 1, sliceMs: 1e6 });
  whole.forward[0].forEach((s, l) =>
    near(sliced.forward[0][l].preMeanSquare, s.preMeanSquare, 1e-5, `q${l + 1}`)
  );
  whole.backward.forEach((g, l) => near(sliced.backward[l]!, g!, 1e-5, `r${l}`));
  whole.spectralNorms.forEach((norm, l) =>
    near(
      norm,
      // 30 steps from the start the live run draws: createRng(d).
      spectralNorm(
        { rows: 24, cols: 24, data: liveLayerWeights(7, l + 1, 24, 1.4) },
        { iterations: 30, rng: createRng(24) },
      ),
      1e-12,
      `‖W${l + 1}‖`,
    )
  );
});

Deno.test("runLiveDepth releases every tensor: after a full run, a break and an abort", async () => {
  const params = { depth: 8, width: 16, sigma: 1, batch: 8, seed: 1 };
  const baseline = tf.memory().numTensors;
  await finalSnapshot(params, ["tanh", "relu"], { histogramLayers: [1, 4] });
  assert.equal(tf.memory().numTensors, baseline);
  for await (const s of runLiveDepth(tf, params, ["relu"])) if (s.layersDone === 3) break;
  assert.equal(tf.memory().numTensors, baseline);
  const controller = new AbortController();
  for await (const s of runLiveDepth(tf, params, ["sigmoid"], { signal: controller.signal })) {
    if (s.phase === "backward") controller.abort();
  }
  assert.equal(tf.memory().numTensors, baseline);
});

Deno.test("runLiveDepth refuses depth 0, width 0, σ < 0 and NaN with messages that name them", async () => {
  const ok = { depth: 2, width: 8, sigma: 1, batch: 2, seed: 1 };
  const bad: [Partial<LiveDepthParams>, RegExp][] = [
    [{ depth: 0 }, /depth must be an integer in \[1, 50\]; got 0/],
    [{ width: 0 }, /width must be an integer in \[8, 512\]; got 0/],
    [{ sigma: -0.5 }, /σ must be in \[0\.1, 3\]; got -0\.5/],
    [{ sigma: NaN }, /σ must be in \[0\.1, 3\]; got NaN/],
    [{ batch: 0 }, /batch size must be an integer in \[1, 256\]; got 0/],
  ];
  for (const [change, message] of bad) {
    await assert.rejects(() => finalSnapshot({ ...ok, ...change }, ["relu"]), message);
  }
});

Deno.test("liveLayerWeights draws N(0, σ²/d) and liveDraws unit-variance inputs: variance within 4 standard errors, and 4 standard errors below 2 %", () => {
  // The live network is one draw, so no single run can show a 2 % error in the weights' scale;
  // the generator can: 30 layers of 128 × 128 are 491,520 weights.
  const [depth, n, sigma] = [30, 128, 1.41];
  let sum = 0, sumSquares = 0, sumFourth = 0, count = 0;
  for (let l = 1; l <= depth; l++) {
    for (const w of liveLayerWeights(1, l, n, sigma)) {
      const z = w * Math.sqrt(n) / sigma;
      sum += z;
      sumSquares += z * z;
      sumFourth += z ** 4;
      count++;
    }
  }
  const variance = sumSquares / count;
  // Var(z²) = E z⁴ − (E z²)², estimated from the draws.
  const se = Math.sqrt((sumFourth / count - variance ** 2) / count);
  assert.ok(4 * se < 0.02, `4 standard errors ${4 * se}`);
  assert.ok(Math.abs(variance - 1) <= 4 * se, `variance ${variance} ± ${se}`);
  assert.ok(Math.abs(sum / count) <= 4 / Math.sqrt(count), `mean ${sum / count}`);
  // Gaussian, not merely unit variance: E z⁴ = 3.
  assert.ok(Math.abs(sumFourth / count - 3) < 0.05, `fourth moment ${sumFourth / count}`);
  const { x } = liveDraws(1, 512, 256);
  const inputVariance = x.reduce((a, v) => a + v * v, 0) / x.length;
  const inputSe = Math.sqrt(2 / x.length);
  assert.ok(4 * inputSe < 0.02 && Math.abs(inputVariance - 1) <= 4 * inputSe, `${inputVariance}`);
});
