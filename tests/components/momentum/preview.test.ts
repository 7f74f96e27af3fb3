/**
 * The front page's preview of momentum (src/components/momentum/preview.ts): each label's numbers
 * against a value stated independently here, so a label that drifts by 2 % fails.
 */
import assert from "node:assert/strict";
import { momentumPreview } from "../../../src/components/momentum/preview.ts";

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
