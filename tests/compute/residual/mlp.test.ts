import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs-core";
import "@tensorflow/tfjs-backend-cpu";
// tfjs-core ships no gradient definitions; the full bundle registers them, as on the page.
import "@tensorflow/tfjs";
import {
  type DenseLayer,
  forwardMlp,
  gradientProfile,
  layerJacobian,
  MLP_ACTIVATIONS,
  type MlpActivation,
  outputGradients,
  type ResidualMlp,
  SATURATION_MARGIN,
  withIntervention,
} from "../../../src/compute/residual/mlp.ts";
import { mlpGradientsTf } from "../../../src/compute/residual/mlpTf.ts";
import { createRng } from "../../../src/compute/prng.ts";
import {
  checkInstance,
  residualInputs,
  residualNetwork,
} from "../../../src/compute/residual/liveNetwork.ts";
import { RESIDUAL_DEFAULTS } from "../../../src/compute/residual/livePage.ts";
import { RESIDUAL_BATCH } from "../../../src/compute/residual/liveNetwork.ts";

await tf.setBackend("cpu");

/** A random network: input n, width m, depth L, weights N(0, s²/fan-in), biases N(0, 0.1²). */
function randomMlp(
  seed: number,
  { n = 3, m = 4, depth = 6, activation = "tanh" as MlpActivation, skips = true, s = 1 } = {},
): ResidualMlp {
  const rng = createRng(seed);
  const layers: DenseLayer[] = Array.from({ length: depth }, (_, i) => {
    const rows = i === depth - 1 ? 1 : m;
    const cols = i === 0 ? n : m;
    return {
      rows,
      cols,
      a: Float64Array.from({ length: rows * cols }, () => (s * rng.normal()) / Math.sqrt(cols)),
      b: Float64Array.from({ length: rows }, () => 0.1 * rng.normal()),
    };
  });
  return { activation, skips, layers };
}

const input = (seed: number, n = 3) => {
  const rng = createRng(seed + 1000);
  return Array.from({ length: n }, () => rng.normal());
};

/** Row vector times matrix. */
const rowTimes = (v: ArrayLike<number>, m: number[][]) =>
  m[0].map((_, j) => m.reduce((s, row, i) => s + v[i] * row[j], 0));

const maxAbs = (v: ArrayLike<number>) => Math.max(0, ...Array.from(v, Math.abs));
const maxDiff = (a: ArrayLike<number>, b: ArrayLike<number>) =>
  Math.max(0, ...Array.from(a, (v, i) => Math.abs(v - b[i])));

Deno.test("forwardMlp and outputGradients on a 3-layer ReLU network worked by hand", () => {
  const net: ResidualMlp = {
    activation: "relu",
    skips: true,
    layers: [
      { rows: 2, cols: 2, a: Float64Array.of(1, 2, -1, 1), b: Float64Array.of(0, 1) },
      { rows: 2, cols: 2, a: Float64Array.of(1, -1, 0, -2), b: Float64Array.of(0, 0) },
      { rows: 1, cols: 2, a: Float64Array.of(1, 2), b: Float64Array.of(-1) },
    ],
  };
  const pass = forwardMlp(net, [1, 1]);
  // y₁ = ReLU((3, 1)) = (3, 1); y₂ = ReLU((2, −2)) + y₁ = (5, 1); y₃ = 5 + 2 − 1 = 6.
  assert.deepEqual(Array.from(pass.ys[1]), [3, 1]);
  assert.deepEqual(Array.from(pass.ys[2]), [5, 1]);
  assert.deepEqual(Array.from(pass.ys[3]), [6]);
  // ∂y₂/∂y₁ = D₂A₂ + I with D₂ = diag(1, 0); ∂y₃/∂y₂ = A₃.
  assert.deepEqual(layerJacobian(net, pass, 2), [[2, -1], [0, 1]]);
  assert.deepEqual(layerJacobian(net, pass, 3), [[1, 2]]);
  const { dy, db, dA } = outputGradients(net, [1, 1]);
  assert.deepEqual(Array.from(dy[2]), [1, 2]);
  assert.deepEqual(Array.from(dy[1]), [2, 1]);
  // Layer 1 has no skip: ∂y₃/∂x = (2, 1)·D₁A₁ = (1, 5).
  assert.deepEqual(Array.from(dy[0]), [1, 5]);
  assert.deepEqual(Array.from(db[2]), [1]);
  assert.deepEqual(Array.from(dA[2]), [5, 1]);
  assert.deepEqual(Array.from(db[1]), [1, 0]);
  assert.deepEqual(Array.from(dA[1]), [3, 1, 0, 0]);
  assert.deepEqual(Array.from(db[0]), [2, 1]);
  assert.deepEqual(Array.from(dA[0]), [2, 2, 1, 1]);
});

