/**
 * The front page's preview of normalisation (src/components/normalisation/preview.ts): each label's numbers
 * against a value stated independently here, so a label that drifts by 2 % fails.
 */
import assert from "node:assert/strict";
import { normalisationPreview } from "../../../src/components/normalisation/preview.ts";

const line = (spec: { lines: { points: readonly (readonly [number, number])[] }[] }, i: number) =>
  spec.lines[i].points;

Deno.test("normalisationPreview(): (n − 1)/n is 0 at n = 1 and 15/16 ≈ 94 % at n = 16", () => {
  const spec = normalisationPreview();
  line(spec, 0).forEach(([n, v]) => assert.ok(Math.abs(v - (n - 1) / n) < 1e-12));
  assert.match(spec.label, /is 0 % for a batch of one and 94 % for a batch of 16/);
});
