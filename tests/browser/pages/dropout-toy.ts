/**
 * The dropout-toy page's rows for the shared browser suites (its charts and leak moves, its numbers
 * compared across backends, its Stop cases), loaded by tests/browser/pageData.ts.
 */
import { type BackendEntry, training } from "../backendTable.ts";
import type { PageChecks } from "../pageChecks.ts";
import type { PageStopCases } from "../stopCases.ts";

export const checks: PageChecks = {
  charts: ["weight-path", "loss", "contributions", "sweep"],
  leak: {
    setup: [["steps", 300], ["drop rate r", 0.5]],
    ready: [{ hook: "lastRun", want: { steps: 300, rate: 0.5 } }],
    moves: [["drop rate r", (i) => ((i % 90) / 100).toFixed(2)]],
    final: [["drop rate r", 0.33]],
    done: [{ hook: "lastRun", want: { rate: 0.33, steps: 300 } }],
  },
};

export const backends: BackendEntry = {
  same: [
    { hook: "lastRun.stepsDone", rel: 0 },
    { hook: "lastRun.estimate", rel: 1e-3, note: training },
  ],
  gaps: [],
};

export const stopCases: PageStopCases | undefined = undefined;
