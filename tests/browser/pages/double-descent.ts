/**
 * The double-descent page's rows for the shared browser suites (its charts and leak moves, its
 * numbers compared across backends, its Stop cases), loaded by tests/browser/pageData.ts.
 */
import type { BackendEntry } from "../backendTable.ts";
import type { PageChecks } from "../pageChecks.ts";
import type { PageStopCases } from "../stopCases.ts";

export const checks: PageChecks = { charts: [] };

export const backends: BackendEntry = {
  same: [
    { hook: "lastLive.curve.p", rel: 0 },
    {
      hook: "lastLive.curve.trainError",
      rel: 1e-3,
      note: "float32 products, then Float64 factorisations that amplify their rounding near " +
        "p = N (measured: at most 2.7e-4 relative)",
    },
    { hook: "lastLive.curve.testError", rel: 1e-3, note: "as trainError" },
    { hook: "lastLive.curve.valError", rel: 1e-3, note: "as trainError" },
  ],
  gaps: [],
};

export const stopCases: PageStopCases | undefined = undefined;