Deno.test("layerJacobian(net, pass, ℓ) = diag(φ′)A_ℓ + I equals central differences of y_{ℓ−1} ↦ y_ℓ (A_ℓ without skips, A_L at the top)", () => {
  const h = 1e-6;
  for (const activation of MLP_ACTIVATIONS) {
    for (const skips of [true, false]) {
      const net = randomMlp(3, { activation, skips });
      const pass = forwardMlp(net, input(3));
      for (let l = 2; l <= net.layers.length; l++) {
        // y_ℓ as a function of y_{ℓ−1}: layer ℓ alone, written out.
        const step = (y: number[]) => {
          const layer = net.layers[l - 1];
          const z = Array.from(
            { length: layer.rows },
            (_, i) => layer.b[i] + y.reduce((s, v, k) => s + layer.a[i * layer.cols + k] * v, 0),
          );
          if (l === net.layers.length) return z;
          const act = (v: number) =>
            activation === "relu"
              ? Math.max(0, v)
              : activation === "tanh"
              ? Math.tanh(v)
              : 1 / (1 + Math.exp(-v));
          return z.map((v, i) => act(v) + (skips ? y[i] : 0));
        };
        const y0 = Array.from(pass.ys[l - 1]);
        const J = layerJacobian(net, pass, l);
        y0.forEach((_, k) => {
          const up = y0.slice(), down = y0.slice();
          up[k] += h;
          down[k] -= h;
          const fu = step(up), fd = step(down);
          fu.forEach((v, i) => {
            const fdValue = (v - fd[i]) / (2 * h);
            assert.ok(
              Math.abs(fdValue - J[i][k]) < 1e-7,
              `${activation}, skips ${skips}, ℓ ${l}, (${i}, ${k})`,
            );
          });
        });
      }
    }
  }
});

Deno.test("outputGradients(net, x): ∂y_L/∂b_ℓ = (∂y_L/∂y_ℓ)·diag(φ′) and ∂y_L/∂A_ℓ = diag(φ′)(∂y_L/∂y_ℓ)ᵀy_{ℓ−1}ᵀ, with ∂y_L/∂y_ℓ the product of the layer Jacobians", () => {
  for (const activation of MLP_ACTIVATIONS) {
    for (const skips of [true, false]) {
      const net = randomMlp(11, { activation, skips, depth: 7 });
      const x = input(11);
      const { pass, dy, db, dA } = outputGradients(net, x);
      const L = net.layers.length;
      // The literal product, from the top down.
      let product: number[] = [1];
      for (let l = L; l >= 1; l--) {
        product = rowTimes(product, layerJacobian(net, pass, l));
        const want = l - 1;
        assert.ok(maxDiff(product, dy[want]) <= 1e-14 * (1 + maxAbs(product)), `∂y_L/∂y_${want}`);
      }
      for (let l = 1; l < L; l++) {
        const slope = pass.slopes[l - 1];
        const g = dy[l];
        const formulaB = Array.from(g, (v, i) => v * slope[i]);
        assert.deepEqual(Array.from(db[l - 1]), formulaB);
        const { rows, cols } = net.layers[l - 1];
        const formulaA = Array.from(
          { length: rows * cols },
          (_, k) =>
            slope[Math.floor(k / cols)] * g[Math.floor(k / cols)] * pass.ys[l - 1][k % cols],
        );
        assert.ok(maxDiff(dA[l - 1], formulaA) <= 1e-15 * (1 + maxAbs(formulaA)));
      }
      assert.deepEqual(Array.from(db[L - 1]), [1]);
      assert.deepEqual(Array.from(dA[L - 1]), Array.from(pass.ys[L - 1]));
    }
  }
});

