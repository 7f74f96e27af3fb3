/**
 * The dropout-and-noise page in real headless Chromium, against the built site in dist/: the live
 * Monte-Carlo runs are the compute module's runs (same seeded draws) and land on the closed forms,
 * the activation check is exactly zero for ReLU and leaky ReLU, the closed-form charts follow their
 * sliders, and tensors do not leak (bad links: the manifest's refusedLinks, in quality.test.ts).
 */
import assert from "node:assert/strict";
import { browserFixture, waitForDrawn, waitForHook } from "./harness.ts";
import { backend, setControl } from "./controls.ts";
import { generateRegression, problemStreams } from "../../src/compute/regression.ts";
import { dropoutMinimiser, expectedLoss, type MaskModel } from "../../src/compute/tikhonov.ts";
import { lossSampler, monteCarloMean } from "../../src/compute/monteCarlo.ts";
import {
  type ActivationName,
  compareOrders,
  counterexampleCurves,
  LAYER,
  randomLayer,
} from "../../src/compute/dropout-noise/activation.ts";
import { readSection } from "./stopLive.ts";

const path = "/pages/dropout-noise";

interface McHook {
  settings: Record<string, number | string>;
  exact: number;
  count: number;
  mean: number;
  standardError: number;
  longestSliceMs: number;
}

interface OrdersHook {
  settings: { seed: number; rate: number; activation: ActivationName };
  backend: string;
  nonZero: number;
  maxAbsDifference: number;
  units: number;
  dropoutFirst: number[];
  activationFirst: number[];
}

/** The same run in Deno: stream k of the seed, the teacher's weights, the same draws. */
function denoRun(settings: Record<string, number | string>, model: MaskModel, stream: number) {
  const { n, d, noise, seed, draws } = settings as Record<string, number>;
  const problem = generateRegression({ n, d, noise, seed });
  const w = Array.from(problem.wTrue);
  const exact = expectedLoss(problem, w, model).total;
  const mc = monteCarloMean(
    lossSampler(problem, w, model, problemStreams(seed).masks(stream)),
    draws,
  );
  return { exact, mc };
}

function checkMonteCarlo(hook: McHook, model: MaskModel, stream: number) {
  const { exact, mc } = denoRun(hook.settings, model, stream);
  assert.equal(hook.count, hook.settings.draws);
  assert.ok(Math.abs(hook.exact - exact) <= 1e-12 * exact, `exact ${hook.exact} vs ${exact}`);
  // The same seeded draws in the same order: the page's mean is Deno's, to rounding.
  assert.ok(Math.abs(hook.mean - mc.mean) <= 1e-12 * mc.mean, `mean ${hook.mean} vs ${mc.mean}`);
  const z = (hook.mean - exact) / hook.standardError;
  assert.ok(Math.abs(z) < 4, `page mean ${hook.mean} is ${z.toFixed(2)} SE from ${exact}`);
}

const { test, open } = browserFixture();

test({
  name: "dropout-noise page: without a WebGPU adapter every section finishes on WebAssembly",
  async fn() {
    const { page } = await open(path);
    await waitForDrawn(page);
    assert.equal(await backend(page), "wasm");
  },
});

test({
  name:
    "dropout-noise page: each live Monte-Carlo mean lands within 4 standard errors of the closed form",
  async fn() {
    const { page } = await open(path);
    const dropout = await waitForHook<McHook>(page, "dropoutMonteCarlo", {
      p: 0.8,
      masks: "plain",
    });
    checkMonteCarlo(dropout, { kind: "bernoulli", keep: 0.8, inverted: false }, 0);
    const gaussian = await waitForHook<McHook>(page, "gaussianMonteCarlo", { mu: 1, sigma: 0.5 });
    checkMonteCarlo(gaussian, { kind: "gaussian", mean: 1, sd: 0.5 }, 2);
    // How long a slice may hold the main thread is checked with a fake clock in
    // tests/compute/monteCarlo.test.ts and measured by the bench; wall-clock time here
    // depends on what else the machine is doing.
  },
});

test({
  name:
    "dropout-noise page: moving p, the mask convention, μ and σ reruns Monte Carlo onto the new closed form",
  async fn() {
    const { page } = await open(`${path}?draws=5000`);
    await waitForDrawn(page);
    await setControl(page, "keep probability p", 0.3);
    await setControl(page, "masks", "inverted (R/p)");
    const dropout = await waitForHook<McHook>(page, "dropoutMonteCarlo", {
      p: 0.3,
      masks: "inverted",
      draws: 5000,
    });
    checkMonteCarlo(dropout, { kind: "bernoulli", keep: 0.3, inverted: true }, 1);
    await setControl(page, "noise mean μ", 0.5);
    await setControl(page, "noise sd σ", 1.2);
    const gaussian = await waitForHook<McHook>(page, "gaussianMonteCarlo", {
      mu: 0.5,
      sigma: 1.2,
      draws: 5000,
    });
    checkMonteCarlo(gaussian, { kind: "gaussian", mean: 0.5, sd: 1.2 }, 2);
    await setControl(page, "n (rows)", 120);
    const bigger = await waitForHook<McHook>(page, "dropoutMonteCarlo", { n: 120, draws: 5000 });
    checkMonteCarlo(bigger, { kind: "bernoulli", keep: 0.3, inverted: true }, 1);
    assert.match(page.url(), /p=0\.3/);
    assert.match(page.url(), /masks=inverted/);
  },
});

