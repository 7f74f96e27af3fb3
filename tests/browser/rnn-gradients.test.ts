/**
 * The gradients-through-time page in real headless Chromium, against the built site in dist/.
 * The live Jacobian norms are held to the same compute module run here in Deno and to their
 * closed forms; the bidirectional RNN's autodiff check to the course's formulas. One page load
 * serves the first three tests.
 */
import assert from "node:assert/strict";
import { browserFixture, waitForDrawn, waitForHook } from "./harness.ts";
import { backend, chartMarkup, setControl } from "./controls.ts";
import {
  jacobianNorms,
  log10Bound,
  restingLog10Norm,
} from "../../src/compute/rnn-gradients/jacobian.ts";
import type { RecurrenceParams } from "../../src/compute/rnn-gradients/recurrence.ts";
import {
  endSpread,
  FATES,
  PAGE_DEFAULTS,
  RELU_HALF_OFF,
  SEED_RANGE,
} from "../../src/compute/rnn-gradients/examples.ts";
import {
  brnnWeightGradients,
  randomBrnn,
  relativeGap,
} from "../../src/compute/rnn-gradients/brnn.ts";
import { readSection, stopWhenRunning } from "./stopLive.ts";
import { cardIn, commitPrediction, commitThenMove } from "./predictionSteps.ts";

const path = "/pages/rnn-gradients";

interface JacobianHook {
  settings: RecurrenceParams;
  stopped: boolean;
  log10Norms: number[];
  log10Bound: number[];
  log10Exact: number[] | null;
  longestSliceMs: number;
}

interface BrnnHook {
  settings: { seed: number; steps: number };
  stopped?: boolean;
  backend: string;
  tf: { wf: number[]; ub: number[] };
  formula: { wf: number[]; ub: number[] };
  tfGap: { wf: number; ub: number };
  finiteGap: { wf: number; ub: number };
}

/** Page numbers against Deno's for the same parameters (the same V8 arithmetic, to rounding). */
function assertSameRun(hook: JacobianHook, params: RecurrenceParams): void {
  const run = jacobianNorms(params);
  assert.equal(hook.log10Norms.length, params.steps + 1);
  hook.log10Norms.forEach((got, t) => {
    const want = run.steps[t].log10Norm;
    if (want === -Infinity) assert.ok(got === -Infinity || got === null, `t = ${t}: not 0`);
    else assert.ok(Math.abs(got - want) < 1e-9, `t = ${t}: page ${got}, Deno ${want}`);
    const bound = log10Bound(params.activation, params.norm, t);
    assert.ok(Math.abs(hook.log10Bound[t] - bound) < 1e-12);
    if (got !== null) assert.ok(got <= bound + 1e-9, `t = ${t}: ${got} above the bound ${bound}`);
  });
}

const { test, open } = browserFixture();
test({
  name:
    "rnn-gradients page: the live ‖∂hₜ/∂h₀‖ is the compute module's exact Jacobian product and stays under (γs)ᵗ, with no console error",
  async fn() {
    const { page } = await open(path);
    await waitForDrawn(page);
    assert.equal(await backend(page), "wasm");
    const hook = await waitForHook<JacobianHook>(page, "rnnJacobian", { norm: PAGE_DEFAULTS.norm });
    assert.deepEqual(hook.settings, PAGE_DEFAULTS);
    assertSameRun(hook, PAGE_DEFAULTS);
    // Nearly tight: within a factor of 10 of the bound after 60 steps with a small input.
    const T = PAGE_DEFAULTS.steps;
    assert.ok(hook.log10Norms[T] > hook.log10Bound[T] - 1);
    await waitForDrawn(page);
    // How often the ReLU instance grows, over the slider's seeds, as Deno counts it.
    const relu = endSpread(RELU_HALF_OFF, SEED_RANGE.min, SEED_RANGE.max);
    const pct = (k: number) => `${Math.round((100 * k) / relu.seeds)} %`;
    const share = (pick: (...v: number[]) => number) => pick(...relu.meanSlopes).toFixed(2);
    const reluText = `Over the slider's ${relu.seeds} seeds (0 to 100) the share on averages ` +
      `between ${share(Math.min)} and ${share(Math.max)}, and the median run ends at ` +
      `5.0 × 10⁻⁵, but ${relu.grow} of them (${pct(relu.grow)}) end above 1 and ` +
      `${relu.growPast100} (${pct(relu.growPast100)}) above 100`;
    await page.waitForFunction(
      (text) => document.querySelector("main")?.textContent?.replace(/\s+/g, " ").includes(text),
      reluText,
      { timeout: 30_000 },
    );
    assert.ok(Math.abs(relu.median - Math.log10(5e-5)) < 0.02, `median ${relu.median}`);
    // The graphs' text equivalents: one row per edge, 21 forward and 15 gradient edges.
    const rows = await page.evaluate(() =>
      ["brnn-forward-graph", "brnn-gradient-graph"].map((name) =>
        document.querySelector(`[data-chart="${name}"] summary`)?.textContent
      )
    );
    assert.deepEqual(rows, ["Data table (21 rows)", "Data table (15 rows)"]);
    // Both live sections ran in the live worker, on its wasm backend: the page itself loaded no
    // tfjs (it only draws), and the worker freed every tensor its runs made.
    const { liveWorker, baselineTensors } = await page.evaluate(() =>
      (globalThis as unknown as {
        __explorables: {
          liveWorker: { backend: string; numTensors: number };
          baselineTensors: number;
        };
      }).__explorables
    );
    assert.equal(liveWorker.backend, "wasm");
    assert.equal(liveWorker.numTensors, baselineTensors);
    const tfjsOnPage = await page.evaluate(() =>
      performance.getEntriesByType("resource").map((entry) => entry.name).filter((name) =>
        /tfjs/.test(name)
      )
    );
    assert.deepEqual(tfjsOnPage, []);
  },
});

