/**
 * The double-descent page in real headless Chromium, against the built site in dist/. The live
 * trial the page draws is checked against a direct dense Float64 ridge solve, run here in Deno.
 */
import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import { browserFixture, distDir, waitForHook } from "./harness.ts";
import { backend, chartMarkup, setControl } from "./controls.ts";
import { cardIn, commitPrediction, commitThenMove } from "./predictionSteps.ts";
import { directRidgeTrial } from "../reference/directRidgeTrial.ts";

const path = "/pages/double-descent";

interface LastLive {
  settings: { nTrain: number; d: number; sigma: number; lambda: number; seed: number };
  backend: string;
  elapsedMs: number;
  curve: { p: number[]; trainError: number[]; valError: number[]; testError: number[] };
  sMin: { p: number; sMin: number }[];
}

/** Waits for a finished live trial whose settings match `want` (a stale one must not count). */
const waitForLive = (page: Page, want: Partial<LastLive["settings"]>) =>
  waitForHook<LastLive>(page, "lastLive", want, { tolerance: 1e-9 });

/** Largest relative gap between the page's test errors and the direct solve's at the same settings. */
function gapToFloat64(live: LastLive): number {
  const { nTrain, d, sigma, lambda, seed } = live.settings;
  let worst = 0;
  live.curve.p.forEach((p, i) => {
    const want = directRidgeTrial({
      nTrain,
      nVal: 60,
      nTest: 30,
      d,
      sigma,
      p,
      lambdas: [lambda],
      seed,
    });
    const got = live.curve.testError[i];
    worst = Math.max(worst, Math.abs(got - want.testError[0]) / want.testError[0]);
  });
  return worst;
}

const peakOf = (live: LastLive) =>
  live.curve.p[live.curve.testError.indexOf(Math.max(...live.curve.testError))];

/** The loader's output as the build wrote it into dist/. */
async function builtSweep(): Promise<{ p: number[]; curveA: { test: { median: number[] } } }> {
  for await (const entry of Deno.readDir(`${distDir}/_file/loaders`)) {
    if (/^double-descent\.[0-9a-f]+\.json$/.test(entry.name)) {
      return JSON.parse(await Deno.readTextFile(`${distDir}/_file/loaders/${entry.name}`));
    }
  }
  throw new Error("no double-descent data in the built site");
}

const { test, open } = browserFixture();

test({
  name:
    "double-descent page: the live trial equals a direct Float64 solve and peaks at p ≈ N_train",
  async fn() {
    const { page } = await open(path);
    assert.equal(await backend(page), "wasm");
    const live = await waitForLive(page, { nTrain: 300, d: 35, sigma: 0.5, lambda: 0.01, seed: 1 });
    assert.equal(live.curve.p.length, 27);
    const gap = gapToFloat64(live);
    assert.ok(gap < 1e-3, `page vs Float64 solver: relative gap ${gap}`);
    assert.ok(Math.abs(peakOf(live) - 300) <= 45, `peak at p = ${peakOf(live)}`);
    // The prose quotes the built data's numbers (MathML text repeats each one as its TeX source).
    const sweep = await builtSweep();
    const median = sweep.curveA.test.median;
    const peak = Math.max(...median);
    const text = ((await page.textContent("main")) ?? "").replace(/\s+/g, " ");
    assert.ok(
      text.includes(
        `peaks at ${peak.toFixed(3)}${peak.toFixed(3)} at p=${sweep.p[median.indexOf(peak)]}`,
      ),
      `the page should quote the peak ${peak.toFixed(3)}`,
    );
    assert.ok(Math.abs(sweep.p[median.indexOf(peak)] - 300) <= 45);
  },
});

test({
  name: "double-descent page: moving the λ slider redraws the curve and flattens the peak",
  async fn() {
    const { page } = await open(path);
    const before = await waitForLive(page, { lambda: 0.01 });
    const markup = await chartMarkup(page, "live-curve");
    await setControl(page, "λ", 3);
    await page.waitForFunction(
      (markup) => document.querySelector('[data-chart="live-curve"]')?.outerHTML !== markup,
      markup,
      { timeout: 10_000 },
    );
    const after = await waitForLive(page, { lambda: 3 });
    const peakBefore = Math.max(...before.curve.testError);
    const peakAfter = Math.max(...after.curve.testError);
    assert.ok(peakAfter < peakBefore / 2, `peak ${peakBefore} → ${peakAfter}`);
    assert.ok(gapToFloat64(after) < 1e-3);
    assert.match(page.url(), /lambda=3/);
  },
});

test({
  name: "double-descent page: the peak follows N_train, and the spectrum follows the pointer",
  async fn() {
    const { page } = await open(`${path}?ntrain=150`);
    const live = await waitForLive(page, { nTrain: 150 });
    assert.ok(Math.abs(peakOf(live) - 150) <= 23, `peak at p = ${peakOf(live)}`);
    const dip = live.sMin.reduce((a, b) => (b.sMin < a.sMin ? b : a));
    assert.ok(Math.abs(dip.p - 150) <= 8, `smallest singular value dips at p = ${dip.p}`);
    // Default spectrum: the grid point nearest N_train; hovering far right picks p = 500.
    const spectrumP = () =>
      page.evaluate(() =>
        document.querySelector<HTMLElement>('[data-chart="spectrum"]')?.dataset.p
      );
    assert.equal(await spectrumP(), "150");
    const plot = page.locator('[data-chart="live-curve"] svg[role="img"]');
    const box = (await plot.boundingBox())!;
    await plot.hover({ position: { x: box.width - 20, y: box.height / 2 } });
    await page.waitForFunction(
      () => document.querySelector<HTMLElement>('[data-chart="spectrum"]')?.dataset.p === "500",
      undefined,
      { timeout: 10_000 },
    );
  },
});

