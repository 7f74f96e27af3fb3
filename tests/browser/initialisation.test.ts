/**
 * The initialisation page in real headless Chromium, against the built site in dist/.
 */
import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import { browserFixture, waitForDrawn, waitForHook } from "./harness.ts";
import { traceMainThread } from "./mainThread.ts";
import { backend, chartMarkup, numTensors, setControl } from "./controls.ts";
import {
  type LiveDepthParams,
  liveDraws,
  liveLayerWeights,
} from "../../src/compute/liveDepthTf.ts";
import { runNetwork, type StandardNetwork } from "../../src/compute/simulate.ts";
import { runExperiment } from "../../src/compute/initialisation/experiment.ts";
import { scaledScheme } from "../../src/compute/schemes.ts";
import type { Activation } from "../../src/compute/activations.ts";
import type { LoaderSeries } from "../../src/components/depthRows.ts";
import { sigTex } from "../../src/components/depthFormat.ts";
import { dotAgainstLine, ends } from "../../src/components/initialisation/lookFor.ts";

const path = "/pages/initialisation";

interface LastDepth {
  params: LiveDepthParams & { activation: Activation };
  pre: number[];
  slope: number[];
  inputGrad: number[];
  grad: number[];
  theory: { preVariance: number[]; gradMeanSquare: number[] };
  elapsedMs: number;
  longestSliceMs: number;
  longestSliceWhat: string;
  rowsPerSlice: number;
  backend: string;
}

interface LastVanishing {
  params: LiveDepthParams;
  sigmoid: number[];
  relu: number[];
  spectralNorms: number[];
}

/** Waits for a finished live run whose parameters match `want` (a stale run must not count). */
const waitForDepth = (page: Page, want: Record<string, number | string>) =>
  waitForHook<LastDepth>(page, "lastDepth", want, { field: "params", timeout: 120_000 });

const waitForVanishing = (page: Page, depth: number) =>
  waitForHook<LastVanishing>(page, "lastVanishing", { depth }, {
    field: "params",
    timeout: 120_000,
  });

/** The page's network in Float64 on the same draws (simulate.ts), for one activation. */
function float64Run(p: LiveDepthParams, activation: Activation) {
  const n = p.width;
  const net: StandardNetwork = {
    distribution: "normal",
    widths: Array.from({ length: p.depth + 1 }, () => n),
    layers: Array.from({ length: p.depth }, (_, l) => ({
      rows: n,
      cols: n,
      z: Float64Array.from(liveLayerWeights(p.seed, l + 1, n, p.sigma)),
      zb: new Float64Array(n),
    })),
  };
  const draws = liveDraws(p.seed, n, p.batch);
  return runNetwork(
    net,
    { name: "unit", gain: n, distribution: "normal", biasGain: 0 },
    activation,
    {
      x: Float64Array.from(draws.x),
      batch: p.batch,
      v: Float64Array.from(draws.v),
      u: Float64Array.from(draws.u),
    },
  );
}

/**
 * Where one network's per-layer variance may fall: the mean and standard deviation of log q_ℓ
 * over many Float64 networks of the same size (the live run is one more draw from that law).
 */
function logSpread(p: LiveDepthParams, activation: Activation, networks: number) {
  const [result] = runExperiment({
    width: p.width,
    depth: p.depth,
    networks,
    batch: p.batch,
    seed: 99,
    schemes: [scaledScheme(p.sigma)],
    activations: [activation],
    inputGradActivations: [],
    perNetworkPre: true,
  });
  return result.perNetworkPre!;
}

/**
 * One network is one draw: this asks only that it be a typical one, |log-z| ≤ 3 at every layer
 * (the seeded network here sits within ±1.2). No test of one network can resolve 2 %: at width
 * 64 and batch 32 the spread of log q_ℓ over networks is 0.049 at layer 1 and 0.70 at layer 12,
 * so a 2 % error moves log-z by 0.4 at most. The 2 % checks are elsewhere: the live run equals
 * the Float64 network on the same draws to 10⁻⁴ (the first test here), and the weights' variance
 * is σ²/d to 0.8 % over half a million draws (tests/compute/liveDepthTf.test.ts).
 */
