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

/**
 * Float32 agreement with the CPU backend: each backend sums a few thousand float32 products in
 * its own order, which moves a loss by a few roundings (measured: at most 2e-7 relative, WebGL,
 * for the first batch and for epoch 1's mean over 20 steps); 1e-5 allows about 80 roundings
 * (float32's is 6e-8), and a 2 % error is 2,000 times larger. An accuracy may move by one digit
 * of 500 where two logits nearly tie.
 */
const lossRelative = 1e-5;
const oneDigit = 1 / 500;

export const backends: BackendEntry = {
  query: "epochs=1",
  same: [
    { hook: "lastCnnRun.firstStepLoss", rel: lossRelative },
    { hook: "lastCnnRun.history.*.loss", rel: lossRelative },
    { hook: "lastCnnRun.history.*.trainAccuracy", rel: 0, abs: oneDigit },
    { hook: "lastCnnRun.history.*.validationAccuracy", rel: 0, abs: oneDigit },
    { hook: "lastInside.maxActivation", rel: 1e-3 },
  ],
  gaps: [],
  learns: [
    {
      hook: "lastCnnRun.history.1.validationAccuracy",
      min: 0.5,
      note: "one epoch (the smallest setting) reaches about 70 % on cpu and wasm; chance is 10 %",
    },
    { hook: "lastCnnRun.testAccuracy", min: 0.5, note: "as the validation accuracy" },
  ],
  note: "the CNN's own WebGPU test (cnnTraining.test.ts) holds the full training to its bands; " +
    "the page's CPU run equals the loader's seed-1 run (cnn-training.test.ts)",
};

export const stopCases: PageStopCases | undefined = undefined;
