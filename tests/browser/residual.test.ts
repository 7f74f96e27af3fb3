/**
 * The residual page in real headless Chromium, against the built site in dist/: one browser, one
 * page load for the default view and a few more for the moves, to keep the file short.
 */
import assert from "node:assert/strict";
import { browserFixture, waitForDrawn, waitForHook } from "./harness.ts";
import { backend, chartMarkup, setControl } from "./controls.ts";
import { armStop, assertStopped, settled, stopWhenStatus } from "./stopLive.ts";
import { cardIn, commitPrediction, commitThenMove } from "./predictionSteps.ts";
import {
  effectiveLayer,
  type LiveResidualParams,
  RESIDUAL_BATCH,
  residualInputs,
  residualNetwork,
} from "../../src/compute/residual/liveNetwork.ts";
import { gradientProfile, withIntervention } from "../../src/compute/residual/mlp.ts";
import {
  blockCase,
  blockJacobian,
  blockWeights,
  caseJacobian,
  casePoints,
  type Matrix,
  maxAbsDifference,
  residualBlock,
} from "../../src/compute/residual/block.ts";
import { BLOCK_DEFAULTS, CASE_POINT_SPACING } from "../../src/compute/residual/blockPage.ts";
import { RESIDUAL_DEFAULTS } from "../../src/compute/residual/livePage.ts";
import type { NetProfile } from "../../src/compute/residual/liveResidualTf.ts";

const path = "/pages/residual";

interface LastResidual {
  params: LiveResidualParams;
  layer: number | null;
  skip: NetProfile;
  plain: NetProfile;
  backend: string;
}

interface LastBlock {
  x0: number[];
  seed: number;
  scale: number;
  kind: string;
  formula: Matrix;
  course: Matrix | null;
  fd: Matrix;
  auto: Matrix;
  fdError: number;
  autoError: number;
}

/** The page's live numbers against the Float64 network of mlp.ts on the same draws. */
function assertMatchesFloat64(run: LastResidual) {
  const p = run.params;
  const xs = residualInputs(p);
  for (const [name, skips] of [["skip", true], ["plain", false]] as const) {
    const net = withIntervention(
      residualNetwork(p, skips),
      p.intervention,
      effectiveLayer(p),
      xs,
      RESIDUAL_BATCH,
    );
    const want = gradientProfile(net, xs, RESIDUAL_BATCH);
    for (const key of ["gradY", "gradA", "gradB"] as const) {
      want[key].forEach((w, i) => {
        const g = run[name][key][i]!;
        if (w === 0) assert.equal(g, 0, `${name} ${key}[${i}] must be exactly 0`);
        else assert.ok(Math.abs(g / w - 1) < 2e-4, `${name} ${key}[${i}]: ${g} vs ${w}`);
      });
    }
  }
}

function assertBlock(run: LastBlock) {
  const { w1, w2 } = blockWeights(run.seed, 2, run.scale);
  const kind = blockCase(residualBlock(w1, w2, run.x0), run.x0);
  assert.equal(run.kind, kind);
  assert.ok(maxAbsDifference(run.formula, blockJacobian(w1, w2, run.x0)) < 1e-12);
  const course = caseJacobian(kind, w1, w2);
  if (course) assert.ok(maxAbsDifference(course, run.formula) < 1e-12);
  else assert.equal(run.course, null);
  assert.ok(run.fdError < 1e-8, `central differences off by ${run.fdError}`);
  assert.ok(run.autoError < 1e-5, `tfjs off by ${run.autoError}`);
  assert.ok(maxAbsDifference(run.auto, run.formula) < 1e-5);
}

const { test, open } = browserFixture();