function assertTypical(live: number[], perNetwork: number[][], what: string) {
  live.forEach((value, l) => {
    const logs = perNetwork.map((q) => Math.log(q[l]));
    const mean = logs.reduce((a, b) => a + b, 0) / logs.length;
    const sd = Math.sqrt(logs.reduce((a, b) => a + (b - mean) ** 2, 0) / (logs.length - 1));
    const z = (Math.log(value) - mean) / sd;
    assert.ok(Math.abs(z) <= 3, `${what} layer ${l + 1}: log-z ${z.toFixed(2)}`);
  });
}

const { test, open } = browserFixture();

test({
  name:
    "initialisation page: loads with no console error, draws every chart, and the live network equals the Float64 network on the same draws",
  async fn() {
    const { page } = await open(path);
    const run = await waitForDepth(page, { depth: 30, width: 128, activation: "relu" });
    await waitForDrawn(page);
    assert.equal(await backend(page), "wasm");
    const ref = float64Run(run.params, "relu");
    const near = (got: number, want: number, what: string) =>
      assert.ok(Math.abs(got / want - 1) < 1e-4, `${what}: ${got} vs ${want}`);
    run.pre.forEach((q, l) => near(q, ref.preMeanSquare[l], `q${l + 1}`));
    run.inputGrad.forEach((g, l) => near(g, ref.inputGradMeanSquare[l], `input gradient ${l + 1}`));
    run.grad.forEach((g, l) => near(g, ref.gradMeanSquare[l], `r${l}`));
  },
});

test({
  name:
    "initialisation page: the live network is a typical draw around the theory, and moving σ to 1 moves it onto Xavier–ReLU's halving",
  async fn() {
    const start = { depth: 12, width: 64, sigma: 1.41, batch: 32, seed: 1 };
    const { page } = await open(`${path}?depth=12&width=64&batch=32`);
    const he = await waitForDepth(page, { ...start, activation: "relu" });
    assertTypical(he.pre, logSpread(start, "relu", 300), "σ = 1.41");
    const before = await chartMarkup(page, "live-variance");
    await setControl(page, "σ (weight std × √d)", 1);
    const xavier = await waitForDepth(page, { ...start, sigma: 1, activation: "relu" });
    assert.notEqual(await chartMarkup(page, "live-variance"), before);
    assertTypical(xavier.pre, logSpread({ ...start, sigma: 1 }, "relu", 300), "σ = 1");
    // The theory the page draws is the halving itself.
    xavier.theory.preVariance.forEach((q, l) => assert.ok(Math.abs(q / 2 ** -l - 1) < 1e-12));
    // And the measured variance falls by orders of magnitude, as the line does.
    assert.ok(xavier.pre[11] < 0.01 * he.pre[11], `${xavier.pre[11]} vs ${he.pre[11]}`);
  },
});

test({
  name:
    "initialisation page: sigmoid's gradient at the input stays under (1/4)^L·∏‖W_ℓ‖₂ and falls far below ReLU's",
  async fn() {
    const { page } = await open(`${path}?depth=20&width=64&batch=16`);
    const run = await waitForVanishing(page, 20);
    let bound = 1;
    run.spectralNorms.forEach((norm, l) => {
      bound *= 0.25 * norm;
      assert.ok(Math.sqrt(run.sigmoid[l]) <= bound, `depth ${l + 1}`);
    });
    assert.ok(run.sigmoid[19] < 1e-10 * run.relu[19], `${run.sigmoid[19]} vs ${run.relu[19]}`);
    const ref = float64Run(run.params, "sigmoid");
    run.sigmoid.forEach((g, l) =>
      assert.ok(Math.abs(g / ref.inputGradMeanSquare[l] - 1) < 1e-4, `sigmoid depth ${l + 1}`)
    );
  },
});

