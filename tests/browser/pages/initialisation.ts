/**
 * The initialisation page's rows for the shared browser suites (its charts and leak moves, its
 * numbers compared across backends, its Stop cases), loaded by tests/browser/pageData.ts.
 */
import type { BackendEntry } from "../backendTable.ts";
import { type PageChecks, params } from "../pageChecks.ts";
import type { PageStopCases } from "../stopCases.ts";

export const checks: PageChecks = {
  charts: [
    "pytorch-recursion",
    "forward-variance",
    "backward-gradient",
    "live-variance",
    "live-gradient",
    "histograms",
    "slopes",
    "slope-product",
    "first-layer-gradient",
    "live-first-layer-gradient",
  ],
  leak: {
    setup: [["depth L", 3], ["width d", 16], ["batch size", 8]],
    ready: [{ hook: "lastDepth", want: { depth: 3, width: 16, batch: 8 }, match: params }],
    moves: [
      ["depth L", (i) => 1 + (i % 4)],
      ["σ (weight std × √d)", (i) => 1 + (i % 7) / 10],
    ],
    final: [["depth L", 5]],
    done: [{ hook: "lastDepth", want: { depth: 5 }, match: params }],
  },
};

export const backends: BackendEntry = {
  // At the defaults (30 layers of 128, batch 64) the software WebGPU adapter had not finished
  // after 300 s (WebGL 48 s, cpu 9 s): a smaller network keeps every backend under a minute.
  query: "depth=10&width=32&batch=16",
  note: "smaller network than the defaults; the defaults on WebGPU are the page's own concern",
  same: [
    { hook: "lastDepth.pre", rel: 1e-3 },
    { hook: "lastDepth.slope", rel: 1e-3 },
    { hook: "lastDepth.inputGrad", rel: 1e-3 },
    { hook: "lastDepth.grad", rel: 1e-3 },
    { hook: "lastVanishing.sigmoid", rel: 1e-3 },
    { hook: "lastVanishing.relu", rel: 1e-3 },
  ],
  gaps: [],
};

export const stopCases: PageStopCases | undefined = undefined;
