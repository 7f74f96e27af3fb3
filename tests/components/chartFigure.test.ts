/** When the first chart counts as drawn, without a browser (the browser suites cover the rest). */
import assert from "node:assert/strict";
import { afterFirstChart } from "../../src/components/chartFigure.ts";

Deno.test("afterFirstChart: a page that loads no Plot has no chart to wait for", async () => {
  // Deno has no document, so no Plot preload link: what waits for the first chart goes at once.
  let resolved = false;
  afterFirstChart.then(() => (resolved = true));
  await Promise.resolve();
  await Promise.resolve();
  assert.equal(resolved, true);
});
