import assert from "node:assert/strict";
import {
  runNetwork,
  sampleInputs,
  sampleStandardNetwork,
  sampleUnitRows,
  spread,
  timesMatrix,
  timesTranspose,
} from "../../src/compute/simulate.ts";
import { runExperiment, type SpreadColumns } from "../../src/compute/initialisation/experiment.ts";
import { HE, PYTORCH, scaledScheme, XAVIER } from "../../src/compute/schemes.ts";
import { activate } from "../../src/compute/activations.ts";
import { createRng } from "../../src/compute/prng.ts";

/**
 * Monte Carlo against theory: within 4 standard errors, with enough networks that 4 standard
 * errors stay under 2 % of the value (so a 2 % error in either would fail).
 */
function assertMatches(mc: SpreadColumns, theory: number[], layers: number[], what: string) {
  for (const l of layers) {
    const [mean, se, want] = [mc.mean[l], mc.se[l], theory[l]];
    assert.ok(4 * se < 0.02 * want, `${what}[${l}]: standard error ${se} too large for ${want}`);
    assert.ok(
      Math.abs(mean - want) <= 4 * se,
      `${what}[${l}]: Monte Carlo ${mean} ± ${se} vs theory ${want} (${(mean / want - 1) * 100} %)`,
    );
  }
}

Deno.test("timesTranspose and timesMatrix equal the naive products", () => {
  const rng = createRng(4);
  const [rows, cols, batch] = [7, 5, 6];
  const z = Float64Array.from({ length: rows * cols }, () => rng.normal());
  const x = Float64Array.from({ length: batch * cols }, () => rng.normal());
  const d = Float64Array.from({ length: batch * rows }, () => rng.normal());
  const out = new Float64Array(batch * rows);
  const back = new Float64Array(batch * cols);
  timesTranspose(z, rows, cols, x, batch, out);
  timesMatrix(z, rows, cols, d, batch, back);
  for (let b = 0; b < batch; b++) {
    for (let i = 0; i < rows; i++) {
      let s = 0;
      for (let j = 0; j < cols; j++) s += z[i * cols + j] * x[b * cols + j];
      assert.ok(Math.abs(out[b * rows + i] - s) < 1e-12);
    }
    for (let j = 0; j < cols; j++) {
      let s = 0;
      for (let i = 0; i < rows; i++) s += d[b * rows + i] * z[i * cols + j];
      assert.ok(Math.abs(back[b * cols + j] - s) < 1e-12);
    }
  }
});

Deno.test("runNetwork(...).gradMeanSquare[0] is ‖∂f/∂x‖² by central differences (tanh, PyTorch biases, unequal widths)", () => {
  const rng = createRng(11);
  const widths = [6, 9, 4, 7, 5];
  const net = sampleStandardNetwork(rng, widths, "uniform");
  const x = sampleInputs(rng, 1, widths[0]);
  const v = sampleUnitRows(rng, 1, widths.at(-1)!);
  const f = (input: Float64Array) => {
    let h = Array.from(input);
    for (const layer of net.layers) {
      const c = 1 / Math.sqrt(layer.cols);
      h = Array.from({ length: layer.rows }, (_, i) => {
        let a = c * layer.zb[i];
        for (let j = 0; j < layer.cols; j++) a += c * layer.z[i * layer.cols + j] * h[j];
        return activate("tanh", a);
      });
    }
    return h.reduce((s, hi, i) => s + v[i] * hi, 0);
  };
  const grad = Array.from({ length: widths[0] }, (_, j) => {
    const e = 1e-6;
    const plus = x.slice(), minus = x.slice();
    plus[j] += e;
    minus[j] -= e;
    return (f(plus) - f(minus)) / (2 * e);
  });
  const run = runNetwork(net, PYTORCH, "tanh", { x, batch: 1, v });
  const fd = grad.reduce((s, g) => s + g * g, 0);
  assert.ok(Math.abs(run.gradMeanSquare[0] / fd - 1) < 1e-7, `${run.gradMeanSquare[0]} vs ${fd}`);
  assert.equal(run.gradMeanSquare[4], 1);
});