/** The state, status line and visible text of one live section. */
async function sectionState(page: Page, name: string) {
  const section = `[data-live-section="${name}"]`;
  return {
    state: await page.getAttribute(section, "data-state"),
    status: (await page.textContent(`${section} .live-status`)) ?? "",
    text: (await page.textContent(section)) ?? "",
  };
}

test({
  name:
    "initialisation page: Stop on each live section, at once and mid-run, leaves a stopped status, the charts and no error; the next run completes",
  async fn() {
    // One page for the four Stops: setting the width back to 512 starts the big network again.
    const { page, consoleErrors } = await open(`${path}?depth=50&width=512&batch=256`);
    let width = 512;
    // Each small run gets its own width, so that an earlier run's result cannot count.
    const smallWidths = [16, 24, 32, 40];
    for (const name of ["network", "vanishing"]) {
      for (const wait of [0, 1500]) {
        const section = `[data-live-section="${name}"]`;
        if (width !== 512) {
          await setControl(page, "width d", 512);
          width = 512;
        }
        await page.waitForSelector(`${section}[data-state="running"]`, { timeout: 120_000 });
        await page.waitForTimeout(wait);
        await page.click(`${section} button[data-action="stop"]`);
        await page.waitForSelector(`${section}:not([data-state="running"])`, { timeout: 30_000 });
        await page.waitForTimeout(500);
        const after = await sectionState(page, name);
        const what = `${name}, Stop after ${wait} ms`;
        assert.equal(after.state, "done", `${what}: ${after.status}`);
        assert.match(after.status, /^Stopped (after \d+ of 50 layers|in the backward pass)/, what);
        assert.doesNotMatch(after.text, /could not run|Cannot read|undefined|NaN|Error/, what);
        const charts = name === "network"
          ? ["live-variance", "live-gradient", "histograms"]
          : ["live-first-layer-gradient"];
        for (const chart of charts) assert.notEqual(await chartMarkup(page, chart), "", chart);
        assert.deepEqual(consoleErrors, [], what);
        // Stopping breaks nothing: a smaller network runs to the end (its own finished result).
        width = smallWidths.shift()!;
        await setControl(page, "width d", width);
        await waitForHook(page, name === "network" ? "lastDepth" : "lastVanishing", {
          depth: 50,
          width,
        }, { field: "params", section: name, timeout: 120_000 });
        const next = await sectionState(page, name);
        assert.match(next.status, /^(Done|Sigmoid)/, `${what}, then a new run: ${next.status}`);
        assert.deepEqual(consoleErrors, [], `${what}, then a new run`);
      }
    }
  },
});

