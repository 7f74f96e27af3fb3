import assert from "node:assert/strict";
import {
  blockSummary,
  checkSummary,
  comparisonStatus,
  comparisonSummary,
  kinkNote,
  layerNote,
} from "../../../src/components/residual/runText.ts";
import type { ComparisonFrame } from "../../../src/compute/residual/liveResidualTf.ts";

const profile = (gradY: number[]) => ({ gradY, gradA: gradY, gradB: gradY });
const frame = (phase: ComparisonFrame["phase"], skip: number[], plain: number[]) =>
  ({
    phase,
    skip: profile(skip),
    plain: profile(plain),
    layer: null,
  }) as unknown as ComparisonFrame;
const view = { depth: 3, sigma: 1, activation: "sigmoid" as const };

Deno.test("blockSummary and checkSummary: a stopped run says Stopped; a finished one gives its gap", () => {
  assert.match(blockSummary({ stopped: true, autoError: 1e-7 }), /^Stopped before TensorFlow/);
  assert.match(blockSummary({ autoError: 0 }), /agrees with the formula to 0 \(exactly\)\.$/);
  assert.match(checkSummary({ activation: "sigmoid", seed: 1, stopped: true }), /^Stopped/);
  assert.equal(
    checkSummary({ activation: "relu", seed: 4, worst: 0 }),
    "Every entry of every gradient agrees to 0 or better (ReLU, seed 4).",
  );
});

Deno.test("kinkNote(margin) and layerNote(change, layer, depth, j) say what the point and the layer are", () => {
  assert.match(kinkNote(0), /exactly here/);
  assert.match(kinkNote(Infinity), /anywhere near/);
  assert.match(kinkNote(0.5), /within a distance of 0\.500 of X₀/);
  assert.equal(layerNote("none", 30, 12, undefined), "");
  assert.equal(layerNote("zero", 5, 12, 5), "");
  assert.match(layerNote("saturate", 30, 12, 11), /\(2 to 11\), so layer 11 is saturated/);
});

Deno.test("comparisonStatus(frame): Done with the input's gradients, or where a stopped run got", () => {
  const done = { ...frame("done", [2, 1, 1], [0, 0, 1]), elapsedMs: 12.4, longestSliceMs: 3.6 };
  assert.equal(
    comparisonStatus({ ...done, backend: "cpu" }),
    "Done in 12 ms on cpu (longest step 4 ms): the gradient reaching the input is 2 with skips and exactly 0 without.",
  );
  assert.match(comparisonStatus({ ...done, phase: "backward" }), /^Stopped during the backward/);
  assert.match(comparisonStatus({ ...done, phase: "forward" }), /^Stopped before the backward/);
});

Deno.test("comparisonSummary(done, stopped, view): the per-layer factor without skips, or the layers that got 0", () => {
  // Without skips 1 → 0.25 over 2 layers: divided by 2 per layer on the way down.
  const shrinking = comparisonSummary(frame("done", [0.5, 1, 1], [0.25, 0.5, 1]), false, view);
  assert.match(
    shrinking,
    /shrinks by a factor of 2\.00 per layer on average \(0\.25 at the input\)/,
  );
  assert.match(shrinking, /first layer, which has no skip, by 0\.500,/);
  const zero = comparisonSummary(frame("done", [0.5, 1, 1], [0, 0, 1]), false, view);
  assert.match(zero, /exactly 0 without: layers 0–1 receive nothing/);
  assert.match(comparisonSummary(undefined, true, view), /^The run was stopped/);
  assert.equal(comparisonSummary(undefined, false, view), "The run is still going.");
});
