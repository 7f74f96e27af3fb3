/**
 * The momentum page in real headless Chromium, against the built site in dist/. What the page
 * draws is checked against the same compute modules run here in Deno and against the closed forms.
 */
import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import { browserFixture, waitForDrawn, waitForHook } from "./harness.ts";
import { backend, chartMarkup, setControl } from "./controls.ts";
import {
  optimalPair,
  quadraticRate,
  sliderOptimalPair,
} from "../../src/compute/momentum/quadraticRate.ts";
import { averageWeight } from "../../src/compute/momentum/bias.ts";
import { uncorrectedStepRatio } from "../../src/compute/optimizers.ts";
import { BIAS_DRAWS } from "../../src/compute/momentum/pageProblems.ts";
import { MOMENTUM_FLOAT32_PATH } from "./pages/momentum.ts";
import { cardIn, commitPrediction, commitThenMove } from "./predictionSteps.ts";

const path = "/pages/momentum";

type Hooks = Record<string, { settings: Record<string, unknown> } & Record<string, unknown>>;

interface Trajectories {
  settings: { kappa: number; beta: number; step: number; surface: string };
  formsGap: number;
  stepsDone: number[];
  diverged: boolean;
  closedRate: number;
  measuredRate: number;
}
interface Reference {
  settings: Record<string, unknown>;
  backend: string;
  stepsDone: number;
  gap: number;
}
interface BiasHook {
  settings: { beta: number; sigma: number; horizon: number };
  draws: number;
  rows: {
    t: number;
    rawMean: number;
    rawSd: number;
    correctedMean: number;
    correctedSd: number;
    theory: number;
  }[];
}

/**
 * The two forms differ by Float64 rounding only (≤ 5e-14 in tests/compute/momentum); tfjs runs in
 * float32 and stays within 3e-6 of our path on these surfaces (within 1.1e-5 for Adam).
 */
const ROUNDING = 1e-12;
const FLOAT32_PATH = MOMENTUM_FLOAT32_PATH;

const { test, open } = browserFixture();

test({
  name:
    "momentum page: the two forms coincide to rounding and tfjs's momentum follows them, with no console error",
  async fn() {
    const { page } = await open(path);
    assert.equal(await backend(page), "wasm");
    const view = await waitForHook<Trajectories>(page, "trajectories", { beta: 0.9, step: 1 });
    assert.ok(view.formsGap <= ROUNDING, `forms gap ${view.formsGap}`);
    assert.deepEqual(view.stepsDone, [100, 100]);
    const ref = await waitForHook<Reference>(page, "reference", { beta: 0.9, step: 1 });
    assert.equal(ref.stepsDone, 100);
    assert.ok(ref.gap <= FLOAT32_PATH, `tfjs gap ${ref.gap}`);
    await waitForDrawn(page);
  },
});

test({
  name:
    "momentum page: moving β moves the trajectories, and their measured rate sits on the closed form",
  async fn() {
    const { page } = await open(path);
    await waitForHook<Trajectories>(page, "trajectories", { beta: 0.9 });
    for (const beta of [0.5, 0.75, 0.97]) {
      const before = await chartMarkup(page, "trajectory");
      await setControl(page, "momentum β", beta);
      const view = await waitForHook<Trajectories>(page, "trajectories", { beta });
      assert.notEqual(
        await chartMarkup(page, "trajectory"),
        before,
        `β = ${beta}: the chart did not move`,
      );
      assert.ok(view.formsGap <= ROUNDING, `β = ${beta}: forms gap ${view.formsGap}`);
      const theory = quadraticRate([1 / 50, 1], beta, 1);
      assert.ok(Math.abs(view.closedRate - theory) < 1e-12);
      assert.ok(
        Math.abs(view.measuredRate / theory - 1) < 1e-3,
        `β = ${beta}: measured ${view.measuredRate}, theory ${theory}`,
      );
      const ref = await waitForHook<Reference>(page, "reference", { beta });
      assert.ok(ref.gap <= FLOAT32_PATH, `β = ${beta}: tfjs gap ${ref.gap}`);
    }
    await page.waitForFunction(() => /beta=0\.97/.test(location.search));
    // β too large: the error spirals in at √β, slower than at β = 0.75.
    assert.ok(quadraticRate([1 / 50, 1], 0.97, 1) > quadraticRate([1 / 50, 1], 0.75, 1));
    // The same identity on the other two surfaces, at β = 0.9 (at β = 0.97 the Rosenbrock's
    // dynamics magnify float32 rounding to 4e-4, which the forms' Float64 gap does not see).
    await setControl(page, "momentum β", 0.9);
    for (const surface of ["rosenbrock", "noisy"]) {
      await setControl(
        page,
        "surface",
        surface === "rosenbrock" ? "Rosenbrock valley" : "noisy quadratic",
      );
      const view = await waitForHook<Trajectories>(page, "trajectories", { surface, beta: 0.9 });
      assert.ok(view.formsGap <= ROUNDING, `${surface}: forms gap ${view.formsGap}`);
      const ref = await waitForHook<Reference>(page, "reference", { surface, beta: 0.9 });
      assert.ok(ref.gap <= FLOAT32_PATH, `${surface}: tfjs gap ${ref.gap}`);
    }
  },
});

