/**
 * The cnn-training page's rows for the shared browser suites (its charts and leak moves, its
 * numbers compared across backends, its Stop cases), loaded by tests/browser/pageData.ts.
 */
import type { BackendEntry } from "../backendTable.ts";
import type { PageChecks } from "../pageChecks.ts";
import type { PageStopCases } from "../stopCases.ts";

export const checks: PageChecks = {
  shortRun: "epochs=1",
  charts: [
    "precomputed-validation",
    "precomputed-gap",
    "live-accuracy",
    "filters",
    "feature-maps",
    "test-digit",
    "prediction",
  ],
  leak: {
    setup: [["epochs", 1]],
    ready: [{
      hook: "lastCnnRun",
      want: { epochs: 1 },
      match: { section: "train", timeout: 90_000 },
    }],
    moves: [["drop rate r", (i) => (0.05 + 0.05 * (i % 15)).toFixed(2)]],
    final: [["drop rate r", 0.3]],
    done: [{
      hook: "lastCnnRun",
      want: { dropRate: 0.3, epochs: 1 },
      match: { section: "train", timeout: 90_000 },
    }],
  },
};

export const backends: BackendEntry = {
  query: "epochs=1",
  same: [{ hook: "lastInside.maxActivation", rel: 1e-3 }],
  gaps: [],
  learns: [{
    hook: "lastCnnRun.testAccuracy",
    min: 0.3,
    note: "one epoch (the smallest setting) reaches about 70 % on cpu and wasm; chance is 10 %",
  }],
  note: "the CNN's own WebGPU test (cnnTraining.test.ts) holds the full training to its bands",
};

export const stopCases: PageStopCases | undefined = undefined;
