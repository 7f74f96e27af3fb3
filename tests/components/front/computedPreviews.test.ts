/**
 * The front page's previews of the pages' own numbers (src/components/front/computedPreviews.ts
 * and the digit and CNN models of previewSparkline.ts): each label's numbers against a value
 * stated independently here (closed forms written out again), so a label that drifts by 2 % fails.
 */
import assert from "node:assert/strict";
import {
  convolutionPreview,
  dropoutNoisePreview,
  initialisationPreview,
  momentumPreview,
  normalisationGeometryPreview,
  normalisationPreview,
  residualPreview,
  rnnPreview,
} from "../../../src/components/front/computedPreviews.ts";
import {
  type CnnData,
  cnnPreview,
  type DigitsData,
  digitsPreview,
} from "../../../src/components/front/previewSparkline.ts";

const line = (spec: { lines: { points: readonly (readonly [number, number])[] }[] }, i: number) =>
  spec.lines[i].points;

Deno.test("momentumPreview(): 1 − 0.9ᵗ is 0.10 at t = 1 and 0.998 at t = 60; corrected is 1", () => {
  const spec = momentumPreview();
  const weight = line(spec, 0);
  assert.equal(weight.length, 60);
  weight.forEach(([t, v]) => assert.ok(Math.abs(v - (1 - 0.9 ** t)) < 1e-12));
  assert.match(spec.label, /starts at 0\.10 after one step and reaches 0\.998 only at step 60/);
  assert.deepEqual(line(spec, 1).map(([, v]) => v), [1, 1]);
});

Deno.test("rnnPreview(): the norm never exceeds the bound 0.9ᵗ, and the label quotes its end", () => {
  const spec = rnnPreview();
  const [norm, bound] = [line(spec, 0), line(spec, 1)];
  assert.equal(norm.length, 61);
  bound.forEach(([t, v]) => assert.ok(Math.abs(v - t * Math.log10(0.9)) < 1e-12));
  norm.forEach(([t, v], i) => assert.ok(v <= bound[i][1] + 1e-12, `t = ${t}: above the bound`));
  const end = 10 ** norm.at(-1)![1];
  const quoted = /falls to (\d\.\d) × 10⁻⁴ at step 60/.exec(spec.label);
  assert.ok(quoted, spec.label);
  assert.ok(Math.abs(Number(quoted[1]) * 1e-4 - end) <= 0.05e-4, `${quoted[1]}e-4 vs ${end}`);
});

Deno.test("initialisationPreview(): He holds the ReLU variance at 2, Xavier halves it to 2⁻²⁹", () => {
  const spec = initialisationPreview();
  line(spec, 0).forEach(([, v]) => assert.ok(Math.abs(10 ** v - 2) < 1e-12));
  line(spec, 1).forEach(([l, v]) => assert.ok(Math.abs(10 ** v / 2 ** (1 - l) - 1) < 1e-12));
  assert.match(spec.label, /hold it at 2 in every layer/);
  // 2⁻²⁹ = 1.86 × 10⁻⁹.
  assert.match(spec.label, /to 1\.9 × 10⁻⁹ at layer 30/);
});

Deno.test("residualPreview(): σ′ peaks at 1/4 at 0", () => {
  const spec = residualPreview();
  const peak = Math.max(...line(spec, 0).map(([, v]) => v));
  assert.ok(Math.abs(peak - 0.25) < 1e-12);
  assert.match(spec.label, /peaks at 0\.25 at x = 0/);
});

Deno.test("normalisationPreview(): (n − 1)/n is 0 at n = 1 and 15/16 ≈ 94 % at n = 16", () => {
  const spec = normalisationPreview();
  line(spec, 0).forEach(([n, v]) => assert.ok(Math.abs(v - (n - 1) / n) < 1e-12));
  assert.match(spec.label, /is 0 % for a batch of one and 94 % for a batch of 16/);
});

Deno.test("normalisationGeometryPreview(): the two densities are N(1.5, 0.16) and N(3, 1)", () => {
  const spec = normalisationGeometryPreview();
  const peak = (points: readonly (readonly [number, number])[]) =>
    points.reduce((a, b) => (b[1] > a[1] ? b : a));
  const [input, output] = [peak(line(spec, 0)), peak(line(spec, 1))];
  assert.ok(Math.abs(input[0] - 1.5) < 0.03 && Math.abs(output[0] - 3) < 0.03);
  assert.ok(Math.abs(input[1] - 1 / Math.sqrt(2 * Math.PI * 0.16)) < 1e-3);
  assert.ok(Math.abs(output[1] - 1 / Math.sqrt(2 * Math.PI)) < 1e-3);
  assert.match(spec.label, /input N\(1\.5, 0\.16\) to N\(β, γ²\) = N\(3, 1\)/);
});

Deno.test("dropoutNoisePreview(): λ = (1 − p)/p is 9 at p = 0.1, 1 at p = 0.5", () => {
  const spec = dropoutNoisePreview();
  line(spec, 0).forEach(([p, v]) => assert.ok(Math.abs(v - (1 - p) / p) < 1e-9));
  assert.match(
    spec.label,
    /falls from 9 at keep probability p = 0\.1 to 1 at p = 0\.5 and 0 at p = 1/,
  );
});

Deno.test("convolutionPreview(): the filter (2, −1, 3) gives the page's output (−2, 2, 11) back", () => {
  const spec = convolutionPreview();
  const x = [1, 4, 0, -2, 3];
  const h = [2, -1, 3];
  const y = [0, 1, 2].map((j) => h.reduce((s, hk, k) => s + hk * x[j + k], 0));
  assert.deepEqual(y, [-2, 2, 11]);
  assert.match(spec.label, /x = \(1, 4, 0, −2, 3\) and its output y = \(−2, 2, 11\)/);
  assert.match(
    spec.label,
    /recovers the filter \(2, −1, 3\), which gives the output \(−2, 2, 11\)/,
  );
});

Deno.test("digitsPreview(data): the final gaps in percentage points, with and without dropout", () => {
  const epochs = (gaps: number[]) => gaps.map((mean, epoch) => ({ epoch, gap: { mean } }));
  const data: DigitsData = {
    conditions: [
      {
        name: "without",
        keepInput: 1,
        keepHidden: 1,
        summary: { epochs: epochs([0, 0.2, 0.307]) },
      },
      {
        name: "with",
        keepInput: 0.5,
        keepHidden: 0.5,
        summary: { epochs: epochs([0, 0.1, 0.211]) },
      },
    ],
  };
  const spec = digitsPreview(data);
  assert.match(spec.label, /over 2 epochs.*it is 30\.7 without dropout and 21\.1 with it/);
});

Deno.test("cnnPreview(data): validation accuracy after epoch 1 with and without batch norm", () => {
  const summary: CnnData["summary"] = [true, false].flatMap((batchNorm) =>
    [0, 1, 2].flatMap((epoch) =>
      [true, false].map((dropout) => ({
        batchNorm,
        dropout,
        epoch,
        validation: {
          mean: dropout ? (batchNorm ? [0.1, 0.71, 0.9] : [0.1, 0.62, 0.85])[epoch] : 0,
        },
      }))
    )
  );
  const spec = cnnPreview({ summary });
  assert.match(
    spec.label,
    /over 2 epochs; after the first epoch it is 71 % with batch norm and 62 % without/,
  );
});
