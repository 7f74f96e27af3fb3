/**
 * What each page's live sections produce, per page, for backends.test.ts: which numbers on the
 * page's test hooks (`globalThis.__explorables`) must equal the CPU backend's within a float32
 * bound, which measured gaps to a Float64 reference must stay under a float32 bound on every
 * backend, and which trainings must learn. A new page with live sections adds an entry (the test
 * fails for a page without one).
 *
 * Paths are dotted, `*` standing for every key or element (`runs.*.test.noise`); every number
 * below a path is compared, arrays and objects flattened in order.
 */
export interface SameAsCpu {
  hook: string;
  /** |x − cpu| ≤ abs + rel·|cpu|. */
  rel: number;
  abs?: number;
  /** Why this bound, when it is not a single float32 evaluation's. */
  note?: string;
}

export interface GapBound {
  /** A gap the page measures between tfjs and its Float64 (or exact) reference. */
  hook: string;
  max: number;
}

export interface Learns {
  hook: string;
  /** The least acceptable value (e.g. test accuracy well above 10 % chance). */
  min: number;
  note: string;
}

export interface BackendEntry {
  /** Query (without backend) that keeps the run short; the page's defaults when absent. */
  query?: string;
  same: SameAsCpu[];
  gaps: GapBound[];
  learns?: Learns[];
  note?: string;
}

/** One training run's end point after a few thousand float32 steps: rounding differs by backend. */
const training = "float32 rounding differs between backends and accumulates over the run";

export const backendTable: Record<string, BackendEntry> = {
  "/pages/dropout-toy": {
    same: [
      { hook: "lastRun.stepsDone", rel: 0 },
      { hook: "lastRun.estimate", rel: 1e-3, note: training },
    ],
    gaps: [],
  },
  "/pages/dropout-noise": {
    same: [
      { hook: "lastOrders.dropoutFirst", rel: 1e-5, abs: 1e-6 },
      { hook: "lastOrders.activationFirst", rel: 1e-5, abs: 1e-6 },
      { hook: "dropoutMonteCarlo.mean", rel: 1e-3 },
      { hook: "gaussianMonteCarlo.mean", rel: 1e-3 },
    ],
    // The page says the two orders agree exactly for ReLU, its default.
    gaps: [{ hook: "lastOrders.maxAbsDifference", max: 0 }],
  },
  "/pages/dropout-digits": {
    query: "epochs=2&n=100",
    same: [{
      hook: "lastDigits.runs.*.test",
      rel: 0,
      abs: 0.01,
      note: `two short trainings: ${training}; accuracies within 1 point`,
    }],
    gaps: [],
    learns: [{
      hook: "lastDigits.runs.*.test.honest",
      min: 0.5,
      note: "two epochs on 100 digits a class already read honest digits far above 10 % chance",
    }],
  },
  "/pages/double-descent": {
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
  },
  "/pages/initialisation": {
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
  },
  "/pages/residual": {
    same: [
      { hook: "lastBlock.auto", rel: 1e-5, abs: 1e-6 },
      { hook: "lastResidual.skip", rel: 1e-3 },
      { hook: "lastResidual.plain", rel: 1e-3 },
    ],
    gaps: [],
  },
  "/pages/normalisation": {
    same: [
      { hook: "lastBackward.dX", rel: 1e-4, abs: 1e-6 },
      { hook: "lastBackward.dGamma", rel: 1e-4, abs: 1e-6 },
      { hook: "lastBackward.dBeta", rel: 1e-4, abs: 1e-6 },
      { hook: "lastSurviving.rows", rel: 1e-3, abs: 1e-6 },
    ],
    gaps: [{ hook: "lastBackward.gap", max: 1e-5 }],
  },
  "/pages/normalisation-geometry": {
    same: [],
    gaps: [
      { hook: "bnTf.relativeGap", max: 1e-5 },
      { hook: "weightNormTf.gradError", max: 1e-5 },
      { hook: "weightNormTf.gammaError", max: 1e-5 },
    ],
  },
  "/pages/convolution": {
    same: [
      { hook: "lastFilterCheck.got", rel: 1e-6 },
      { hook: "lastTransposeCheck.got", rel: 1e-6 },
    ],
    gaps: [
      { hook: "lastFilterCheck.gap", max: 1e-5 },
      { hook: "lastTransposeCheck.gap", max: 1e-5 },
    ],
  },
  "/pages/cnn-training": {
    query: "epochs=1",
    same: [{ hook: "lastInside.maxActivation", rel: 1e-3 }],
    gaps: [],
    learns: [{
      hook: "lastCnnRun.testAccuracy",
      min: 0.3,
      note: "one epoch (the smallest setting) reaches about 70 % on cpu and wasm; chance is 10 %",
    }],
    note: "the CNN's own WebGPU test (cnnTraining.test.ts) holds the full training to its bands",
  },
  "/pages/momentum": {
    same: [],
    gaps: [
      { hook: "reference.gap", max: 1e-5 },
      { hook: "adam.gap", max: 1e-4 },
    ],
  },
  "/pages/rnn-gradients": {
    same: [{ hook: "brnnCheck.loss", rel: 1e-5 }],
    gaps: [
      { hook: "brnnCheck.tfGap.wf", max: 1e-5 },
      { hook: "brnnCheck.tfGap.ub", max: 1e-5 },
    ],
  },
};

/** Every number under `path` in `hooks`, flattened in order (`*`: every key or element). */
export function numbersAt(hooks: unknown, path: string): number[] {
  const walk = (value: unknown, keys: string[]): unknown[] => {
    if (keys.length === 0) return [value];
    if (value === null || typeof value !== "object") return [];
    const [key, ...rest] = keys;
    const children = key === "*" ? Object.values(value) : [(value as Record<string, unknown>)[key]];
    return children.flatMap((child) => walk(child, rest));
  };
  const flatten = (value: unknown): number[] =>
    typeof value === "number"
      ? [value]
      : value !== null && typeof value === "object"
      ? Object.values(value).flatMap(flatten)
      : [];
  return walk(hooks, path.split(".")).flatMap(flatten);
}

/** The largest |x − cpu| / (abs + rel·|cpu|): under 1 passes, for the report of margins. */
export function worstRatio(
  values: number[],
  cpu: number[],
  { rel, abs = 0 }: { rel: number; abs?: number },
): number {
  return Math.max(
    0,
    ...values.map((value, i) => {
      const gap = Math.abs(value - cpu[i]);
      return gap === 0 ? 0 : gap / (abs + rel * Math.abs(cpu[i]));
    }),
  );
}

/** Entries of `values` outside |x − cpu| ≤ abs + rel·|cpu|, as "index: value against cpu". */
export function mismatches(
  values: number[],
  cpu: number[],
  { rel, abs = 0 }: { rel: number; abs?: number },
): string[] {
  if (values.length !== cpu.length) return [`${values.length} numbers against cpu's ${cpu.length}`];
  return values.flatMap((value, i) =>
    Math.abs(value - cpu[i]) <= abs + rel * Math.abs(cpu[i])
      ? []
      : [`[${i}] ${value} against ${cpu[i]}`]
  );
}
