/**
 * The front page's preview of normalisation-geometry (src/components/normalisation-geometry/preview.ts): each label's numbers
 * against a value stated independently here, so a label that drifts by 2 % fails.
 */
import assert from "node:assert/strict";
import { normalisationGeometryPreview } from "../../../src/components/normalisation-geometry/preview.ts";

const line = (spec: { lines: { points: readonly (readonly [number, number])[] }[] }, i: number) =>
  spec.lines[i].points;

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
