/**
 * The dropout-noise page's rows for the shared browser suites (its charts and leak moves, its
 * numbers compared across backends, its Stop cases), loaded by tests/browser/pageData.ts.
 */
import type { BackendEntry } from "../backendTable.ts";
import type { PageChecks } from "../pageChecks.ts";
import assert from "node:assert/strict";
import { waitForHook } from "../harness.ts";
import { setControl } from "../controls.ts";
import { countIn, type PageStopCases, type StopCase } from "../stopCases.ts";

export const checks: PageChecks = {
  charts: [
    "dropout-monte-carlo",
    "coefficients",
    "dropout-path",
    "ridge-path",
    "column-norms",
    "noise-sweep",
    "ridge-grid",
    "gaussian-monte-carlo",
    "order-difference",
    "sigmoid-counterexample",
  ],
  leak: {
    setup: [["Monte Carlo draws", 1000], ["activation", "ReLU"], ["drop rate r", 0.4]],
    ready: [{ hook: "lastOrders", want: { activation: "relu", rate: 0.4 } }],
    moves: [["drop rate r", (i) => ((i % 18) * 0.05).toFixed(2)]],
    final: [["drop rate r", 0.25]],
    done: [{ hook: "lastOrders", want: { rate: 0.25 } }],
  },
};

export const backends: BackendEntry = {
  same: [
    { hook: "lastOrders.dropoutFirst", rel: 1e-5, abs: 1e-6 },
    { hook: "lastOrders.activationFirst", rel: 1e-5, abs: 1e-6 },
    { hook: "dropoutMonteCarlo.mean", rel: 1e-3 },
    { hook: "gaussianMonteCarlo.mean", rel: 1e-3 },
  ],
  // The page says the two orders agree exactly for ReLU, its default.
  gaps: [{ hook: "lastOrders.maxAbsDifference", max: 0 }],
};

/**
 * The Stop cases' draws: the most the slider allows. In the live worker 20,000 draws (the default)
 * can finish before a Stop pressed at the first progress line reaches it.
 */
const STOP_DRAWS = 50000;

const monteCarloCases = (section: string, control: string, value: number): StopCase[] => [
  {
    // Part-way: the last frame's numbers stay, said to be a stopped run's.
    section,
    partway: `^Drawn \\d+ of ${STOP_DRAWS}`,
    move: [control, value],
    status:
      /^Stopped after (\d+) draws: mean .+ ± .+ against the exact .+, [\d.]+ standard errors apart\.$/,
    chart: section,
    check: (_page, stopped) => {
      assert.ok(countIn(stopped.status) < STOP_DRAWS, stopped.status);
      return Promise.resolve();
    },
  },
  {
    // At its start: nothing drawn yet, and the section does not stay "running".
    section,
    move: [control, value + 0.05],
    status: /^Stopped (before the first draw; move a control to run again|after \d+ draws: .*)\.$/,
  },
];

export const stopCases: PageStopCases = {
  what: "both Monte Carlo sections part-way and at their start, and the activation check at its " +
    "start, keep a clear stopped state; the next move runs the check again",
  query: `?draws=${STOP_DRAWS}`,
  ready: [
    { hook: "dropoutMonteCarlo", want: { p: 0.8 } },
    { hook: "gaussianMonteCarlo", want: { mu: 1 } },
    { hook: "lastOrders", want: { activation: "relu" } },
  ],
  forbidden: /NaN|undefined|Cannot read/,
  cases: [
    ...monteCarloCases("dropout-monte-carlo", "keep probability p", 0.7),
    ...monteCarloCases("gaussian-monte-carlo", "noise mean μ", 0.5),
    {
      section: "activation-orders",
      move: ["activation", "sigmoid"],
      status: /^Stopped before the two orders were compared; move a control to run again\.$/,
      // The section is "done" a frame before the cell under it redraws (it reads the run's last
      // value after the status is written), so the note is waited for, not read at once.
      check: async (page) => {
        await page.waitForFunction(
          () =>
            document.querySelector('[data-live-section="activation-orders"]')?.textContent
              ?.includes("Stopped: no comparison drawn."),
          undefined,
          { timeout: 10_000 },
        );
      },
    },
  ],
  after: async (page) => {
    await setControl(page, "activation", "ReLU");
    const again = await waitForHook<{ nonZero: number }>(page, "lastOrders", {
      activation: "relu",
    });
    assert.equal(again.nonZero, 0);
  },
};
