/**
 * The front page's preview of dropout-toy (src/components/dropout-toy/preview.ts) on the toy's data
 * written out again from its closed forms, so a label that drifts by 2 % fails.
 */
import assert from "node:assert/strict";
import {
  type DropoutSweepData,
  dropoutSweepPreview,
} from "../../../src/components/dropout-toy/preview.ts";

/**
 * The toy's data as the dropout-toy loader writes it, from the closed forms stated
 * independently here: x = (10, 1), y = 11, wⱼ(r) = y / (xⱼ(d + r/(1−r))) for r > 0.
 */
function toySweep(): DropoutSweepData {
  const x = [10, 1];
  const y = 11;
  const closedForm = Array.from({ length: 191 }, (_, i) => {
    const rate = i * 0.005;
    const c = rate / (1 - rate);
    const [w1, w2] = x.map((xj) => y / (xj * (2 + c)));
    return { rate, w1, w2 };
  });
  return {
    closedForm,
    minNorm: { w1: 110 / 101, w2: 11 / 101 },
    limitAtZero: { w1: 0.55, w2: 5.5 },
  };
}

const within = (got: number, want: number, relative: number, what: string) =>
  assert.ok(Math.abs(got - want) <= relative * Math.abs(want), `${what}: ${got} vs ${want}`);

Deno.test("dropoutSweepPreview(sweep): equal contributions for r > 0, 99 % to the large feature at r = 0", () => {
  const spec = dropoutSweepPreview(toySweep());
  const [first, second] = spec.lines.map((line) => line.points);
  assert.equal(first.length, 191);
  // x₁w₁ = x₂w₂ = y(1−r)/(d(1−r)+r) for every r > 0, in units of y/d (1 at r → 0+).
  first.forEach(([r, share], i) => {
    assert.equal(second[i][0], r);
    within(share, second[i][1], 1e-12, `shares at r = ${r}`);
    within(share, (2 * (1 - r)) / (2 * (1 - r) + r), 1e-12, `share at r = ${r}`);
  });
  // At r = 0 the minimum-norm fit: x₁w₁ = 1100/101 and x₂w₂ = 11/101, over y/d = 5.5.
  const filled = spec.markers!.filter((m) => m.filled).map((m) => m.y);
  within(filled[0], 1100 / 101 / 5.5, 1e-12, "large feature at r = 0");
  within(filled[1], 11 / 101 / 5.5, 1e-12, "small feature at r = 0");
  assert.deepEqual(spec.markers!.filter((m) => !m.filled).map((m) => [m.x, m.y]), [[0, 1]]);
  assert.match(spec.label, /from 0 to 0\.95/);
  assert.match(spec.label, /large feature supplies 99 % of the prediction/);
  assert.match(spec.label, /shrinking to 10 % of an even split of the target at r = 0\.95/);
});
