/**
 * The normalisation page's rows for the shared browser suites (its charts and leak moves, its
 * numbers compared across backends, its Stop cases), loaded by tests/browser/pageData.ts.
 */
import type { BackendEntry } from "../backendTable.ts";
import type { PageChecks } from "../pageChecks.ts";
import type { PageStopCases } from "../stopCases.ts";

export const checks: PageChecks = {
  charts: ["norm-axes", "example-change", "one-batch", "surviving-gradient", "bn-graph"],
  leak: {
    setup: [["batches per size", 100]],
    ready: [],
    moves: [
      ["batch size n", (i) => 1 + (i % 40)],
      ["change δ to examples 2 and 3", (i) => ((i % 30) / 10).toFixed(1)],
    ],
    final: [["batch size n", 12]],
    done: [{ hook: "lastSurviving", want: { batch: 12 } }],
  },
};

export const backends: BackendEntry = {
  same: [
    { hook: "lastBackward.dX", rel: 1e-4, abs: 1e-6 },
    { hook: "lastBackward.dGamma", rel: 1e-4, abs: 1e-6 },
    { hook: "lastBackward.dBeta", rel: 1e-4, abs: 1e-6 },
    { hook: "lastSurviving.rows", rel: 1e-3, abs: 1e-6 },
  ],
  gaps: [{ hook: "lastBackward.gap", max: 1e-5 }],
};

export const stopCases: PageStopCases | undefined = undefined;