test({
  name:
    "residual page: loads with no console error, draws every chart, and its block, autodiff check and live comparison match the Float64 computations",
  async fn() {
    const { page } = await open(path);
    const run = await waitForHook<LastResidual>(page, "lastResidual", {
      depth: RESIDUAL_DEFAULTS.depth,
    }, { field: "params" });
    await waitForDrawn(page);
    assert.equal(await backend(page), "wasm");
    assertMatchesFloat64(run);
    // The default: sigmoid, no intervention; the input's gradient vanishes only without skips.
    assert.ok(run.skip.gradY[0]! > 1e10 * run.plain.gradY[0]!);
    const block = await waitForHook<LastBlock>(page, "lastBlock", {
      x0: [BLOCK_DEFAULTS.x1, BLOCK_DEFAULTS.x2],
    }, { field: "" });
    assertBlock(block);
    assert.equal(block.kind, "both-on");
    const check = await waitForHook<{ worst: number }>(
      page,
      "lastCheck",
      { activation: "sigmoid" },
      {
        field: "",
      },
    );
    assert.ok(check.worst < 1e-5, `autodiff check: ${check.worst}`);
  },
});

test({
  name:
    "residual page: setting Aⱼ = 0 or saturating layer j makes every gradient below j exactly 0 without skips, while with skips it crosses j unchanged",
  async fn() {
    const start = { depth: 12, width: 16 };
    const { page } = await open(`${path}?depth=12&width=16&layer=7`);
    await waitForHook<LastResidual>(page, "lastResidual", start, { field: "params" });
    await waitForDrawn(page);
    for (
      const [option, intervention] of [["set Aⱼ = 0", "zero"], [
        "saturate it (φ′ = 0)",
        "saturate",
      ]]
    ) {
      for (const activation of ["sigmoid", "ReLU"]) {
        await setControl(page, "activation φ", activation);
        const before = await chartMarkup(page, "gradient-to-layer");
        await setControl(page, "what to do to layer j", option);
        const run = await waitForHook<LastResidual>(page, "lastResidual", {
          ...start,
          intervention,
          activation: activation.toLowerCase(),
        }, { field: "params" });
        await waitForDrawn(page);
        assertMatchesFloat64(run);
        assert.equal(run.layer, 7);
        assert.deepEqual(run.plain.gradY.slice(0, 7), new Array(7).fill(0));
        assert.deepEqual(run.plain.gradA.slice(0, 6), new Array(6).fill(0));
        assert.ok(run.skip.gradY.slice(0, 7).every((v) => v! > 0));
        assert.ok(Math.abs(run.skip.gradY[6]! / run.skip.gradY[7]! - 1) < 1e-5);
        if (intervention === "saturate") assert.equal(run.skip.flatUnits, 16);
        const after = await chartMarkup(page, "gradient-to-layer");
        assert.notEqual(after, before);
        const zeros = after.match(/without skips it is exactly 0 at layers 0–(\d+)/);
        assert.ok(zeros && Number(zeros[1]) >= 6, "the description names the zero layers");
        await setControl(page, "what to do to layer j", "nothing");
        await waitForHook<LastResidual>(page, "lastResidual", { ...start, intervention: "none" }, {
          field: "params",
        });
        await waitForDrawn(page);
      }
    }
    // A layer j beyond the network acts on layer L − 1, and says so.
    await setControl(page, "what to do to layer j", "set Aⱼ = 0");
    await setControl(page, "layer j", 30);
    const deep = await waitForHook<LastResidual>(page, "lastResidual", {
      ...start,
      layer: 30,
      intervention: "zero",
    }, { field: "params" });
    assert.equal(deep.layer, 11);
    assert.match(
      (await page.textContent("main")) ?? "",
      /Layer 30 is beyond this network's hidden layers \(2 to 11\), so layer 11 is zeroed instead/,
    );
  },
});