test({
  name:
    "rnn-gradients page: moving the controls moves the chart onto its theory: the bound itself at rest for orthogonal W, (s·σ′(c))ᵗ ≪ (γs)ᵗ when saturated at γs = 2 > 1, far below it for Gaussian W",
  async fn() {
    const { page } = await open(path);
    await waitForDrawn(page);
    const atRest = { ...PAGE_DEFAULTS, drive: 0 };
    let before = await chartMarkup(page, "jacobian-norm");
    await setControl(page, "input size a", 0);
    let hook = await waitForHook<JacobianHook>(page, "rnnJacobian", { drive: 0 });
    assertSameRun(hook, atRest);
    assert.notEqual(await chartMarkup(page, "jacobian-norm"), before);
    hook.log10Norms.forEach((v, t) =>
      assert.ok(Math.abs(v - hook.log10Bound[t]) < 1e-11, `t = ${t}`)
    );
    hook.log10Exact!.forEach((v, t) => assert.ok(Math.abs(v - hook.log10Bound[t]) < 1e-12));

    // The saturated example: γs = 2, yet (2·tanh′(1.5))ᵗ vanishes.
    before = await chartMarkup(page, "jacobian-norm");
    await page.getByRole("button", { name: /yet vanishes/ }).click();
    hook = await waitForHook<JacobianHook>(page, "rnnJacobian", { norm: 2, rest: 1.5, drive: 0 });
    assertSameRun(hook, FATES.saturated);
    assert.notEqual(await chartMarkup(page, "jacobian-norm"), before);
    const T = FATES.saturated.steps;
    hook.log10Norms.forEach((v, t) =>
      assert.ok(Math.abs(v - restingLog10Norm("tanh", 2, 1.5, t)) < 1e-10, `t = ${t}`)
    );
    assert.ok(hook.log10Norms[T] < -26 && hook.log10Bound[T] > 18);

    // Gaussian W with the same largest singular value: many decades under the bound.
    await setControl(page, "recurrent weights W", "Gaussian, rescaled to norm s");
    await setControl(page, "resting state c", 0);
    hook = await waitForHook<JacobianHook>(page, "rnnJacobian", { weights: "gaussian", rest: 0 });
    const gaussian = { ...FATES.saturated, weights: "gaussian" as const, rest: 0 };
    assertSameRun(hook, gaussian);
    assert.equal(hook.log10Exact, null);
    assert.ok(hook.log10Norms[T] < hook.log10Bound[T] - 5);
  },
});

