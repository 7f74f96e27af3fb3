/**
 * The convolution page in real headless Chromium, against the built site in dist/: the course's
 * numbers on the page, the TensorFlow.js checks, hover links, singular systems, tensors after
 * many control moves, and slider-to-chart latency per control.
 */
import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import { browserFixture, waitForDrawn, waitForHook } from "./harness.ts";
import { backend, setControl } from "./controls.ts";
import { transposedConv2d } from "../../src/compute/convolution/transposed.ts";
import { TRANSPOSED_2D } from "../../src/compute/convolution/seeds.ts";
import { bottleneckParams } from "../../src/compute/parameterCounts.ts";
import { quantile, timeEveryControl, timingLine } from "./convolutionMoves.ts";
import { readSection, stopWhenRunning } from "./stopLive.ts";
import { cardIn, commitPrediction, commitThenMove } from "./predictionSteps.ts";

const path = "/pages/convolution";

interface FilterCheck {
  signal: number[];
  output: number[];
  filter: number[] | null;
  got?: number[];
  gap?: number;
  stopped?: boolean;
}

interface TransposeCheck {
  stride: number;
  padding: number;
  got?: number[][];
  expected?: number[][];
  gap?: number;
  error?: string;
  stopped?: boolean;
}

/** Waits until the chart's one-sentence description contains `text`. */
async function waitForDescription(page: Page, chart: string, text: string): Promise<void> {
  await page.waitForFunction(
    ({ chart, text }) =>
      document.querySelector(`[data-chart="${chart}"] .chart-description`)?.textContent
        ?.includes(text),
    { chart, text },
    { timeout: 10_000 },
  ).catch(async () => {
    const got = await page.textContent(`[data-chart="${chart}"] .chart-description`);
    throw new Error(`${chart}: waited for "${text}", the description says "${got}"`);
  });
}

const mainText = async (page: Page) => (await page.textContent("main")) ?? "";

/** Points at a cell of a diagram and returns the keys it lit and the readout. */
async function hover(page: Page, chart: string, key: string) {
  await page.locator(`[data-chart="${chart}"] [data-key="${key}"]`).hover();
  return await page.evaluate((chart) => {
    const figure = document.querySelector(`[data-chart="${chart}"]`)!;
    return {
      lit: [...figure.querySelectorAll("[data-lit]")].map((g) => g.getAttribute("data-key")!)
        .sort(),
      readout: figure.querySelector(".diagram-readout")?.textContent ?? "",
    };
  }, chart);
}

const { test, open } = browserFixture();

test({
  name:
    "convolution page: loads with the course's filter checked by TensorFlow.js, no console error, no foreign request",
  async fn() {
    const { page } = await open(path);
    const check = await waitForHook<FilterCheck>(page, "lastFilterCheck", {
      signal: [1, 4, 0, -2, 3],
    }, { field: "" });
    assert.deepEqual(check.filter, [2, -1, 3]);
    assert.deepEqual(check.got, [-2, 2, 11]);
    assert.equal(check.gap, 0);
    const transpose = await waitForHook<TransposeCheck>(page, "lastTransposeCheck", {
      stride: 1,
      padding: 0,
    }, { field: "" });
    assert.deepEqual(transpose.got, [[-1, 3, -2], [3, -3, 1], [0, 3, 1]]);
    await waitForDrawn(page, { timeout: 60_000 });
    assert.equal(await backend(page), "wasm");
  },
});

test({
  name:
    "convolution page: the course's numbers are on the page (filter, transposed outputs, 108/112/39/43/46, 213,504/78,592, 2.72)",
  async fn() {
    const { page } = await open(path);
    await waitForDrawn(page, { timeout: 60_000 });
    const text = await mainText(page);
    assert.match(text, /exactly one filter fits: \(2, −1, 3\)/);
    assert.match(text, /det A = −52/);
    assert.match(text, /\[ax, ay, az \+ bx, by, bz \+ cx, cy, cz\]/);
    const figure2d = await page.textContent('[data-chart="transposed-2d"] .chart-description');
    assert.match(figure2d ?? "", /3 × 3 output \[−1, 3, −2; 3, −3, 1; 0, 3, 1\]/);
    const calculator = await page.textContent('[data-chart="calculator"] .chart-description');
    assert.match(calculator ?? "", /standard 108, depthwise-separable 39 parameters/);
    // MathML spells the counts out; textContent keeps the digits in order.
    for (const n of ["108", "39", "27", "12", "112", "43", "46", "2.72"]) {
      assert.ok(text.includes(n), `${n} is missing`);
    }
    const blocks = await page.textContent('[data-chart="blocks"] .chart-description');
    assert.match(blocks ?? "", /bottleneck 213,504, 32 summed paths 78,592/);
  },
});

