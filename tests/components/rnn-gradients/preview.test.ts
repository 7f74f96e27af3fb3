/**
 * The front page's preview of rnn-gradients (src/components/rnn-gradients/preview.ts): each label's numbers
 * against a value stated independently here, so a label that drifts by 2 % fails.
 */
import assert from "node:assert/strict";
import { rnnPreview } from "../../../src/components/rnn-gradients/preview.ts";

const line = (spec: { lines: { points: readonly (readonly [number, number])[] }[] }, i: number) =>
  spec.lines[i].points;

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