test({
  name:
    "initialisation page: 'What to look for' prints the loader's numbers through the formatter, and no raw float, NaN or undefined reaches the text",
  async fn() {
    const { page } = await open(`${path}?depth=4&width=16&batch=8&twidth=64`);
    await waitForDepth(page, { depth: 4, width: 16, batch: 8 });
    await waitForDrawn(page);
    const data = await page.evaluate(async () => {
      const url = performance.getEntriesByType("resource").map((e) => e.name)
        .find((name) => /initialisation\.[^/]*json/.test(name))!;
      return await (await fetch(url)).json();
    }) as { series: LoaderSeries[]; config: { depth: number } };
    const depth = data.config.depth;
    const at = (scheme: string, activation: string, width = 64) =>
      data.series.find((s) =>
        s.scheme === scheme && s.activation === activation && s.width === width
      )!;
    const main = (await page.textContent("main")) ?? "";
    const start = main.indexOf("What to look for");
    const look = main.slice(start, main.indexOf("Your own network, live", start));
    const he = dotAgainstLine(at("he", "relu"), "pre", depth);
    const expected = [
      sigTex(ends(at("xavier", "relu")).last, 2),
      sigTex(ends(at("xavier", "relu")).inputGrad, 2),
      sigTex(ends(at("xavier", "sigmoid")).last, 3),
      sigTex(ends(at("xavier", "sigmoid")).inputGrad, 2),
      sigTex(ends(at("sigma-1.5", "tanh")).first, 3),
      sigTex(ends(at("sigma-1.5", "tanh")).last, 3),
      sigTex(ends(at("sigma-1.5", "tanh")).inputGrad, 3),
      sigTex(he.p10, 2),
      sigTex(he.p90, 2),
      sigTex(he.mean, 2),
      sigTex(dotAgainstLine(at("he", "relu", 16), "pre", depth).mean, 2),
    ];
    for (const value of expected) assert.ok(look.includes(value), `${value} missing`);
    assert.match(look, /mirrors the forward\s+one, exactly/);
    assert.match(look, /Tanh and the sigmoid: no mirror/);
    // At width 64 the dot and even the 90th percentile are below the line (tests/loaders/initialisation.test.ts).
    assert.ok(he.mean < he.theory && he.p90 < he.theory);
    assert.match(
      look,
      new RegExp(
        `${sigTex(he.mean, 2)},\\s+below the line\\.\\s+Even the 90th percentile is below`,
      ),
    );
    assert.match(look, /within 1 % of that from layer 3 on/);
    // The PyTorch recursion is a computed line; the one measured value is the output's Monte Carlo.
    const recursion = page.locator('[data-chart="pytorch-recursion"]');
    await recursion.locator("summary").click();
    // The table is filled when it opens, and refilled if a resize redraws the chart.
    await recursion.locator("table tbody tr").nth(10).waitFor();
    const rows = await recursion.locator("table tbody tr").evaluateAll((trs) =>
      trs.map((tr) => [...(tr as HTMLTableRowElement).cells].map((c) => c.textContent ?? ""))
    );
    const measured = rows.filter((r) => r[1] === "measured");
    assert.deepEqual(measured.map((r) => [r[0], r[2]]), [["Monte Carlo, output only", "4"]]);
    assert.equal(rows.filter((r) => r[1] === "theory").length, 5);
    // Text outside the formulas' TeX sources: no long raw floats, no e-notation, no NaN.
    // Node by node: table cells side by side would otherwise read as one long number.
    const texts = await page.evaluate(() => {
      const out: string[] = [];
      const walker = document.createTreeWalker(
        document.querySelector("main")!,
        NodeFilter.SHOW_TEXT,
      );
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (!node.parentElement?.closest("annotation, script, style")) out.push(node.textContent!);
      }
      return out;
    });
    for (const text of texts) {
      assert.doesNotMatch(text, /\d\.\d{7,}|\d[eE][+-]?\d|NaN|Infinity|undefined/);
    }
  },
});

/** Milliseconds from moving a control to the first redraw of the live variance chart, in the page. */
async function redrawLatency(page: Page, label: string, value: number | string): Promise<number> {
  return await page.evaluate(({ label, value }) => {
    const figure = document.querySelector('[data-chart="live-variance"]')!;
    const host = figure.parentElement!;
    return new Promise<number>((resolve) => {
      const observer = new MutationObserver(() => {
        if (!host.contains(figure)) {
          observer.disconnect();
          resolve(performance.now() - t0);
        }
      });
      observer.observe(host, { childList: true, subtree: true });
      const form = [...document.querySelectorAll("form")].find((f) =>
        f.querySelector("label")?.textContent?.trim() === label
      )!;
      const t0 = performance.now();
      const radio = [...form.querySelectorAll<HTMLInputElement>("input[type=radio]")].find((i) =>
        i.parentElement?.textContent?.trim().toLowerCase() === String(value).toLowerCase()
      );
      if (radio) {
        radio.checked = true;
        radio.dispatchEvent(new Event("input", { bubbles: true }));
      } else {
        const number = form.querySelector<HTMLInputElement>("input[type=number]")!;
        number.value = String(value);
        number.dispatchEvent(new Event("input", { bubbles: true }));
      }
    });
  }, { label, value });
}