test({
  name: "momentum page: the optimal-pair button sets β and ε to the quadratic's optimum",
  async fn() {
    const { page } = await open(`${path}?kappa=100`);
    await waitForHook<Trajectories>(page, "trajectories", { kappa: 100 });
    await page.click('button[data-action="optimal-pair"]');
    const best = optimalPair([1 / 100, 1]);
    const rounded = sliderOptimalPair([1 / 100, 1]);
    const beta = rounded.beta;
    const view = await waitForHook<Trajectories>(page, "trajectories", { kappa: 100, beta });
    assert.equal(view.settings.step, rounded.epsilon);
    assert.ok(
      Math.abs(view.closedRate - best.rate) < 1e-3,
      `rate ${view.closedRate} vs ${best.rate}`,
    );
    assert.ok(Math.abs(view.measuredRate / view.closedRate - 1) < 1e-3);
    await page.waitForFunction((beta) => location.search.includes(`beta=${beta}`), beta);
  },
});

test({
  name: "momentum page: dragging on the trajectory chart moves the start point",
  async fn() {
    const { page } = await open(path);
    await waitForHook<Reference>(page, "reference", { beta: 0.9 });
    await waitForDrawn(page);
    const svg = page.locator('[data-chart="trajectory"] svg[role="img"]');
    await svg.scrollIntoViewIfNeeded();
    const box = (await svg.boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.3);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.6, { steps: 5 });
    await page.mouse.up();
    const start = await page.waitForFunction(
      () => {
        const t = (globalThis as unknown as { __explorables: Hooks }).__explorables.trajectories;
        return t.settings.x0 !== -1.8 ? [t.settings.x0, t.settings.y0] : null;
      },
      undefined,
      { timeout: 10_000 },
    );
    const [x0, y0] = (await start.jsonValue()) as number[];
    assert.ok(x0 > -1.8 && x0 < 2 && y0 > -1 && y0 < 2.5, `start (${x0}, ${y0})`);
    await page.waitForFunction(() => /x0=/.test(location.search));
  },
});

test({
  name:
    "momentum page: moving β moves the Monte Carlo means onto E[vₜ] = (1 − βᵗ)E[g], and the corrected mean onto E[g]",
  async fn() {
    const { page } = await open(path);
    await waitForHook<BiasHook>(page, "bias", { beta: 0.9 });
    for (const beta of [0.5, 0.8, 0.95]) {
      const before = await chartMarkup(page, "bias");
      await setControl(page, "β of the average", beta);
      const bias = await waitForHook<BiasHook>(page, "bias", { beta });
      assert.notEqual(await chartMarkup(page, "bias"), before);
      assert.equal(bias.draws, BIAS_DRAWS);
      for (const row of bias.rows) {
        assert.ok(Math.abs(row.theory - averageWeight(beta, row.t)) < 1e-12);
        const se: number = row.rawSd / Math.sqrt(bias.draws);
        assert.ok(
          Math.abs(row.rawMean - row.theory) < 4 * se,
          `β = ${beta}, t = ${row.t}: ${row.rawMean} vs ${row.theory}`,
        );
        const seCorrected: number = row.correctedSd / Math.sqrt(bias.draws);
        assert.ok(
          Math.abs(row.correctedMean - 1) < 4 * seCorrected,
          `β = ${beta}, t = ${row.t}: corrected ${row.correctedMean}`,
        );
      }
    }
  },
});

test({
  name:
    "momentum page: tf.train.adam follows our Float64 Adam, and the uncorrected first step is (1 − β₁)/√(1 − β₂) times η",
  async fn() {
    const { page } = await open(path);
    const adam = await waitForHook<Reference>(page, "adam", { beta1: 0.9, beta2: 0.999 });
    assert.equal(adam.stepsDone, 100);
    assert.ok(adam.gap <= FLOAT32_PATH, `tfjs Adam gap ${adam.gap}`);
    await setControl(page, "Adam β₁", 0.99);
    await setControl(page, "Adam β₂", 0.9);
    const runs = await waitForHook<
      { settings: unknown; firstStepRaw: number; firstStepFixed: number }
    >(page, "adamRuns", { beta1: 0.99, beta2: 0.9 });
    assert.ok(Math.abs(runs.firstStepFixed - 1) < 1e-6);
    assert.ok(Math.abs(runs.firstStepRaw / uncorrectedStepRatio(0.99, 0.9, 1) - 1) < 1e-6);
    const after = await waitForHook<Reference>(page, "adam", { beta1: 0.99, beta2: 0.9 });
    assert.ok(after.gap <= FLOAT32_PATH, `tfjs Adam gap ${after.gap}`);
  },
});