test({
  name:
    "residual page: each case's button moves X₀ into that case, where the course's Jacobian equals the formula, central differences and tfjs autodiff",
  async fn() {
    const { page } = await open(path);
    await waitForDrawn(page);
    const { w1, w2 } = blockWeights(BLOCK_DEFAULTS.seed, 2, BLOCK_DEFAULTS.scale);
    const points = casePoints(w1, w2, 3, CASE_POINT_SPACING);
    for (const [kind, point] of Object.entries(points)) {
      await page.locator(".diagram-buttons button").filter({ hasText: `at (${point!.join(", ")})` })
        .click();
      const run = await waitForHook<LastBlock>(page, "lastBlock", { x0: point }, { field: "" });
      assert.equal(run.kind, kind);
      assertBlock(run);
      const map = await chartMarkup(page, "block-cases");
      assert.match(map, new RegExp(`your X₀ = \\(${point![0]}, ${point![1]}\\)`));
    }
    // The weight scale at 0: the block is ReLU(X₀), and its Jacobian diag(1[X₀ > 0]).
    await setControl(page, "block weights: scale", 0);
    const flat = await waitForHook<LastBlock>(page, "lastBlock", { scale: 0 }, { field: "" });
    assertBlock(flat);
    const x0 = flat.x0;
    assert.deepEqual(flat.formula, x0.map((v, i) => x0.map((_, k) => (i === k && v > 0 ? 1 : 0))));
  },
});

test({
  name:
    "residual page: Stop in the middle of every live section leaves a clear stopped state (the network keeps the layers it drew), with no runtime error",
  async fn() {
    const { page } = await open(path);
    await waitForHook<LastResidual>(page, "lastResidual", { depth: RESIDUAL_DEFAULTS.depth }, {
      field: "params",
    });
    await waitForDrawn(page);
    // The network: just after a run begins, and during its backward pass.
    await armStop(page, "network");
    await setControl(page, "depth L", 40);
    assert.match(await assertStopped(page, "network"), /before the backward pass began/);
    // The widest network first, run to its end, so that the Stop catches the deepest one's run.
    // In the worker that run takes about 0.1 s: a Stop pressed at its first backward frame may
    // reach the worker after its last layer, and the page then rightly shows the finished run.
    // Either way the section ends in a clear state with the gradient chart drawn.
    await setControl(page, "width m", 128);
    await waitForDrawn(page);
    await stopWhenStatus(page, "network", "^Backward");
    await setControl(page, "depth L", 50);
    const backward = await settled(page, "network", { finished: /^Done in / });
    assert.equal(backward.state, "done", backward.status);
    assert.match(backward.status, /^Stopped during the backward pass|^Done in /);
    assert.notEqual(await chartMarkup(page, "gradient-to-layer"), "");
    // The block's autodiff and the small network's check.
    await armStop(page, "block");
    await setControl(page, "x₁, first entry of X₀", 0.5);
    await assertStopped(page, "block");
    await armStop(page, "check");
    await setControl(page, "seed", 3);
    await assertStopped(page, "check");
  },
});

test({
  name:
    "residual page: the layer-one prediction card runs tanh at its setting and judges the guess; a moved slider is not judged",
  async fn() {
    const { page } = await open(path);
    const vanishes = "it vanishes: less than 0.001 of it";
    await commitThenMove(page, "layer-one", vanishes, "depth L", 25);
    const moved = await cardIn(page, "layer-one", "moved");
    assert.match(moved.message, /no longer match the prediction's setting \(depth L moved\)/);
    await page.locator('[data-prediction="layer-one"] button[data-action="commit"]').click();
    const missed = await cardIn(page, "layer-one", "settled");
    assert.equal(missed.held, "false");
    assert.match(
      missed.message,
      /^Your prediction did not hold: you predicted “it vanishes: less than 0\.001 of it”, and the answer was “it shrinks, but keeps at least 0\.001 of it”\. Without skips, the gradient at layer 1 is 0\.\d+ times its value at layer 29; with skips, \d+(\.\d+)? times\.$/,
    );
    await page.locator('[data-prediction="layer-one"] button[data-action="predict-again"]').click();
    await commitPrediction(page, "layer-one", "it shrinks, but keeps at least 0.001 of it");
    assert.equal((await cardIn(page, "layer-one", "settled")).held, "true");
  },
});
