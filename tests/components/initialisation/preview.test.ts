/**
 * The front page's preview of initialisation (src/components/initialisation/preview.ts): each label's numbers
 * against a value stated independently here, so a label that drifts by 2 % fails.
 */
import assert from "node:assert/strict";
import { initialisationPreview } from "../../../src/components/initialisation/preview.ts";

const line = (spec: { lines: { points: readonly (readonly [number, number])[] }[] }, i: number) =>
  spec.lines[i].points;

Deno.test("initialisationPreview(): He holds the ReLU variance at 2, Xavier halves it to 2⁻²⁹", () => {
  const spec = initialisationPreview();
  line(spec, 0).forEach(([, v]) => assert.ok(Math.abs(10 ** v - 2) < 1e-12));
  line(spec, 1).forEach(([l, v]) => assert.ok(Math.abs(10 ** v / 2 ** (1 - l) - 1) < 1e-12));
  assert.match(spec.label, /hold it at 2 in every layer/);
  // 2⁻²⁹ = 1.86 × 10⁻⁹.
  assert.match(spec.label, /to 1\.9 × 10⁻⁹ at layer 30/);
});
