/**
 * The rnn-gradients page's rows for the shared browser suites (its charts and leak moves, its
 * numbers compared across backends, its Stop cases), loaded by tests/browser/pageData.ts.
 */
import type { BackendEntry } from "../backendTable.ts";
import { half, type PageChecks } from "../pageChecks.ts";
import type { PageStopCases } from "../stopCases.ts";

export const checks: PageChecks = {
  charts: ["jacobian-norm", "state-slopes", "three-fates", "brnn-gradient-check"],
  leak: {
    setup: [],
    ready: [],
    moves: [
      ["BRNN seed", (i) => half(i) % 100],
      ["sequence length", (i) => 1 + (half(i) % 8)],
    ],
    final: [["BRNN seed", 5], ["sequence length", 4]],
    done: [{ hook: "brnnCheck", want: { seed: 5, steps: 4 } }],
  },
};

export const backends: BackendEntry = {
  same: [{ hook: "brnnCheck.loss", rel: 1e-5 }],
  gaps: [
    { hook: "brnnCheck.tfGap.wf", max: 1e-5 },
    { hook: "brnnCheck.tfGap.ub", max: 1e-5 },
  ],
};

export const stopCases: PageStopCases | undefined = undefined;