Deno.test("outputGradients(net, x) equals central differences of y_L in every A_ℓ and b_ℓ entry (sigmoid and tanh, with and without skips)", () => {
  const h = 1e-6;
  for (const activation of ["sigmoid", "tanh"] as const) {
    for (const skips of [true, false]) {
      const net = randomMlp(21, { activation, skips, depth: 5 });
      const x = input(21);
      const { dA, db } = outputGradients(net, x);
      const yL = () => forwardMlp(net, x).ys[net.layers.length][0];
      let worst = 0;
      net.layers.forEach((layer, l) => {
        for (const [array, grad] of [[layer.a, dA[l]], [layer.b, db[l]]] as const) {
          for (let k = 0; k < array.length; k++) {
            const keep = array[k];
            array[k] = keep + h;
            const up = yL();
            array[k] = keep - h;
            const down = yL();
            array[k] = keep;
            const fd = (up - down) / (2 * h);
            worst = Math.max(worst, Math.abs(fd - grad[k]));
            assert.ok(
              Math.abs(fd - grad[k]) < 1e-8,
              `${activation}, skips ${skips}, layer ${l + 1}, entry ${k}: ${fd} vs ${grad[k]}`,
            );
          }
        }
      });
      console.log(
        `${activation}, skips ${skips}: central differences within ${worst.toExponential(1)}`,
      );
    }
  }
});

Deno.test("outputGradients(net, x) equals tfjs autodiff (tf.grads of y_L, float32) for every A_ℓ and b_ℓ: sigmoid, tanh and ReLU, with and without skips, n = 3 ≠ m = 4", async () => {
  for (const activation of MLP_ACTIVATIONS) {
    for (const skips of [true, false]) {
      for (const seed of [1, 2, 3]) {
        const net = randomMlp(seed, { activation, skips, depth: 6 });
        const x = input(seed);
        const want = outputGradients(net, x);
        const got = await mlpGradientsTf(tf, net, x);
        net.layers.forEach((_, l) => {
          for (
            const [a, b, what] of [[want.dA[l], got.dA[l], "A"], [
              want.db[l],
              got.db[l],
              "b",
            ]] as const
          ) {
            const tolerance = 1e-5 * (1 + maxAbs(a));
            assert.ok(
              maxDiff(a, b) <= tolerance,
              `${activation}, skips ${skips}, seed ${seed}: ∂y_L/∂${what}_${l + 1} off by ${
                maxDiff(a, b)
              }`,
            );
          }
        });
      }
    }
  }
});

Deno.test("withIntervention(zero, j): without skips every gradient below layer j is exactly 0; with skips ∂y_L/∂y_{j−1} = ∂y_L/∂y_j and the gradients below j are not 0", () => {
  for (const activation of MLP_ACTIVATIONS) {
    const params = {
      ...RESIDUAL_DEFAULTS,
      depth: 12,
      width: 16,
      activation,
      intervention: "zero" as const,
      layer: 8,
    };
    const xs = residualInputs(params);
    for (const skips of [true, false]) {
      const net = withIntervention(residualNetwork(params, skips), "zero", 8, xs, RESIDUAL_BATCH);
      assert.ok(net.layers[7].a.every((v) => v === 0));
      for (let k = 0; k < 4; k++) {
        const { dy, dA, db } = outputGradients(net, Array.from(xs.subarray(16 * k, 16 * k + 16)));
        if (skips) {
          assert.deepEqual(
            Array.from(dy[7]),
            Array.from(dy[8]),
            `${activation}: passed through unchanged`,
          );
          for (let l = 0; l < 7; l++) {
            assert.ok(dy[l].some((v) => v !== 0), `${activation}: dy[${l}]`);
          }
        } else {
          for (let l = 0; l < 8; l++) {
            assert.ok(dy[l].every((v) => v === 0), `${activation}: dy[${l}]`);
          }
          for (let l = 0; l < 7; l++) {
            assert.ok(dA[l].every((v) => v === 0) && db[l].every((v) => v === 0));
          }
        }
      }
      const profile = gradientProfile(net, xs, RESIDUAL_BATCH);
      if (skips) assert.ok(profile.gradA.slice(0, 7).every((v) => v > 0), `${activation}`);
      else assert.deepEqual(profile.gradA.slice(0, 7), new Array(7).fill(0));
    }
  }
});