test({
  name:
    "convolution page: a singular system gets a clear message, both when many filters fit and when none does",
  async fn() {
    const { page } = await open(path);
    await waitForDrawn(page, { timeout: 60_000 });
    await page.getByRole("button", { name: "A constant signal" }).click();
    await waitForHook(page, "lastFilterCheck", { signal: [1, 1, 1, 1, 1], output: [3, 3, 3] }, {
      field: "",
    });
    let text = await mainText(page);
    assert.match(
      text,
      /The determinant of the system is 0: the filter \(1, −1, 0\) gives 0 on every window/,
    );
    assert.match(text, /There is no unique answer/);
    await page.getByRole("button", { name: "First and last windows equal" }).click();
    const none = await waitForHook<FilterCheck>(page, "lastFilterCheck", {
      signal: [1, 0, 1, 0, 1],
      output: [1, 2, 3],
    }, { field: "" });
    assert.equal(none.filter, null);
    text = await mainText(page);
    assert.match(
      text,
      /every filter's outputs satisfy y1 − y3 = 0\. These outputs give −2, so no filter produces them\./,
    );
    assert.match(
      text,
      /No filter fits these outputs, so there is nothing for TensorFlow\.js to check\./,
    );
    assert.doesNotMatch(text, /NaN/);
  },
});

test({
  name: "convolution page: hovering links outputs to the inputs and taps that made them, and back",
  async fn() {
    const { page } = await open(path);
    await waitForDrawn(page, { timeout: 60_000 });
    const out = await hover(page, "sliding-filter", "out:1");
    assert.deepEqual(out.lit, ["in:1", "in:2", "in:3", "out:1", "tap:0", "tap:1", "tap:2"]);
    assert.match(out.readout, /y₂ = 2·4 \+ \(−1\)·0 \+ 3·\(−2\) = 2/);
    const input = await hover(page, "sliding-filter", "in:2");
    assert.deepEqual(input.lit, ["in:2", "out:0", "out:1", "out:2"]);
    assert.match(input.readout, /x₃ = 0 is multiplied by h₃ for y₁, h₂ for y₂, h₁ for y₃/);

    const cell = await hover(page, "transposed-1d", "out:2");
    assert.deepEqual(cell.lit, ["in:0", "in:1", "out:2", "st:0:2", "st:1:0", "tap:0", "tap:2"]);
    assert.match(cell.readout, /Output cell 3 = az \+ bx: stamps overlap here and add/);
    const source = await hover(page, "transposed-1d", "in:1");
    assert.deepEqual(
      source.lit.filter((k) => k.startsWith("out")),
      ["out:2", "out:3", "out:4"],
    );

    const grid = await hover(page, "transposed-2d", "out:1:1");
    assert.deepEqual(grid.lit.filter((k) => k.startsWith("in")), [
      "in:0:0",
      "in:0:1",
      "in:1:0",
      "in:1:1",
    ]);
    assert.match(grid.readout, /Output cell \(2, 2\) = −1 \+ 0 − 3 \+ 1 = −3/);
  },
});

