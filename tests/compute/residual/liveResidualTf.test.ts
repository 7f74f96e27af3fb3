import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs-core";
import "@tensorflow/tfjs-backend-cpu";
import {
  type LiveResidualSnapshot,
  runLiveResidual,
} from "../../../src/compute/residual/liveResidualTf.ts";
import {
  checkResidualParams,
  effectiveLayer,
  type LiveResidualParams,
  RESIDUAL_BATCH,
  residualInputs,
  residualNetwork,
} from "../../../src/compute/residual/liveNetwork.ts";
import { gradientProfile, withIntervention } from "../../../src/compute/residual/mlp.ts";
import { RESIDUAL_DEFAULTS } from "../../../src/compute/residual/livePage.ts";

await tf.setBackend("cpu");

async function finalSnapshot(params: LiveResidualParams): Promise<LiveResidualSnapshot> {
  let last: LiveResidualSnapshot | undefined;
  for await (const s of runLiveResidual(tf, params)) last = s;
  return last!;
}

/** The Float64 network of mlp.ts on the same draws, with the same intervention. */
function reference(params: LiveResidualParams, skips: boolean) {
  const xs = residualInputs(params);
  const net = withIntervention(
    residualNetwork(params, skips),
    params.intervention,
    effectiveLayer(params),
    xs,
    RESIDUAL_BATCH,
  );
  return gradientProfile(net, xs, RESIDUAL_BATCH);
}

/** Float32 against Float64: relative 2e-4 per value, and an exact 0 exactly where Float64 has one. */
function assertProfile(got: (number | undefined)[], want: number[], what: string) {
  assert.equal(got.length, want.length);
  want.forEach((w, i) => {
    const g = got[i]!;
    if (w === 0) assert.equal(g, 0, `${what}[${i}] must be exactly 0, got ${g}`);
    else assert.ok(Math.abs(g / w - 1) < 2e-4, `${what}[${i}]: ${g} vs ${w}`);
  });
}

async function assertMatches(params: LiveResidualParams) {
  const snap = await finalSnapshot(params);
  assert.equal(snap.phase, "done");
  for (const [name, skips] of [["skip", true], ["plain", false]] as const) {
    const want = reference(params, skips);
    const label = `${JSON.stringify(params)} ${name}`;
    assertProfile(snap[name].gradY, want.gradY, `${label} gradY`);
    assertProfile(snap[name].gradA, want.gradA, `${label} gradA`);
    assertProfile(snap[name].gradB, want.gradB, `${label} gradB`);
  }
  return snap;
}

Deno.test("runLiveResidual(tf, …) equals the Float64 gradientProfile on the same draws (sigmoid, tanh, ReLU × none, zero, saturate), to float32 precision", async () => {
  for (const activation of ["sigmoid", "tanh", "relu"] as const) {
    for (const intervention of ["none", "zero", "saturate"] as const) {
      const snap = await assertMatches({
        ...RESIDUAL_DEFAULTS,
        depth: 10,
        width: 12,
        activation,
        intervention,
        layer: 6,
      });
      if (intervention === "saturate") {
        assert.equal(snap.skip.flatUnits, 12);
        assert.equal(snap.plain.flatUnits, 12);
      }
      if (intervention !== "none") {
        // Without skips every gradient below layer 6 is exactly 0; with skips none is.
        assert.deepEqual(snap.plain.gradY.slice(0, 6), new Array(6).fill(0));
        assert.deepEqual(snap.plain.gradA.slice(0, 5), new Array(5).fill(0));
        assert.ok(snap.skip.gradY.slice(0, 6).every((v) => v! > 0));
        assert.ok(snap.skip.gradA.slice(0, 5).every((v) => v! > 0));
        // With the skip, the gradient passes the layer unchanged.
        assert.ok(Math.abs(snap.skip.gradY[5]! / snap.skip.gradY[6]! - 1) < 1e-5);
      }
    }
  }
});

Deno.test("runLiveResidual: gradients far outside float32's range are rescaled, not lost (sigmoid, σ = 0.1, depth 50: about 10⁻⁸⁰; ReLU, σ = 3, depth 50)", async () => {
  const tiny = await assertMatches({
    ...RESIDUAL_DEFAULTS,
    depth: 50,
    width: 16,
    sigma: 0.1,
  });
  // About 10⁻⁸⁰: far below float32's smallest subnormal, 1.4·10⁻⁴⁵.
  assert.ok(tiny.plain.gradY[0]! < 1e-75 && tiny.plain.gradY[0]! > 1e-85, `${tiny.plain.gradY[0]}`);
  assert.ok(tiny.plain.gradY[0]! < Math.fround(1.4e-45));
  const huge = await assertMatches({
    ...RESIDUAL_DEFAULTS,
    depth: 50,
    width: 16,
    sigma: 3,
    activation: "relu",
    intervention: "saturate",
    layer: 40,
  });
  // Gradients of 10²⁰ and more, whose squares pass float32's largest number.
  const largest = Math.max(...huge.skip.gradA.map((v) => v!));
  assert.ok(largest > 1e20 && largest ** 2 > 3.4028234663852886e38, `${largest}`);
});

Deno.test("runLiveResidual: one layer j beyond the network acts on layer L − 1; snapshots stream and every tensor is released, also when aborted", async () => {
  const before = tf.memory().numTensors;
  const params = {
    ...RESIDUAL_DEFAULTS,
    depth: 5,
    width: 8,
    intervention: "zero" as const,
    layer: 30,
  };
  assert.equal(effectiveLayer(params), 4);
  const snaps: LiveResidualSnapshot[] = [];
  for await (const s of runLiveResidual(tf, params, { sliceMs: 0 })) snaps.push(s);
  assert.equal(snaps.at(-1)!.layer, 4);
  assert.ok(snaps.length >= 8, `${snaps.length} snapshots`);
  assert.deepEqual(
    snaps.map((s) => s.progress),
    [...snaps.map((s) => s.progress)].sort((a, b) => a - b),
  );
  assert.equal(snaps.at(-1)!.progress, 1);
  assert.equal(tf.memory().numTensors, before);
  const controller = new AbortController();
  let count = 0;
  for await (
    const _ of runLiveResidual(tf, { ...RESIDUAL_DEFAULTS, depth: 20, width: 8 }, {
      signal: controller.signal,
      sliceMs: 0,
    })
  ) {
    if (++count === 3) controller.abort();
  }
  assert.equal(tf.memory().numTensors, before);
});

Deno.test("checkResidualParams refuses depth 0, width 0, σ < 0, NaN and unknown choices with messages that name them", () => {
  const ok = RESIDUAL_DEFAULTS;
  assert.throws(
    () => checkResidualParams({ ...ok, depth: 0 }),
    /depth L must be an integer in \[3, 50\]; got 0/,
  );
  assert.throws(
    () => checkResidualParams({ ...ok, width: 0 }),
    /width m must be an integer in \[2, 128\]; got 0/,
  );
  assert.throws(() => checkResidualParams({ ...ok, sigma: -1 }), /σ must be in \[0.1, 3\]; got -1/);
  assert.throws(
    () => checkResidualParams({ ...ok, sigma: NaN }),
    /σ must be in \[0.1, 3\]; got NaN/,
  );
  assert.throws(
    () => checkResidualParams({ ...ok, layer: 1 }),
    /layer j must be an integer in \[2, 49\]; got 1/,
  );
  assert.throws(
    () => checkResidualParams({ ...ok, intervention: "drop" as "none" }),
    /intervention must be one of "none", "zero", "saturate"; got "drop"/,
  );
});
