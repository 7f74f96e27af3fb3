import assert from "node:assert/strict";
import {
  networkRows,
  networkSummary,
  raceRows,
  raceSummary,
} from "../../../src/components/initialisation/liveNetworkView.ts";
import type { LiveDepthSnapshot } from "../../../src/compute/liveDepthTf.ts";
import { theoryProfile, uniformWidths } from "../../../src/compute/meanField.ts";
import { HE } from "../../../src/compute/schemes.ts";

const theory = theoryProfile({ scheme: HE, activation: "relu", widths: uniformWidths(3, 16) });
const layer = (pre: number, grad: number) => ({
  preMeanSquare: pre,
  slopeMeanSquare: 0.5,
  inputGradMeanSquare: grad,
  rms: 1,
});
const snap: LiveDepthSnapshot = {
  params: { depth: 3, width: 16, sigma: 1.41, batch: 8, seed: 1 },
  activations: ["relu", "sigmoid"],
  layersDone: 3,
  forward: [
    [{ ...layer(2, 4), sample: new Float32Array([0.5, 1.5]) }, layer(2.5, 9), layer(1, 16)],
    [layer(1, 0.01), layer(1, 0.0001), layer(1, 1e-6)],
  ],
  spectralNorms: [2, 3, 4],
  backward: [1, 1, 1, 1],
  phase: "done",
  progress: 1,
  elapsedMs: 1234.4,
  longestSliceMs: 18.6,
  longestSliceWhat: "forward 2",
  rowsPerSlice: 8,
};

Deno.test("networkRows(snap, theory, …): measured dots against the theory lines, histograms at the chosen layers", () => {
  const rows = networkRows(snap, theory, {
    name: "n",
    activation: "relu",
    depth: 3,
    layers: [1, 3],
  });
  assert.deepEqual(rows.measuredPre, [2, 2.5, 1]);
  assert.equal(rows.varianceRows.filter((r) => r.kind === "theory").length, 3);
  assert.equal(rows.gradRows.filter((r) => r.kind === "measured").length, 4);
  assert.deepEqual([...new Set(rows.histogramRows.map((r) => r.layer))], [1]);
  // A snapshot of another depth shows no backward pass.
  const other = networkRows(snap, theory, { name: "n", activation: "relu", depth: 4, layers: [] });
  assert.equal(other.gradRows.filter((r) => r.kind === "measured").length, 0);
  assert.deepEqual(
    networkRows(undefined, theory, { name: "n", activation: "relu", depth: 3, layers: [1] })
      .measuredPre,
    [],
  );
});

Deno.test("raceRows(snap, theories, labels): the bound multiplies γ‖Wₗ‖₂ layer by layer", () => {
  const rows = raceRows(snap, [[1, 1, 1], [1, 1, 1]], ["sigmoid", "ReLU"]);
  const bound = (series: string) =>
    rows.filter((r) => r.series === series && r.kind === "bound").map((r) => r.y);
  assert.deepEqual(bound("sigmoid"), [0.5, 0.375, 0.375]);
  assert.deepEqual(bound("ReLU"), [2, 6, 24]);
  assert.deepEqual(
    rows.filter((r) => r.series === "ReLU" && r.kind === "measured").map((r) => r.y),
    [0.1, 0.01, 0.001],
  );
});

Deno.test("networkSummary and raceSummary: the finished run's numbers, or how far a stopped one got", () => {
  assert.equal(
    networkSummary({ snap, backend: "wasm" }, { depth: 3, batch: 8, theory }),
    "Done: 3 layers forward and back in 1234 ms on wasm (longest step 19 ms, 8 of 8 inputs per slice). This network's variance stays within a factor of 2.00 of the theory (widest gap at layer 3).",
  );
  assert.equal(
    networkSummary({ snap: { ...snap, phase: "forward", layersDone: 2 }, stopped: true }, {
      depth: 3,
      batch: 8,
      theory,
    }),
    "Stopped after 2 of 3 layers forward; the charts keep the layers computed so far.",
  );
  assert.equal(
    networkSummary({
      snap: { ...snap, phase: "backward", backward: [undefined, 1, 1, 1] },
      stopped: true,
    }, { depth: 3, batch: 8, theory }),
    "Stopped in the backward pass, with the gradient back to layer 1 of 3; the charts keep what was computed so far.",
  );
  assert.equal(
    networkSummary({ stopped: true }, { depth: 30, batch: 8, theory }),
    "Stopped after 0 of 30 layers forward; the charts keep the layers computed so far.",
  );
  assert.equal(
    raceSummary({ snap }, 3),
    "Done in 1234 ms: at depth 3 the gradient reaching the input is 4.00 with the sigmoid and 0.00100 with ReLU.",
  );
  assert.equal(
    raceSummary({ stopped: true }, 50),
    "Stopped after 0 of 50 layers; the chart keeps the depths computed so far.",
  );
});