test({
  name: "convolution page: Play slides the filter window by window",
  async fn() {
    const { page } = await open(path);
    await waitForDrawn(page, { timeout: 60_000 });
    const readout = page.locator('[data-chart="sliding-filter"] .diagram-readout');
    await page.locator('[data-chart="sliding-filter"] button[data-action="play"]').click();
    await page.waitForFunction(
      () =>
        document.querySelector('[data-chart="sliding-filter"] .diagram-readout')?.textContent
          ?.startsWith("Window 2 of 3"),
      undefined,
      { timeout: 5_000 },
    );
    const moved = await page.evaluate(() =>
      (document.querySelector('[data-chart="sliding-filter"] [data-key="tap:0"]') as SVGGElement)
        .style.transform
    );
    assert.match(moved, /translate\(/);
    assert.match((await readout.textContent()) ?? "", /y₂ = /);
  },
});

test({
  name:
    "convolution page: stride and padding move the transposed outputs, and TensorFlow.js agrees at every setting",
  async fn() {
    const { page } = await open(path);
    await waitForDrawn(page, { timeout: 60_000 });
    for (const [stride, padding] of [[2, 0], [3, 1], [2, 1], [1, 1], [3, 0]]) {
      await setControl(page, "2-D stride", stride);
      await setControl(page, "2-D padding", padding);
      const check = await waitForHook<TransposeCheck>(page, "lastTransposeCheck", {
        stride,
        padding,
      }, { field: "" });
      const expected = transposedConv2d(
        TRANSPOSED_2D.input.map((r) => [...r]),
        TRANSPOSED_2D.filter.map((r) => [...r]),
        { stride, padding },
      );
      assert.deepEqual(check.got, expected);
      assert.equal(check.expected!.length, (2 - 1) * stride + 2 - 2 * padding);
    }
    await setControl(page, "2-D stride", 1);
    await setControl(page, "2-D padding", 2);
    await waitForHook(page, "lastTransposeCheck", { stride: 1, padding: 2 }, { field: "" });
    assert.match(
      await mainText(page),
      /padding 2 crops 2 cells from each end, but the full output has only 3: nothing is left/,
    );
    await setControl(page, "1-D stride", 3);
    await waitForDescription(
      page,
      "transposed-1d",
      "gives 9 output cells: [ax, ay, az, bx, by, bz, cx, cy, cz]",
    );
  },
});

test({
  name:
    "convolution page: the calculator, the groups slider and the path sliders redraw their counts",
  async fn() {
    const { page } = await open(path);
    await waitForDrawn(page, { timeout: 60_000 });
    await setControl(page, "biases", "pointwise part only");
    await waitForDescription(page, "calculator", "standard 112, depthwise-separable 43");
    await setControl(page, "biases", "both parts");
    await waitForDescription(page, "calculator", "standard 112, depthwise-separable 46");
    await setControl(page, "groups, as a power of 2", 7);
    await waitForDescription(page, "group-blocks", "128 diagonal blocks of 1 × 1");
    await waitForDescription(page, "group-blocks", "1,152 weights in all");
    await setControl(page, "groups, as a power of 2", 0);
    await waitForDescription(page, "group-blocks", "all 128 × 128 channel pairs");
    await waitForDescription(page, "group-blocks", "147,456 weights in all");
    // One path as wide as the bottleneck is the bottleneck.
    await setControl(page, "bottleneck width", 64);
    await setControl(page, "paths", 1);
    await setControl(page, "path width", 64);
    const same = bottleneckParams({ channels: 256, width: 64 }).total.toLocaleString("en");
    await waitForDescription(page, "blocks", `bottleneck ${same}, 1 path ${same}`);
  },
});

test({
  name:
    "convolution page: Stop pressed mid-run in either TensorFlow.js check leaves a clear stopped state, no error, and the next move runs again",
  async fn() {
    const { page } = await open(path);
    await waitForDrawn(page, { timeout: 60_000 });
    const cases = [
      {
        section: "filter-check",
        hook: "lastFilterCheck",
        label: "signal x₁",
        stop: 2.5,
        again: { value: 1, want: { signal: [1, 4, 0, -2, 3] } },
      },
      {
        section: "transpose-check",
        hook: "lastTransposeCheck",
        label: "2-D stride",
        stop: 3,
        again: { value: 2, want: { stride: 2 } },
      },
    ] as const;
    for (const { section, hook, label, stop, again } of cases) {
      await stopWhenRunning(page, section);
      await setControl(page, label, stop);
      await waitForHook(page, hook, { stopped: true }, { field: "" });
      const stopped = await readSection(page, section);
      assert.equal(stopped.state, "done", `${section}: ${stopped.status}`);
      assert.match(stopped.status, /^Stopped before TensorFlow\.js's answer was read/);
      // The next move runs the check to the end again.
      await setControl(page, label, again.value);
      const check = await waitForHook<{ gap?: number }>(page, hook, again.want, {
        field: "",
      });
      assert.ok(
        check.gap !== undefined && check.gap < 1e-5,
        `${section}: ${JSON.stringify(check)}`,
      );
      const done = await readSection(page, section);
      assert.equal(done.state, "done");
      assert.match(done.status, /^TensorFlow\.js's/);
    }
  },
});

test({
  name:
    "convolution page: every control redraws its closed-form chart in the first frame after the input",
  async fn() {
    const { page } = await open(path);
    await waitForDrawn(page, { timeout: 60_000 });
    const timings = await timeEveryControl(page, 11);
    console.log(
      `slider-to-chart latency on ${path} (wasm; all backends: deno task bench --only=convolution):\n  ${
        timings.map(timingLine).join("\n  ")
      }`,
    );
    // Structure, not speed (this machine is shared): no cell waits past the first frame, and the
    // typical move's work stays far from a visible stall. The bench holds p95 against 16 ms.
    for (const t of timings) {
      assert.equal(Math.max(...t.frames), 1, `${t.label}: the chart came after a later frame`);
      assert.ok(quantile(t.work, 0.5) < 50, timingLine(t));
    }
  },
});

test({
  name:
    "convolution page: the gaps prediction card runs the 2-D stride 3 and judges the guess; a moved slider is not judged",
  async fn() {
    const { page } = await open(path);
    await commitThenMove(page, "gaps", "6 × 6", "2-D padding", 1);
    const moved = await cardIn(page, "gaps", "moved");
    assert.match(moved.message, /no longer match the prediction's setting \(2-D padding moved\)/);
    await page.locator('[data-prediction="gaps"] button[data-action="commit"]').click();
    const missed = await cardIn(page, "gaps", "settled");
    assert.equal(missed.held, "false");
    assert.equal(
      missed.message,
      "Your prediction did not hold: you predicted “6 × 6”, and the answer was “5 × 5”. TensorFlow.js returned a 5 × 5 grid with 1 row and 1 column of zeros that no stamp reaches; its largest gap to the scatter-add is 0.",
    );
    await page.locator('[data-prediction="gaps"] button[data-action="predict-again"]').click();
    await commitPrediction(page, "gaps", "5 × 5");
    assert.equal((await cardIn(page, "gaps", "settled")).held, "true");
  },
});
