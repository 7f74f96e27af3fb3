import assert from "node:assert/strict";
import {
  type DoubleDescentData,
  doubleDescentPreview,
  type DropoutSweepData,
  dropoutSweepPreview,
  PREVIEW_CSS,
  PREVIEW_HEIGHT,
  PREVIEW_WIDTH,
  previewBlockMarkup,
  previewMarkup,
  type PreviewSpec,
} from "../../../src/components/front/previewSparkline.ts";

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

function ddSweep(): DoubleDescentData {
  const p = [1, 10, 100, 250, 298, 300, 350, 1000];
  return {
    config: { nTrain: 300 },
    p,
    lambdaA: 0.01,
    curveA: { test: { median: [1.3, 1.1, 0.6, 1.4, 2.33, 2.28, 1.6, 0.59] } },
    curveB: { test: { median: [1.33, 1.13, 0.49, 0.36, 0.35, 0.35, 0.36, 0.37] } },
  };
}

Deno.test("doubleDescentPreview(sweep) names the peak's p and height, N_train and the tuned maximum", () => {
  const spec = doubleDescentPreview(ddSweep());
  assert.equal(
    spec.label,
    "Double descent: median test error against the number of features p, from 1 to 1000 on a log scale. With λ = 0.01 it peaks at 2.33 at p = 298, next to the 300 training points; with λ tuned on validation data it never exceeds 1.33.",
  );
  assert.equal(spec.x.log, true);
  assert.deepEqual(spec.rules, [300]);
  assert.deepEqual(spec.y.domain, [0, 2.33]);
});

/** Every coordinate in the markup's paths, lines and circles. */
function coordinates(markup: string): [number, number][] {
  const points: [number, number][] = [];
  for (const [, d] of markup.matchAll(/ d="([^"]+)"/g)) {
    for (const [, x, y] of d.matchAll(/[ML](-?[\d.]+),(-?[\d.]+)/g)) points.push([+x, +y]);
  }
  for (const [, x, y] of markup.matchAll(/cx="(-?[\d.]+)" cy="(-?[\d.]+)"/g)) points.push([+x, +y]);
  return points;
}

Deno.test("previewMarkup(spec): one img named by its label, scaled by its viewBox, points inside it", () => {
  for (const spec of [dropoutSweepPreview(toySweep()), doubleDescentPreview(ddSweep())]) {
    const markup = previewMarkup(spec);
    assert.equal(markup.match(/<svg/g)?.length, 1);
    assert.match(markup, /^<svg class="preview-plot" role="img" aria-label="[^"]{40,}"/);
    assert.match(markup, new RegExp(`viewBox="0 0 ${PREVIEW_WIDTH} ${PREVIEW_HEIGHT}"`));
    // No width or height attribute: CSS sizes it to the card, so it is never wider than the card.
    assert.doesNotMatch(markup, /<svg[^>]* (width|height)=/);
    const points = coordinates(markup);
    assert.ok(points.length > 10);
    for (const [x, y] of points) {
      assert.ok(x >= 0 && x <= PREVIEW_WIDTH && y >= 0 && y <= PREVIEW_HEIGHT, `(${x}, ${y})`);
    }
  }
});

Deno.test("previewMarkup(spec) and PREVIEW_CSS use theme colours only, so dark mode reads", () => {
  // Named colours, but not "white-space".
  const fixed = /#[0-9a-f]{3,8}\b|rgba?\(|hsla?\(|(?<![\w-])(gr[ae]y|black|white|silver)(?![\w-])/i;
  assert.doesNotMatch(PREVIEW_CSS, fixed);
  for (const spec of [dropoutSweepPreview(toySweep()), doubleDescentPreview(ddSweep())]) {
    const markup = previewBlockMarkup(spec);
    assert.doesNotMatch(markup, fixed);
    assert.doesNotMatch(markup, /(fill|stroke|style)=/, "colours belong to PREVIEW_CSS");
  }
});

Deno.test("previewMarkup(spec) escapes the label and skips non-finite points", () => {
  const spec: PreviewSpec = {
    label: `a < b & "c"`,
    x: { domain: [0, 1] },
    y: { domain: [0, 1] },
    lines: [{ kind: "primary", points: [[0, 0], [0.5, NaN], [1, 1]] }],
    key: [{ kind: "primary", text: "<x>" }],
  };
  const markup = previewBlockMarkup(spec);
  assert.match(markup, /aria-label="a &lt; b &amp; &quot;c&quot;"/);
  assert.match(markup, /&lt;x&gt;/);
  assert.match(markup, / d="M5,67L235,5"/);
});
