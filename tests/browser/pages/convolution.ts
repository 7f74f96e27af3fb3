/**
 * The convolution page's rows for the shared browser suites (its charts and leak moves, its numbers
 * compared across backends, its Stop cases), loaded by tests/browser/pageData.ts.
 */
import type { BackendEntry } from "../backendTable.ts";
import { own, type PageChecks } from "../pageChecks.ts";
import type { PageStopCases } from "../stopCases.ts";

export const checks: PageChecks = {
  charts: [
    "sliding-filter",
    "transposed-1d",
    "transposed-2d",
    "calculator",
    "group-blocks",
    "blocks",
  ],
  leak: {
    setup: [["signal x₁", 1]],
    ready: [{ hook: "lastFilterCheck", want: { signal: [1, 4, 0, -2, 3] }, match: own }],
    moves: [
      ["2-D stride", (i) => 1 + (i % 3)],
      ["signal x₁", (i) => ((i % 40) - 20) / 4],
    ],
    final: [["signal x₁", 2.5], ["2-D stride", 2]],
    done: [
      { hook: "lastFilterCheck", want: { signal: [2.5, 4, 0, -2, 3] }, match: own },
      { hook: "lastTransposeCheck", want: { stride: 2 }, match: own },
    ],
  },
};

export const backends: BackendEntry = {
  same: [
    { hook: "lastFilterCheck.got", rel: 1e-6 },
    { hook: "lastTransposeCheck.got", rel: 1e-6 },
  ],
  gaps: [
    { hook: "lastFilterCheck.gap", max: 1e-5 },
    { hook: "lastTransposeCheck.gap", max: 1e-5 },
  ],
};

export const stopCases: PageStopCases | undefined = undefined;
