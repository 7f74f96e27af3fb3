/**
 * The residual page's rows for the shared browser suites (its charts and leak moves, its numbers
 * compared across backends, its Stop cases), loaded by tests/browser/pageData.ts.
 */
import type { BackendEntry } from "../backendTable.ts";
import { type PageChecks, params } from "../pageChecks.ts";
import type { PageStopCases } from "../stopCases.ts";

export const checks: PageChecks = {
  charts: ["slopes", "block-cases", "gradient-to-layer", "gradient-for-weights"],
  leak: {
    setup: [["depth L", 4], ["width m", 4]],
    ready: [{ hook: "lastResidual", want: { depth: 4, width: 4 }, match: params }],
    moves: [
      ["depth L", (i) => 3 + (i % 4)],
      ["σ (weight std × √m)", (i) => 0.5 + (i % 7) / 10],
      ["x₁, first entry of X₀", (i) => -1 + (i % 9) / 4],
      ["layer j", (i) => 2 + (i % 5)],
    ],
    final: [["depth L", 5]],
    done: [{ hook: "lastResidual", want: { depth: 5 }, match: params }],
  },
};

export const backends: BackendEntry = {
  same: [
    { hook: "lastBlock.auto", rel: 1e-5, abs: 1e-6 },
    { hook: "lastResidual.skip", rel: 1e-3 },
    { hook: "lastResidual.plain", rel: 1e-3 },
  ],
  gaps: [],
};

export const stopCases: PageStopCases | undefined = undefined;