/** The race's step counter and the loss chart's description. */
async function raceState(page: Page): Promise<{ step: string; description: string }> {
  return await page.evaluate(() => ({
    step: document.querySelector(".race-clock .control-status")?.textContent ?? "",
    description:
      document.querySelector('[data-chart="race-loss"] .chart-description')?.textContent ?? "",
  }));
}

test({
  name:
    "momentum page: the race plays, pauses, steps and resets, and replays the same race under its seed",
  async fn() {
    const { page } = await open(`${path}?surface=noisy`);
    await waitForHook<Trajectories>(page, "trajectories", { surface: "noisy" });
    const step = page.locator('.race-clock button[data-action="step"]');
    for (let i = 0; i < 3; i++) await step.click();
    await page.waitForFunction(() =>
      document.querySelector('[data-chart="race-loss"] .chart-description')?.textContent
        ?.startsWith("At step 3 ")
    );
    const first = await raceState(page);
    assert.equal(first.step, "step 3 of 100");
    await page.click('.race-clock button[data-action="race-reset"]');
    await page.waitForFunction(() =>
      document.querySelector('[data-chart="race-loss"] .chart-description')?.textContent
        ?.startsWith("At step 0 ")
    );
    for (let i = 0; i < 3; i++) await step.click();
    await page.waitForFunction(() =>
      document.querySelector('[data-chart="race-loss"] .chart-description')?.textContent
        ?.startsWith("At step 3 ")
    );
    assert.deepEqual(await raceState(page), first, "the replay differs");
    await page.click('.race-clock button[data-action="play"]');
    await page.waitForFunction(
      () =>
        /step (1\d|[2-9]\d) of/.test(
          document.querySelector(".race-clock .control-status")?.textContent ?? "",
        ),
      undefined,
      { timeout: 10_000 },
    );
    await page.click('.race-clock button[data-action="pause"]');
    const paused = (await raceState(page)).step;
    await page.waitForTimeout(300);
    assert.equal((await raceState(page)).step, paused, "the race kept running after Pause");
    await page.click('.race-clock button[data-action="play"]');
    await page.waitForFunction(
      () =>
        document.querySelector(".race-clock .control-status")?.textContent === "step 100 of 100",
      undefined,
      { timeout: 20_000 },
    );
  },
});

test({
  name:
    "momentum page: a diverged run's caption names the quadratic bound only on the quadratic; the race prints losses without 'e+'",
  async fn() {
    const caption = async (query: string) => {
      const { page } = await open(`${path}?${query}`);
      await waitForDrawn(page);
      const text = await page.evaluate(() =>
        document.querySelector('[data-chart="trajectory"]')?.textContent ?? ""
      );
      const race = await page.evaluate(() =>
        document.querySelector('[data-chart="race-loss"]')?.textContent ?? ""
      );
      await page.close();
      return { text, race };
    };
    const rosenbrock = await caption("surface=rosenbrock&step=1.5");
    assert.match(rosenbrock.text, /the path runs away: .* a coordinate passing 10⁶ at step 8\./);
    assert.match(rosenbrock.text, /\(ε is below it\), not to this path\./);
    assert.doesNotMatch(rosenbrock.text, /because/);
    const quadratic = await caption("step=3.9");
    assert.match(quadratic.text, /because ε is above 2\(1 \+ β\)\/λ_max = 3\.8\./);
    for (const { race } of [rosenbrock, quadratic]) {
      assert.match(race, /SGD at loss \d/);
      assert.doesNotMatch(race, /e[+-]\d|NaN/);
    }
  },
});

test({
  name:
    "momentum page: the race's prediction card runs at its setting and judges the guess; a moved slider is not judged",
  async fn() {
    const { page } = await open(path);
    await commitThenMove(page, "race", "momentum", "condition number κ", 120);
    const moved = await cardIn(page, "race", "moved");
    assert.match(
      moved.message,
      /no longer match the prediction's setting \(condition number κ moved\)/,
    );
    await page.locator('[data-prediction="race"] button[data-action="commit"]').click();
    const held = await cardIn(page, "race", "settled");
    assert.equal(held.held, "true");
    assert.match(
      held.message,
      /^Your prediction held: .*SGD, not within the race's 100; momentum, 33; Adam, 38\./,
    );
    assert.equal(
      await page.locator('form[data-control="condition number κ"] input[type=number]').inputValue(),
      "100",
    );
    await page.locator('[data-prediction="race"] button[data-action="predict-again"]').click();
    await commitPrediction(page, "race", "Adam");
    const missed = await cardIn(page, "race", "settled");
    assert.equal(missed.held, "false");
    assert.match(
      missed.message,
      /^Your prediction did not hold: you predicted “Adam”, and the answer was “momentum”/,
    );
  },
});