Deno.test("withIntervention(saturate, j): φ′ = 0 at every unit of layer j for every input; without skips every gradient below j is exactly 0, with skips it passes through unchanged", () => {
  for (const activation of MLP_ACTIVATIONS) {
    for (const sigma of [0.5, 3]) {
      const params = {
        ...RESIDUAL_DEFAULTS,
        depth: 12,
        width: 16,
        sigma,
        activation,
        intervention: "saturate" as const,
        layer: 6,
      };
      const xs = residualInputs(params);
      for (const skips of [true, false]) {
        const net = withIntervention(
          residualNetwork(params, skips),
          "saturate",
          6,
          xs,
          RESIDUAL_BATCH,
        );
        const bias = net.layers[5].b;
        assert.ok(bias.every((v) => Math.abs(v) >= SATURATION_MARGIN));
        for (let k = 0; k < RESIDUAL_BATCH; k++) {
          const x = Array.from(xs.subarray(16 * k, 16 * k + 16));
          const { pass, dy, dA } = outputGradients(net, x);
          assert.ok(
            pass.slopes[5].every((v) => v === 0),
            `${activation}, σ ${sigma}: slope at layer 6`,
          );
          assert.ok(dA[5].every((v) => v === 0));
          if (skips) assert.deepEqual(Array.from(dy[5]), Array.from(dy[6]));
          else for (let l = 0; l < 6; l++) assert.ok(dy[l].every((v) => v === 0));
        }
      }
    }
  }
});

Deno.test("gradientProfile at the page's defaults (sigmoid, depth 30, width 64, σ = 1): the gradient reaching the input is over 10¹⁰ times larger with skips", () => {
  const skip = gradientProfile(
    residualNetwork(RESIDUAL_DEFAULTS, true),
    residualInputs(RESIDUAL_DEFAULTS),
    RESIDUAL_BATCH,
  );
  const plain = gradientProfile(
    residualNetwork(RESIDUAL_DEFAULTS, false),
    residualInputs(RESIDUAL_DEFAULTS),
    RESIDUAL_BATCH,
  );
  assert.equal(RESIDUAL_DEFAULTS.activation, "sigmoid");
  assert.ok(skip.gradY[0] > 1e10 * plain.gradY[0], `${skip.gradY[0]} vs ${plain.gradY[0]}`);
  assert.ok(skip.gradA[0] > 1e10 * plain.gradA[0], `${skip.gradA[0]} vs ${plain.gradA[0]}`);
  // Without skips each sigmoid layer passes at most a quarter of what reaches it, times ‖A_ℓ‖.
  assert.ok(plain.gradY[0] > 0);
});

Deno.test("checkMlp, withIntervention and gradientProfile refuse bad inputs with messages that name them", () => {
  const net = randomMlp(1);
  assert.throws(() => forwardMlp(net, [1, 2]), /x must have 3 entries; got 2/);
  assert.throws(
    () => forwardMlp({ ...net, activation: "identity" as MlpActivation }, [1, 2, 3]),
    /activation must be one of "sigmoid", "tanh", "relu"; got "identity"/,
  );
  assert.throws(
    () => forwardMlp({ ...net, layers: net.layers.slice(0, 1) }, [1, 2, 3]),
    /number of layers L must be an integer ≥ 2; got 1/,
  );
  assert.throws(
    () => withIntervention(net, "zero", 6, [], 0),
    /layer j must be an integer in \[2, 5\]; got 6/,
  );
  assert.throws(() => gradientProfile(net, [1, 2, 3], 0), /batch must be an integer ≥ 1; got 0/);
});

Deno.test("checkInstance(activation, seed): the page's small network (n = 2, m = 3, L = 5) has formulas equal to tfjs autodiff for every activation and seeds 0–20", async () => {
  for (const activation of MLP_ACTIVATIONS) {
    for (let seed = 0; seed <= 20; seed++) {
      const { net, x } = checkInstance(activation, seed);
      assert.deepEqual(net.layers.map((l) => [l.rows, l.cols]), [[3, 2], [3, 3], [3, 3], [3, 3], [
        1,
        3,
      ]]);
      const want = outputGradients(net, x);
      const got = await mlpGradientsTf(tf, net, x);
      net.layers.forEach((_, l) => {
        for (const [a, b] of [[want.dA[l], got.dA[l]], [want.db[l], got.db[l]]] as const) {
          assert.ok(
            maxDiff(a, b) <= 1e-5 * (1 + maxAbs(a)),
            `${activation}, seed ${seed}, layer ${l + 1}`,
          );
        }
      });
    }
  }
});

