/**
 * The browser measures of `deno task bench` (tests/bench/pageLatency.ts), on a built page: the
 * bench has no assertions of its own, so a measure that stops seeing the page would only show as
 * "failed" in a bench table (as every per-page latency part did for a while, when measureFrame's
 * MutationObserver lost its observe call).
 */
import assert from "node:assert/strict";
import { browserFixture, waitForDrawn } from "./harness.ts";
import { measureFrame } from "../bench/pageLatency.ts";

const fixture = browserFixture();

fixture.test({
  name: "measureFrame(page, label, value, chart): resolves once the control's chart is redrawn, " +
    "with the time from input and the page's work in the frame",
  async fn() {
    const { page } = await fixture.open("/pages/momentum");
    await waitForDrawn(page);
    const before = await page.evaluate(() =>
      document.querySelector('[data-chart="trajectory"] figcaption')?.textContent ?? ""
    );
    const { total, work } = await measureFrame(page, "surface", "noisy quadratic", "trajectory", 0);
    const after = await page.evaluate(() =>
      document.querySelector('[data-chart="trajectory"] figcaption')?.textContent ?? ""
    );
    assert.notEqual(after, before, "the chart was not redrawn");
    assert.ok(total > 0 && total < 5_000, `from input: ${total} ms`);
    assert.ok(work >= 0 && work <= total, `in the frame: ${work} ms of ${total} ms`);
  },
});