test({
  name:
    "rnn-gradients page: Stop pressed mid-run leaves the steps done so far drawn and says where it stopped, in both live sections, with no error; the next move runs to the end",
  async fn() {
    const { page } = await open(path);
    await waitForDrawn(page);
    // The saturated example with Gaussian W (as the test above leaves the page).
    await page.getByRole("button", { name: /yet vanishes/ }).click();
    await waitForHook<JacobianHook>(page, "rnnJacobian", { norm: 2, rest: 1.5, drive: 0 });
    await setControl(page, "recurrent weights W", "Gaussian, rescaled to norm s");
    await setControl(page, "resting state c", 0);
    await waitForHook<JacobianHook>(page, "rnnJacobian", { weights: "gaussian", rest: 0 });
    // 64 units for 200 steps: many slices, so the press lands mid-run.
    await setControl(page, "hidden units n", 64);
    await waitForHook<JacobianHook>(page, "rnnJacobian", { units: 64 });
    await stopWhenRunning(page, "jacobian");
    await setControl(page, "steps T", 200);
    const stopped = await waitForHook<JacobianHook>(page, "rnnJacobian", { units: 64, steps: 200 });
    assert.equal(stopped.stopped, true);
    const done = stopped.log10Norms.length - 1;
    assert.ok(done >= 1 && done < 200, `${done} steps`);
    assertSameRun(stopped, {
      ...FATES.saturated,
      weights: "gaussian",
      rest: 0,
      units: 64,
      steps: done,
    });
    const status = await readSection(page, "jacobian");
    assert.equal(status.state, "done");
    assert.match(status.status, new RegExp(`^Stopped at step ${done} of 200: `));
    await page.waitForFunction(
      (done) =>
        document.querySelector("main")?.textContent?.includes(
          `The run was stopped at step ${done} of 200`,
        ),
      done,
      { timeout: 10_000 },
    );
    assert.notEqual(await chartMarkup(page, "jacobian-norm"), "");
    // The next move runs to the end.
    await setControl(page, "steps T", 199);
    const full = await waitForHook<JacobianHook>(page, "rnnJacobian", { units: 64, steps: 199 });
    assert.equal(full.stopped, false);
    assert.equal(full.log10Norms.length, 200);

    // The autodiff check, stopped before tfjs's gradients are read.
    await stopWhenRunning(page, "brnn-check");
    await setControl(page, "BRNN seed", 13);
    const brnn = await waitForHook<BrnnHook>(page, "brnnCheck", { seed: 13 });
    assert.equal(brnn.stopped, true);
    const brnnStatus = await readSection(page, "brnn-check");
    assert.equal(brnnStatus.state, "done");
    assert.match(
      brnnStatus.status,
      /^Stopped before TensorFlow\.js's gradients were read \(seed 13, /,
    );
    await page.waitForFunction(
      () =>
        [...document.querySelectorAll("[data-live-section=brnn-check] td")].some((td) =>
          td.textContent === "stopped"
        ),
      undefined,
      { timeout: 10_000 },
    );
    assert.notEqual(await chartMarkup(page, "brnn-gradient-check"), "");
    await setControl(page, "BRNN seed", 14);
    const after = await waitForHook<BrnnHook>(page, "brnnCheck", { seed: 14 });
    assert.equal(after.stopped, undefined);
    assert.ok(after.tfGap.wf < 1e-5);
  },
});

test({
  name:
    "rnn-gradients page: tfjs autodiff gives the course's ∇Wᶠ and ∇Uᵇ to float32 precision and finite differences to 1e-7, seed after seed",
  async fn() {
    const { page } = await open(path);
    await waitForDrawn(page);
    for (const [seed, steps] of [[1, 3], [7, 3], [7, 8], [42, 1]]) {
      await setControl(page, "BRNN seed", seed);
      await setControl(page, "sequence length", steps);
      const hook = await waitForHook<BrnnHook>(page, "brnnCheck", { seed, steps });
      const want = brnnWeightGradients(randomBrnn({ seed, steps }));
      assert.ok(relativeGap(hook.formula.wf, want.wf) < 1e-12);
      assert.ok(relativeGap(hook.formula.ub, want.ub) < 1e-12);
      const tf = { wf: relativeGap(hook.tf.wf, want.wf), ub: relativeGap(hook.tf.ub, want.ub) };
      assert.ok(
        tf.wf < 1e-5 && tf.ub < 1e-5,
        `seed ${seed}, T = ${steps}: autodiff ${JSON.stringify(tf)}`,
      );
      assert.ok(Math.abs(hook.tfGap.wf - tf.wf) < 1e-12 && Math.abs(hook.tfGap.ub - tf.ub) < 1e-12);
      assert.ok(hook.finiteGap.wf < 1e-7 && hook.finiteGap.ub < 1e-7);
    }
  },
});

test({
  name:
    "rnn-gradients page: the driven prediction card runs a = 3 at s = 2 and judges the guess; a moved slider is not judged",
  async fn() {
    const { page } = await open(path);
    await commitThenMove(page, "driven", "it explodes: above 1 × 10³", "steps T", 50);
    const moved = await cardIn(page, "driven", "moved");
    assert.match(moved.message, /no longer match the prediction's setting \(steps T moved\)/);
    await page.locator('[data-prediction="driven"] button[data-action="commit"]').click();
    const missed = await cardIn(page, "driven", "settled");
    assert.equal(missed.held, "false");
    assert.match(
      missed.message,
      /^Your prediction did not hold: you predicted “it explodes: above 1 × 10³”, and the answer was “it vanishes: below 1 × 10⁻³”\. After 60 steps ‖∂hₜ\/∂h₀‖ is \d\.\d × 10⁻[⁰¹²³⁴⁵⁶⁷⁸⁹]+, while the bound \(γs\)ᵗ is 1\.2 × 10¹⁸\.$/,
    );
    await page.locator('[data-prediction="driven"] button[data-action="predict-again"]').click();
    await commitPrediction(page, "driven", "it vanishes: below 1 × 10⁻³");
    assert.equal((await cardIn(page, "driven", "settled")).held, "true");
  },
});