Deno.test("spread(values): mean, standard error and interpolated 10th/90th percentiles", () => {
  const s = spread([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  assert.equal(s.mean, 6);
  assert.equal(s.p10, 2);
  assert.equal(s.p90, 10);
  assert.ok(Math.abs(s.se - Math.sqrt(11 / 11)) < 1e-12);
  assert.throws(() => spread([]), RangeError);
});

Deno.test("runExperiment(He and Xavier, identity and ReLU, width 24): forward variance and backward squared gradient match the exact recursions", () => {
  const results = runExperiment({
    width: 24,
    depth: 3,
    networks: 12000,
    batch: 8,
    seed: 21,
    schemes: [HE, XAVIER],
    activations: ["identity", "relu"],
    spectralIterations: 5,
  });
  for (const r of results) {
    const name = `${r.scheme} ${r.activation}`;
    assertMatches(r.pre, r.theory.preVariance, [0, 1, 2], `${name} q`);
    assertMatches(r.grad, r.theory.gradMeanSquare, [0, 1, 2, 3], `${name} r`);
    assertMatches(r.inputGrad!, r.theory.inputGradMeanSquare, [0, 1, 2], `${name} input`);
  }
  // He with unit-variance raw input: the first pre-activation variance is 2, not 1.
  const he = results.find((r) => r.scheme === "he" && r.activation === "relu")!;
  assert.ok(Math.abs(he.pre.mean[0] - 2) <= 4 * he.pre.se[0] && 4 * he.pre.se[0] < 0.04);
});

Deno.test("runExperiment(PyTorch, relu, width 16): exact with uniform weights and biases too", () => {
  const [r] = runExperiment({
    width: 16,
    depth: 3,
    networks: 9000,
    batch: 16,
    seed: 8,
    schemes: [PYTORCH],
    activations: ["relu"],
    spectralIterations: 5,
  });
  assertMatches(r.pre, r.theory.preVariance, [0, 1, 2], "PyTorch relu q");
  assertMatches(r.grad, r.theory.gradMeanSquare, [0, 1, 2], "PyTorch relu r");
});

Deno.test("runExperiment(Xavier and σ = 1.5, tanh and sigmoid): the Gaussian mean-field theory holds at large width", () => {
  const tanh = runExperiment({
    width: 256,
    depth: 3,
    networks: 64,
    batch: 16,
    seed: 5,
    schemes: [XAVIER, scaledScheme(1.5)],
    activations: ["tanh"],
    inputGradActivations: [],
  });
  // Sigmoid's outputs share the mean 1/2, so every input of a batch sees the same Σ_j W_ij/2:
  // that part averages over units and networks only, hence many narrower networks.
  const sigmoid = runExperiment({
    width: 128,
    depth: 2,
    networks: 700,
    batch: 4,
    seed: 6,
    schemes: [XAVIER, scaledScheme(1.5)],
    activations: ["sigmoid"],
    inputGradActivations: [],
  });
  for (const r of tanh) assertMatches(r.pre, r.theory.preVariance, [0, 1, 2], `${r.scheme} tanh q`);
  for (const r of sigmoid) {
    assertMatches(r.pre, r.theory.preVariance, [0, 1], `${r.scheme} sigmoid q`);
  }
});

Deno.test("runExperiment(sigmoid and ReLU, depth 30): every network's first-layer gradient stays under its bound ∏ γ‖W_ℓ‖₂, and sigmoid's vanishes far faster", () => {
  const results = runExperiment({
    width: 32,
    depth: 30,
    networks: 12,
    batch: 8,
    seed: 2,
    schemes: [HE, XAVIER],
    activations: ["sigmoid", "relu"],
    spectralIterations: 300,
  });
  for (const r of results) {
    const { inputGrad, boundSquared } = r.perNetwork!;
    inputGrad.forEach((perDepth, k) =>
      perDepth.forEach((g, l) =>
        assert.ok(g <= boundSquared[k][l], `${r.scheme} ${r.activation} net ${k} depth ${l + 1}`)
      )
    );
  }
  const at30 = (scheme: string, activation: string) =>
    results.find((r) => r.scheme === scheme && r.activation === activation)!.inputGrad!.mean[29];
  // Sigmoid's slope is at most 1/4, so its squared gradient loses a factor ≥ 16/s² a layer.
  assert.ok(at30("he", "sigmoid") < 1e-20 * at30("he", "relu"));
  assert.ok(at30("he", "sigmoid") <= (2 / 16) ** 30);
});
