import assert from "node:assert/strict";
import { chartWidth, minChartWidth } from "../../src/components/colors.ts";
import { sci } from "../../src/components/math.ts";

Deno.test("chartWidth(width, max) follows the container between the lower bound and max", () => {
  assert.equal(chartWidth(640), 640);
  assert.equal(chartWidth(1400), 900);
  assert.equal(chartWidth(1400, 1200), 1200);
  assert.equal(chartWidth(40), minChartWidth);
  assert.equal(chartWidth(-60), minChartWidth);
  assert.equal(chartWidth(NaN), 900);
});

Deno.test("sci(value, digits) writes TeX scientific notation", () => {
  assert.equal(sci(2.18815e-5), "2.2 \\times 10^{-5}");
  assert.equal(sci(123456, 3), "1.23 \\times 10^{5}");
});