Deno.test("gradientProfile, the page's things to try: sigmoid (σ = 1) with skips stays within 10× of the top at depths 10–50, without skips falls below 10⁻⁵ of it; ReLU with skips grows over 100× by depth 30; σ = 0.1 at depth 50 goes below float32's smallest number", () => {
  const ratio = (params: typeof RESIDUAL_DEFAULTS, skips: boolean) => {
    const xs = residualInputs(params);
    const { gradY } = gradientProfile(residualNetwork(params, skips), xs, RESIDUAL_BATCH);
    return gradY[0] / gradY[params.depth - 1];
  };
  let previous = Infinity;
  for (const depth of [10, 30, 50]) {
    const params = { ...RESIDUAL_DEFAULTS, depth, activation: "sigmoid" as const, sigma: 1 };
    const skip = ratio(params, true);
    assert.ok(skip > 0.1 && skip < 10, `depth ${depth}: ${skip}`);
    const plain = ratio(params, false);
    assert.ok(plain < 1e-5 && plain < previous, `depth ${depth}: ${plain}`);
    previous = plain;
  }
  const relu = { ...RESIDUAL_DEFAULTS, activation: "relu" as const, sigma: 1 };
  assert.ok(ratio(relu, true) > 100);
  // At the sliders' smallest σ and largest depth, the gradient at the input without skips is
  // below float32's smallest positive number, 2⁻¹⁴⁹.
  const lowest = { ...RESIDUAL_DEFAULTS, sigma: 0.1, depth: 50 };
  const xs = residualInputs(lowest);
  const { gradY } = gradientProfile(residualNetwork(lowest, false), xs, RESIDUAL_BATCH);
  assert.ok(gradY[0] > 0 && gradY[0] < 2 ** -149, `${gradY[0]}`);
});

Deno.test("a dead ReLU unit gets exactly zero gradient for its own weights and bias, and comes back when a lower layer changes its inputs", () => {
  // x ∈ ℝ¹, two units per layer, no skips. Layer 2's second unit computes ReLU(y₁,₁ − 2): off
  // while y₁,₁ = ReLU(a·x) < 2. The first unit passes y₁,₁ to the top, so ascending y₃ grows a.
  const net = (a: number): ResidualMlp => ({
    activation: "relu",
    skips: false,
    layers: [
      { rows: 2, cols: 1, a: Float64Array.of(a, 0), b: Float64Array.of(0, 0) },
      { rows: 2, cols: 2, a: Float64Array.of(1, 0, 1, 0), b: Float64Array.of(0, -2) },
      { rows: 1, cols: 2, a: Float64Array.of(1, 1), b: Float64Array.of(0) },
    ],
  });
  const inputs = [[0.5], [1]];
  let a = 1;
  let revivedAt = -1;
  for (let step = 0; step < 5 && revivedAt < 0; step++) {
    const grads = inputs.map((x) => outputGradients(net(a), x));
    const dead = grads.every((g) => g.pass.ys[2][1] === 0);
    if (!dead) {
      revivedAt = step;
      break;
    }
    // While dead, its own row of ∂y₃/∂A₂ and its bias gradient are exactly 0 for every input.
    for (const g of grads) {
      assert.deepEqual(Array.from(g.dA[1].slice(2, 4)), [0, 0]);
      assert.equal(g.db[1][1], 0);
    }
    // Gradient ascent on the batch's mean y₃, in layer 1 only (η = 1).
    a += grads.reduce((s, g) => s + g.dA[0][0], 0) / inputs.length;
  }
  // a goes 1 → 1.75 → 2.5: then y₁,₁ = 2.5 > 2 for x = 1, and the unit is on again.
  assert.equal(revivedAt, 2);
  assert.equal(a, 2.5);
});