test({
  name: "initialisation page: slider-to-chart latency per control on wasm",
  async fn() {
    const { page } = await open(path);
    await waitForDepth(page, { depth: 30 });
    await waitForDrawn(page);
    const moves: [string, number | string][] = [
      ["depth L", 31],
      ["width d", 136],
      ["σ (weight std × √d)", 1.4],
      ["activation", "tanh"],
      ["batch size", 65],
      ["seed", 2],
    ];
    const latency: Record<string, number> = {};
    for (const [label, value] of moves) {
      latency[label] = Math.round(await redrawLatency(page, label, value));
      await waitForDrawn(page);
    }
    console.log(`latency to first live redraw on wasm (ms): ${JSON.stringify(latency)}`);
    for (const [label, ms] of Object.entries(latency)) assert.ok(ms < 1000, `${label}: ${ms} ms`);
  },
});

test({
  name:
    "initialisation page: depth 50 × width 512 × batch 256 runs in the worker with no main-thread task over 100 ms; Stop ends the worker's run within 200 ms; the worker's tensors return to their baseline",
  async fn() {
    const { page, consoleErrors } = await open(`${path}?depth=2&width=16&batch=8`);
    await waitForDepth(page, { depth: 2, width: 16, batch: 8 });
    await waitForDrawn(page);
    // Formulas typeset and charts settle after the first run: measure the live run only.
    await page.waitForTimeout(3000);
    await page.evaluate(() => {
      const tasks: number[] = [];
      (globalThis as unknown as { __longTasks: number[] }).__longTasks = tasks;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) tasks.push(entry.duration);
      }).observe({ type: "longtask" });
    });
    const stopTrace = await traceMainThread(page);
    await setControl(page, "width d", 512);
    await setControl(page, "batch size", 256);
    await setControl(page, "depth L", 50);
    const run = await waitForDepth(page, { depth: 50, width: 512, batch: 256 });
    await waitForDrawn(page);
    const longest = await stopTrace();
    // In the worker, which blocks no page, each product takes the whole batch of 256 rows instead
    // of the main thread's slices of at most 64 (issue 20, item 3).
    assert.equal(run.rowsPerSlice, 256, `${run.rowsPerSlice} rows per product in the worker`);
    const longTasks = await page.evaluate(() =>
      (globalThis as unknown as { __longTasks: number[] }).__longTasks
    );
    console.log(
      `depth 50 × 512 × 256 in the worker on ${run.backend}: ${Math.round(run.elapsedMs)} ms; ` +
        `longest main-thread task ${longest.cpuMs.toFixed(0)} ms of CPU, ` +
        `${longest.wallMs.toFixed(0)} ms of wall time; long tasks the page observed ` +
        JSON.stringify(longTasks.map(Math.round)),
    );
    // The bound is on the main thread's own work: on a machine whose cores are shared with other
    // jobs the browser's 'longtask' entries (wall time, logged above) also count the time the
    // thread waited for a core.
    assert.ok(longest.cpuMs <= 100, `a main-thread task of ${longest.cpuMs} ms of CPU time`);
    // Stop mid-run: within 200 ms of the page sending Stop, the worker says the run has ended.
    await setControl(page, "seed", 2);
    const section = '[data-live-section="network"]';
    await page.waitForSelector(`${section}[data-state="running"]`, { timeout: 60_000 });
    await page.waitForTimeout(1000);
    await page.click(`${section} button[data-action="stop"]`);
    await page.waitForSelector(`${section}:not([data-state="running"])`, { timeout: 10_000 });
    await waitForDrawn(page, { timeout: 180_000 });
    const worker = await page.evaluate(() =>
      (globalThis as unknown as {
        __explorables: { liveWorker: { stopMs: number[] }; baselineTensors: number };
      }).__explorables
    );
    const stopMs = worker.liveWorker.stopMs.at(-1)!;
    console.log(`Stop ended the worker's run in ${Math.round(stopMs)} ms`);
    assert.ok(stopMs <= 200, `${stopMs} ms`);
    // Counted inside the worker: every run, finished, stopped or replaced, freed its tensors.
    assert.equal(await numTensors(page), worker.baselineTensors);
    assert.deepEqual(consoleErrors, []);
  },
});