test({
  name:
    "dropout-noise page: the coefficient chart and the counterexample follow their sliders to the closed forms",
  async fn() {
    const { page } = await open(path);
    await waitForDrawn(page);
    await setControl(page, "keep probability p", 0.35);
    await page.waitForFunction(
      () =>
        document.querySelector('[data-chart="coefficients"] .chart-title')?.textContent
          ?.includes("p = 0.35"),
      undefined,
      { timeout: 10_000 },
    );
    const problem = generateRegression({ n: 50, d: 5, noise: 0.5, seed: 1 });
    const norm = Math.hypot(...dropoutMinimiser(problem, 0.35).w);
    const description = await page.textContent('[data-chart="coefficients"] .chart-description');
    assert.match(description ?? "", new RegExp(`have norm ${norm.toPrecision(3)} against`));

    await setControl(page, "weight a", -2.5);
    await setControl(page, "drop rate r", 0.6);
    await page.waitForFunction(
      () =>
        document.querySelector('[data-chart="sigmoid-counterexample"] .chart-title')?.textContent
          ?.includes("a = -2.5"),
      undefined,
      { timeout: 10_000 },
    );
    const curves = counterexampleCurves(-2.5, 0.6);
    const gaps = curves.map((c) => c.activationFirst - c.dropoutFirst);
    const largest = Math.max(...gaps);
    // The title and the description are redrawn in turn: wait for the description to follow.
    const want = `the gap is largest, ${largest.toPrecision(3)}`;
    await page.waitForFunction(
      (want) =>
        document.querySelector('[data-chart="sigmoid-counterexample"] .chart-description')
          ?.textContent?.includes(want),
      want,
      { timeout: 10_000 },
    ).catch(() => {});
    const text = await page.textContent('[data-chart="sigmoid-counterexample"] .chart-description');
    assert.match(text ?? "", new RegExp(want));
    assert.ok(gaps.every((g) => g > 0));
  },
});

test({
  name:
    "dropout-noise page: the live check gives exactly zero difference for ReLU and leaky ReLU, and the sigmoid's double-precision difference",
  async fn() {
    const { page } = await open(path);
    const relu = await waitForHook<OrdersHook>(page, "lastOrders", {
      activation: "relu",
      rate: 0.4,
    });
    assert.equal(relu.nonZero, 0);
    assert.equal(relu.maxAbsDifference, 0);
    assert.equal(relu.units, LAYER.batch * LAYER.units);
    await setControl(page, "activation", "leaky ReLU");
    const leaky = await waitForHook<OrdersHook>(page, "lastOrders", { activation: "leaky-relu" });
    assert.equal(leaky.nonZero, 0);
    assert.equal(leaky.maxAbsDifference, 0);
    assert.ok(leaky.dropoutFirst.some((v) => v < 0));
    await setControl(page, "activation", "sigmoid");
    const sigmoid = await waitForHook<OrdersHook>(page, "lastOrders", { activation: "sigmoid" });
    const reference = compareOrders(randomLayer(1, 0.4), "sigmoid");
    assert.equal(sigmoid.nonZero, sigmoid.units);
    for (const key of ["dropoutFirst", "activationFirst"] as const) {
      sigmoid[key].forEach((v, k) =>
        assert.ok(
          Math.abs(v - reference[key][k]) < 2e-6,
          `${key}[${k}]: ${v} vs ${reference[key][k]}`,
        )
      );
    }
    assert.ok(Math.abs(sigmoid.maxAbsDifference - reference.maxAbsDifference) < 2e-6);
    const status = await page.textContent('[data-live-section="activation-orders"] .live-status');
    const units = LAYER.batch * LAYER.units;
    assert.match(
      status ?? "",
      new RegExp(`^sigmoid on wasm: the two orders differ on ${units} of ${units} units`),
    );
  },
});

test({
  name:
    "dropout-noise page: Chromium's software WebGPU adapter ranks below WebAssembly, and ?backend=webgpu runs the activation check on it",
  async fn() {
    // The worker ranks a fallback adapter below wasm (compute/tfStart.ts): wasm by default.
    const { page } = await open(`${path}?draws=1000`, { webgpu: true });
    assert.equal(await backend(page), "wasm");
    await page.close();
    const forced = (await open(`${path}?draws=1000&backend=webgpu`, { webgpu: true })).page;
    assert.equal(await backend(forced), "webgpu");
    const relu = await waitForHook<OrdersHook>(forced, "lastOrders", { activation: "relu" });
    assert.equal(relu.backend, "webgpu");
    assert.equal(relu.nonZero, 0);
    await forced.close();
  },
});

test({
  name:
    "dropout-noise page: at p = 1 and σ = 0 the Monte-Carlo status and chart say the draws do not vary, with no NaN",
  async fn() {
    const { page } = await open(`${path}?p=1&sigma=0&draws=1000`);
    await waitForHook<McHook>(page, "dropoutMonteCarlo", { p: 1 });
    await waitForHook<McHook>(page, "gaussianMonteCarlo", { sigma: 0 });
    for (const section of ["dropout-monte-carlo", "gaussian-monte-carlo"]) {
      const { state, status, text } = await readSection(page, section);
      assert.equal(state, "done");
      assert.match(
        status,
        /^1000 draws, all the same: this noise does not vary the loss, every draw gives [\d.]+, and the exact value is [\d.]+ \((identical|relative difference [\d.]+ × 10⁻\d+, rounding)\)\./,
      );
      const description = await page.evaluate(
        (section) => document.querySelector(`[data-chart="${section}"]`)?.textContent ?? "",
        section,
      );
      assert.match(description, /all the same/);
      for (const shown of [status, text, description]) {
        assert.doesNotMatch(shown, /NaN|Infinity|undefined/);
      }
    }
    await page.close();
  },
});