/**
 * Clicks the live section's Stop button from inside the page: at once when it starts running
 * (`when: "start"`, before the trial's first snapshot), or once `when` values of p are done.
 * A MutationObserver sees the state change in the same task, so the timing is not left to chance.
 */
function stopTrialAt(page: Page, when: "start" | number) {
  return page.evaluate((when) => {
    const status = () => document.querySelector('[data-live-section="trial"] [role=status]');
    const observer = new MutationObserver(() => {
      const section = document.querySelector<HTMLElement>('[data-live-section="trial"]');
      if (section?.dataset.state !== "running") return;
      const done = Number(/Computing: (\d+) of/.exec(status()?.textContent ?? "")?.[1] ?? 0);
      if (when !== "start" && done < when) return;
      observer.disconnect();
      section.querySelector<HTMLButtonElement>("button[data-action=stop]")!.click();
      section.dataset.stopClicked = "yes";
    });
    observer.observe(document.body, {
      subtree: true,
      childList: true,
      characterData: true,
      attributes: true,
    });
  }, when);
}

/** What the live section shows once it has settled after a Stop. */
async function afterStop(page: Page) {
  await page.waitForFunction(
    () => {
      const section = document.querySelector<HTMLElement>('[data-live-section="trial"]');
      return section?.dataset.stopClicked === "yes" && section.dataset.state !== "running";
    },
    undefined,
    { timeout: 60_000 },
  );
  await page.waitForTimeout(500);
  return page.evaluate(() => {
    const section = document.querySelector<HTMLElement>('[data-live-section="trial"]')!;
    return {
      state: section.dataset.state,
      status: section.querySelector("[role=status]")?.textContent ?? "",
      // Observable shows a cell's runtime error in an element of this class.
      errors: [...document.querySelectorAll(".observablehq--error")].map((e) => e.textContent),
      text: section.textContent ?? "",
      curve: document.querySelector('[data-chart="live-curve"]') !== null,
    };
  });
}

test({
  name: "double-descent page: Stop, before the first value of p or midway, leaves a clear state",
  async fn() {
    // Stopped before the trial's first snapshot: nothing to draw, and the page says so.
    {
      const { page } = await open(`${path}?seed=7`);
      await stopTrialAt(page, "start");
      const shown = await afterStop(page);
      assert.equal(shown.state, "done");
      assert.match(shown.status, /^Stopped before the first value of p was computed/);
      assert.deepEqual(shown.errors, []);
      assert.doesNotMatch(shown.text, /Cannot read|undefined|NaN/);
      assert.match(shown.text, /nothing to draw yet/);
      assert.match(shown.text, /No smallest singular value to draw/);
      assert.doesNotMatch(shown.text, /\d\.\d{5}/, "no raw float on an empty axis");
      await page.close();
    }
    // Stopped midway: the values already computed stay drawn.
    {
      const { page } = await open(`${path}?seed=8`);
      await stopTrialAt(page, 5);
      const shown = await afterStop(page);
      assert.equal(shown.state, "done");
      const match = /^Stopped with (\d+) of (\d+) values of p computed/.exec(shown.status);
      assert.ok(match, shown.status);
      assert.ok(Number(match[1]) >= 5 && Number(match[1]) < Number(match[2]), shown.status);
      assert.deepEqual(shown.errors, []);
      assert.doesNotMatch(shown.text, /Cannot read|undefined|NaN/);
      assert.ok(shown.curve, "the partial curve stays drawn");
      await page.close();
    }
  },
});

test({
  name: "double-descent page on WebGPU (SwiftShader): same curve as the Float64 solver",
  async fn() {
    const { page } = await open(`${path}?backend=webgpu`, { webgpu: true });
    assert.equal(await backend(page), "webgpu");
    const live = await waitForLive(page, { nTrain: 300, lambda: 0.01 });
    assert.equal(live.backend, "webgpu");
    const gap = gapToFloat64(live);
    assert.ok(gap < 1e-3, `WebGPU page vs Float64 solver: relative gap ${gap}`);
    await page.close();
  },
});

test({
  name:
    "double-descent page: the peak's prediction card runs N_train = 150 and judges the guess; a moved slider is not judged",
  async fn() {
    const { page } = await open(path);
    await commitThenMove(page, "peak", "right, to more features", "N_train", 140);
    const moved = await cardIn(page, "peak", "moved");
    assert.match(moved.message, /no longer match the prediction's setting \(N_train moved\)/);
    await page.locator('[data-prediction="peak"] button[data-action="commit"]').click();
    const missed = await cardIn(page, "peak", "settled");
    assert.equal(missed.held, "false");
    assert.match(
      missed.message,
      /^Your prediction did not hold: you predicted “right, to more features”, and the answer was “left, to fewer features”\. The live trial's test error is now largest at p = \d+, against p = 300 where the question started\.$/,
    );
    await page.locator('[data-prediction="peak"] button[data-action="predict-again"]').click();
    await commitPrediction(page, "peak", "left, to fewer features");
    assert.equal((await cardIn(page, "peak", "settled")).held, "true");
  },
});
