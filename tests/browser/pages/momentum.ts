/**
 * The momentum page's rows for the shared browser suites (its charts and leak moves, its numbers
 * compared across backends, its Stop cases), loaded by tests/browser/pageData.ts.
 */
import type { BackendEntry } from "../backendTable.ts";
import { half, type PageChecks } from "../pageChecks.ts";
import assert from "node:assert/strict";
import { waitForHook } from "../harness.ts";
import { countIn, type PageStopCases } from "../stopCases.ts";

export const checks: PageChecks = {
  charts: [
    "trajectory",
    "distance",
    "rate",
    "race",
    "race-loss",
    "bias",
    "adam-paths",
    "adam-steps",
  ],
  leak: {
    setup: [],
    ready: [],
    moves: [
      ["momentum β", (i) => ((half(i) % 90) / 100).toFixed(2)],
      ["Adam β₁", (i) => ((half(i) % 90) / 100).toFixed(2)],
    ],
    final: [["momentum β", 0.33], ["Adam β₁", 0.33]],
    done: [
      { hook: "reference", want: { beta: 0.33 } },
      { hook: "adam", want: { beta1: 0.33 } },
    ],
  },
};

export const backends: BackendEntry = {
  same: [],
  gaps: [
    { hook: "reference.gap", max: 1e-5 },
    { hook: "adam.gap", max: 1e-4 },
  ],
};

/** tfjs runs momentum in float32 and stays within 3e-6 of our Float64 path (1.1e-5 for Adam). */
export const MOMENTUM_FLOAT32_PATH = 5e-5;

export const stopCases: PageStopCases = {
  what: "both live sections part-way and at their start leave the partial tfjs path and a " +
    "'Stopped' status",
  query: "?steps=500",
  ready: [
    { hook: "reference", want: { steps: 500, beta: 0.9 } },
    { hook: "adam", want: {} },
  ],
  forbidden: /NaN|undefined|Cannot read|error/i,
  cases: [
    {
      section: "reference",
      partway: "^tfjs: \\d+ of 500 steps",
      move: ["momentum β", 0.8],
      status: /^Stopped after (\d+) of 500 tfjs steps\.$/,
      chart: "trajectory",
      check: async (page, stopped) => {
        const done = countIn(stopped.status);
        assert.ok(done >= 10 && done < 500, stopped.status);
        const hook = await waitForHook<{ stepsDone: number; gap: number }>(
          page,
          "reference",
          { beta: 0.8 },
        );
        assert.equal(hook.stepsDone, done);
        assert.ok(hook.gap < MOMENTUM_FLOAT32_PATH, `${hook.gap}`);
      },
    },
    {
      section: "reference",
      move: ["momentum β", 0.7],
      status: /^Stopped after \d+ of 500 tfjs steps\.$/,
    },
    {
      section: "adam",
      partway: "^tf\\.train\\.adam: \\d+ of",
      move: ["Adam step η", 0.04],
      status: /^Stopped after \d+ of \d+ tfjs steps\.$/,
    },
    {
      section: "adam",
      move: ["Adam step η", 0.03],
      status: /^Stopped after \d+ of \d+ tfjs steps\.$/,
      chart: "adam-paths",
    },
  ],
};
