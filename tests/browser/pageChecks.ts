/**
 * What the shared page checks (quality.test.ts) need to know of each page beyond the manifest:
 * the charts it must draw, and how to move its controls for the tensor-leak check. Keyed by the
 * manifest's slug; site.test.ts-style completeness is asserted in quality.test.ts.
 *
 * The manifest (src/site.ts) could carry both as fields of SitePage (`charts` and `leakMoves`);
 * they live here while the manifest belongs to another change.
 */
import type { HookMatch } from "./harness.ts";

/** A hook to wait for: `globalThis.__explorables[hook]` with values matching `want`. */
export interface HookWait {
  hook: string;
  want: Record<string, unknown>;
  match?: HookMatch;
}

/**
 * The 200 control moves after which the page's TensorFlow.js tensor count must be back at its
 * baseline (each move restarts a live run, which must dispose of everything it made).
 */
export interface LeakMoves {
  /** Controls set first, to the small runs the page's own tests use (a label and a value). */
  setup: [string, string | number][];
  /** Finished results to wait for before the baseline is read. */
  ready: HookWait[];
  /** Move i sets `moves[i % moves.length]` to its value for i. */
  moves: [string, (i: number) => string | number][];
  /** The last moves, whose finished results `done` waits for before the count is read again. */
  final: [string, string | number][];
  done: HookWait[];
}

export interface PageChecks {
  /** `data-chart` names the page draws once every live section is done. */
  charts: string[];
  /** Absent for a page without TensorFlow.js. */
  leak?: LeakMoves;
}

/** Settings sit under `params` on these hooks. */
const params: HookMatch = { field: "params", timeout: 120_000 };
/** Fields sit on the hook itself. */
const own: HookMatch = { field: "" };
/** Every second move: the two controls alternate, each stepping through its values. */
const half = (i: number) => Math.floor(i / 2);

export const pageChecks: Record<string, PageChecks> = {
  "dropout-toy": {
    charts: ["weight-path", "loss", "contributions", "sweep"],
    leak: {
      setup: [["steps", 300], ["drop rate r", 0.5]],
      ready: [{ hook: "lastRun", want: { steps: 300, rate: 0.5 } }],
      moves: [["drop rate r", (i) => ((i % 90) / 100).toFixed(2)]],
      final: [["drop rate r", 0.33]],
      done: [{ hook: "lastRun", want: { rate: 0.33, steps: 300 } }],
    },
  },
  "double-descent": { charts: [] },
  "dropout-noise": {
    charts: [
      "dropout-monte-carlo",
      "coefficients",
      "dropout-path",
      "ridge-path",
      "column-norms",
      "noise-sweep",
      "ridge-grid",
      "gaussian-monte-carlo",
      "order-difference",
      "sigmoid-counterexample",
    ],
    leak: {
      setup: [["Monte Carlo draws", 1000], ["activation", "ReLU"], ["drop rate r", 0.4]],
      ready: [{ hook: "lastOrders", want: { activation: "relu", rate: 0.4 } }],
      moves: [["drop rate r", (i) => ((i % 18) * 0.05).toFixed(2)]],
      final: [["drop rate r", 0.25]],
      done: [{ hook: "lastOrders", want: { rate: 0.25 } }],
    },
  },
  "dropout-digits": {
    charts: ["digit-strip", "digit-curves", "digit-test", "digit-live-curves"],
    leak: {
      setup: [["epochs", 1], ["training digits per class", 20]],
      ready: [{
        hook: "lastDigits",
        want: { epochs: 1, perClass: 20 },
        match: { timeout: 90_000 },
      }],
      moves: [["keep probability, inputs", (i) => (0.05 * (1 + (i % 19))).toFixed(2)]],
      final: [["keep probability, inputs", 0.35]],
      done: [{
        hook: "lastDigits",
        want: { keepInput: 0.35, epochs: 1, perClass: 20 },
        match: { timeout: 90_000 },
      }],
    },
  },
  initialisation: {
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
  },
  residual: {
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
  },
  normalisation: {
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
  },
  "normalisation-geometry": {
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
  },
  convolution: {
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
  },
  "cnn-training": {
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
  },
  momentum: {
    charts: [
      "trajectory",
      "distance",
      "rate",
      "race",
      "race-loss",
      "bias",
      "adam-paths",
      "adam-steps",
    ],
    leak: {
      setup: [],
      ready: [],
      moves: [
        ["momentum β", (i) => ((half(i) % 90) / 100).toFixed(2)],
        ["Adam β₁", (i) => ((half(i) % 90) / 100).toFixed(2)],
      ],
      final: [["momentum β", 0.33], ["Adam β₁", 0.33]],
      done: [
        { hook: "reference", want: { beta: 0.33 } },
        { hook: "adam", want: { beta1: 0.33 } },
      ],
    },
  },
  "rnn-gradients": {
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
  },
};
