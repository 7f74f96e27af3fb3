/**
 * The front page's preview of residual (src/components/residual/preview.ts): each label's numbers
 * against a value stated independently here, so a label that drifts by 2 % fails.
 */
import assert from "node:assert/strict";
import { residualPreview } from "../../../src/components/residual/preview.ts";

const line = (spec: { lines: { points: readonly (readonly [number, number])[] }[] }, i: number) =>
  spec.lines[i].points;

Deno.test("residualPreview(): σ′ peaks at 1/4 at 0", () => {
  const spec = residualPreview();
  const peak = Math.max(...line(spec, 0).map(([, v]) => v));
  assert.ok(Math.abs(peak - 0.25) < 1e-12);
  assert.match(spec.label, /peaks at 0\.25 at x = 0/);
});
