/**
 * The normalisation-geometry page's rows for the shared browser suites (its charts and leak moves,
 * its numbers compared across backends, its Stop cases), loaded by tests/browser/pageData.ts.
 */
import type { BackendEntry } from "../backendTable.ts";
import { half, type PageChecks } from "../pageChecks.ts";
import type { PageStopCases } from "../stopCases.ts";

export const checks: PageChecks = {
  charts: [
    "bn-1d",
    "batch-noise",
    "bn-2d",
    "whitening",
    "weight-norm",
    "u-length",
    "effective-step",
  ],
  leak: {
    setup: [],
    ready: [],
    moves: [
      ["length ‖u₀‖", (i) => (0.2 + 0.05 * (half(i) % 40)).toFixed(2)],
      ["shift β", (i) => (-2 + 0.1 * (half(i) % 40)).toFixed(1)],
    ],
    final: [["length ‖u₀‖", 2], ["step size η", 0.5], ["shift β", 1]],
    done: [
      { hook: "weightNorm", want: { uLength: 2, eta: 0.5 } },
      { hook: "weightNormTf", want: { uLength: 2, eta: 0.5 } },
      { hook: "bnTf", want: { beta: 1 } },
    ],
  },
};

export const backends: BackendEntry = {
  same: [],
  gaps: [
    { hook: "bnTf.relativeGap", max: 1e-5 },
    { hook: "weightNormTf.gradError", max: 1e-5 },
    { hook: "weightNormTf.gammaError", max: 1e-5 },
  ],
};

export const stopCases: PageStopCases | undefined = undefined;
