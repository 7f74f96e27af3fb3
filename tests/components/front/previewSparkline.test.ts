/**
 * The shared preview module (src/components/front/previewSparkline.ts): its stylesheet, escaping and
 * number helpers. Every page's preview markup: pagePreviews.test.ts; each page's numbers:
 * tests/components/<slug>/preview.test.ts.
 */
import assert from "node:assert/strict";
import {
  PREVIEW_CSS,
  previewBlockMarkup,
  type PreviewSpec,
  range,
  scientific,
} from "../../../src/components/front/previewSparkline.ts";

Deno.test("PREVIEW_CSS uses theme colours only, so dark mode reads", () => {
  // Named colours, but not "white-space". Each page's markup: tests/components/front/pagePreviews.test.ts.
  const fixed = /#[0-9a-f]{3,8}\b|rgba?\(|hsla?\(|(?<![\w-])(gr[ae]y|black|white|silver)(?![\w-])/i;
  assert.doesNotMatch(PREVIEW_CSS, fixed);
});

Deno.test("scientific() and range(): one decimal in the mantissa, carried at 10; end included", () => {
  assert.equal(scientific(2 ** -29), "1.9 × 10⁻⁹");
  assert.equal(scientific(9.96e-5), "1.0 × 10⁻⁴");
  assert.equal(scientific(250), "2.5 × 10²");
  assert.deepEqual(range(1, 4), [1, 2, 3, 4]);
  assert.deepEqual(range(0, 1, 0.5), [0, 0.5, 1]);
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
