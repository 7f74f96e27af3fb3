/**
 * The front page's preview of dropout-noise (src/components/dropout-noise/preview.ts): each label's numbers
 * against a value stated independently here, so a label that drifts by 2 % fails.
 */
import assert from "node:assert/strict";
import { dropoutNoisePreview } from "../../../src/components/dropout-noise/preview.ts";

const line = (spec: { lines: { points: readonly (readonly [number, number])[] }[] }, i: number) =>
  spec.lines[i].points;

Deno.test("dropoutNoisePreview(): λ = (1 − p)/p is 9 at p = 0.1, 1 at p = 0.5", () => {
  const spec = dropoutNoisePreview();
  line(spec, 0).forEach(([p, v]) => assert.ok(Math.abs(v - (1 - p) / p) < 1e-9));
  assert.match(
    spec.label,
    /falls from 9 at keep probability p = 0\.1 to 1 at p = 0\.5 and 0 at p = 1/,
  );
});
