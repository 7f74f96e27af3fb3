/**
 * Every computation of the live worker's registry (src/compute/liveComputations.ts), run by its
 * name as a page runs it: through the worker's server (compute/liveWorker.ts's serveLive) on tfjs's
 * CPU backend, every message structured-cloned as postMessage clones it. Each case must end on the
 * frame its generator ends on when driven here (times aside), done, with no error and no tensor
 * left. So a frame that cannot cross to the page (a function, a class instance, a tensor) or a
 * name that points at the wrong generator fails here, in Deno. Cases are data: a new entry in the
 * registry adds its case below (the last test fails until it does).
 */
import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs-core";
import "@tensorflow/tfjs-backend-cpu";
import "@tensorflow/tfjs";
import { type LiveComputation, timeSliced } from "../../src/compute/liveRun.ts";
import { type LiveComputationName, liveComputations } from "../../src/compute/liveComputations.ts";
import { type FromWorker, serveLive, type ToWorker } from "../../src/compute/liveWorker.ts";
import { startBackend } from "../../src/compute/tfStart.ts";
import { networkLive, vanishingLive } from "../../src/compute/initialisation/liveNetwork.ts";
import { filterCheck, transposeCheck } from "../../src/compute/convolution/liveChecks.ts";
import { trainLive as dropoutToyTrainLive } from "../../src/compute/dropout-toy/liveTrain.ts";
import { liveJacobian } from "../../src/compute/rnn-gradients/liveJacobian.ts";
import { liveBrnnCheck } from "../../src/compute/rnn-gradients/liveBrnnCheck.ts";
import { ridgeTrialLive } from "../../src/compute/double-descent/liveTrial.ts";
import {
  activationOrders,
  dropoutMonteCarlo,
  gaussianMonteCarlo,
} from "../../src/compute/dropout-noise/liveChecks.ts";
import {
  liveAxes,
  liveBackward,
  liveSurviving,
} from "../../src/compute/normalisation/liveChecks.ts";
import { liveBlock } from "../../src/compute/residual/liveBlock.ts";
import { liveCheck } from "../../src/compute/residual/liveCheck.ts";
import { liveComparison } from "../../src/compute/residual/liveResidualTf.ts";
import { adamReference, momentumReference } from "../../src/compute/momentum/liveReference.ts";
import {
  liveBatchNormTf,
  liveWeightNormTf,
} from "../../src/compute/normalisation-geometry/liveChecks.ts";
import { PAGE_DEFAULTS } from "../../src/compute/rnn-gradients/examples.ts";
import { DEFAULT_BATCH } from "../../src/compute/normalisation/backwardExample.ts";

await tf.setBackend("cpu");

interface WorkerCase {
  name: LiveComputationName;
  /** The generator the name must run (imported from its module, not read from the registry). */
  // deno-lint-ignore no-explicit-any
  generator: LiveComputation<any, any>;
  settings: unknown;
  /** What else the last frame must show. */
  check?: (last: Record<string, unknown>) => void;
}

const cases: WorkerCase[] = [
  {
    name: "convolution/filter-check",
    generator: filterCheck,
    settings: { signal: [1, 2, 3, 4, 5], output: [1, 2, 3] },
  },
  {
    name: "convolution/transpose-check",
    generator: transposeCheck,
    settings: { stride: 2, padding: 1 },
  },
  {
    name: "double-descent/trial",
    generator: ridgeTrialLive,
    settings: { ntrain: 40, d: 6, seed: 3, nVal: 20, nTest: 10 },
  },
  {
    name: "dropout-noise/dropout-monte-carlo",
    generator: dropoutMonteCarlo,
    settings: { n: 30, d: 4, noise: 0.5, seed: 5, draws: 3000, p: 0.7, masks: "inverted" },
  },
  {
    name: "dropout-noise/gaussian-monte-carlo",
    generator: gaussianMonteCarlo,
    settings: { n: 30, d: 4, noise: 0.5, seed: 5, draws: 3000, mu: 0.5, sigma: 1.2 },
  },
  {
    name: "dropout-noise/activation-orders",
    generator: activationOrders,
    settings: { seed: 2, rate: 0.4, activation: "sigmoid" },
  },
  {
    name: "dropout-toy/train",
    generator: dropoutToyTrainLive,
    settings: {
      rate: 0.5,
      batchSize: 16,
      learningRate: 0.01,
      steps: 200,
      optimizer: "sgd",
      seed: 1,
    },
  },
  {
    name: "initialisation/network",
    generator: networkLive,
    settings: { depth: 4, width: 16, sigma: 1, batch: 8, seed: 1, activation: "relu" },
  },
  {
    name: "initialisation/vanishing",
    generator: vanishingLive,
    settings: { depth: 4, width: 16, sigma: 1, batch: 8, seed: 1 },
  },
  {
    name: "momentum/reference",
    generator: momentumReference,
    settings: {
      surface: "noisy",
      kappa: 50,
      noise: 0.3,
      seed: 1,
      beta: 0.9,
      step: 1,
      steps: 100,
      x0: -1.8,
      y0: 2.5,
    },
  },
  {
    name: "momentum/adam",
    generator: adamReference,
    settings: { beta1: 0.9, beta2: 0.999, eta: 0.2 },
  },
  {
    name: "normalisation-geometry/batch-norm",
    generator: liveBatchNormTf,
    settings: { mean: 1.5, variance: 0.16, beta: 3, gamma: 1, batch: 256, seed: 1 },
  },
  {
    name: "normalisation-geometry/weight-norm",
    generator: liveWeightNormTf,
    settings: { uLength: 0.5, uAngle: -160, wGamma: 1, eta: 0.3, steps: 30 },
  },
  { name: "normalisation/axes", generator: liveAxes, settings: { seed: 1, delta: 1, groups: 2 } },
  {
    name: "normalisation/surviving",
    generator: liveSurviving,
    settings: { batch: 8, gamma: 1.5, draws: 50, seed: 7 },
  },
  {
    name: "normalisation/backward",
    generator: liveBackward,
    settings: { x: DEFAULT_BATCH.map((row) => [...row]), epsilon: 1e-3, fdStep: 1e-5 },
  },
  {
    name: "normalisation/backward",
    generator: liveBackward,
    settings: { x: null, epsilon: 1e-3, fdStep: 1e-5 },
  },
  {
    name: "residual/block",
    generator: liveBlock,
    settings: { x1: 1, x2: 2, bseed: 77, bscale: 1 },
  },
  { name: "residual/check", generator: liveCheck, settings: { activation: "sigmoid", seed: 1 } },
  {
    name: "residual/network",
    generator: liveComparison,
    settings: {
      depth: 8,
      width: 16,
      activation: "sigmoid",
      sigma: 1,
      seed: 1,
      change: "zero",
      layer: 4,
    },
    // The status line says the network's longest slice of layers, not the time between frames.
    check: (last) => {
      const { longestSliceMs, elapsedMs } = last as { longestSliceMs: number; elapsedMs: number };
      assert.ok(longestSliceMs > 0 && longestSliceMs <= elapsedMs);
    },
  },
  {
    name: "rnn-gradients/jacobian",
    generator: liveJacobian,
    settings: { ...PAGE_DEFAULTS, units: 16, steps: 60 },
  },
  { name: "rnn-gradients/brnn-check", generator: liveBrnnCheck, settings: { seed: 1, steps: 4 } },
];

/**
 * Entries whose runs need a page's loaded files (the digit file, a trained network): the pages'
 * browser tests run them in the real worker on every backend (tests/browser/backends.test.ts).
 */
const runOnlyInBrowser: LiveComputationName[] = [
  "cnn-training/train",
  "cnn-training/inside",
  "dropout-digits/train",
];

/** The frames a page would receive for one run of `name` on `settings`, or the run's error. */
async function framesInWorker(
  name: keyof typeof liveComputations,
  settings: unknown,
): Promise<{ frames: Record<string, unknown>[]; error?: string; numTensors: number }> {
  const frames: Record<string, unknown>[] = [];
  let error: string | undefined;
  let toWorker: (event: { data: ToWorker }) => void = () => {};
  let numTensors = NaN;
  const ended = new Promise<void>((resolve) => {
    const port = {
      postMessage(message: FromWorker) {
        const copy = structuredClone(message);
        if (copy.type === "frame") frames.push(copy.frame);
        else if (copy.type === "error") error = copy.message;
        else if (copy.type === "end") {
          numTensors = copy.numTensors;
          resolve();
        }
      },
      addEventListener: (_type: "message", listener: typeof toWorker) => toWorker = listener,
    };
    serveLive(port, liveComputations, async () => ({
      tf,
      ...(await startBackend(tf, { forced: "cpu", wasmPaths: {} })),
    }));
  });
  toWorker({ data: { type: "start", forced: "cpu", wasmPaths: {} } });
  toWorker({ data: { type: "run", id: 1, name, settings, sliceMs: 0 } });
  await ended;
  return { frames, error, numTensors };
}

/**
 * A frame without its times, which differ from run to run: every field named `…Ms` (elapsedMs,
 * longestSliceMs, busyMs, …), `timings` and `longestSliceWhat` (which slice took longest), at
 * any depth.
 */
function timeless(frame: unknown): unknown {
  return JSON.parse(
    JSON.stringify(
      frame,
      (key, value) => /Ms$|^timings$|^longestSliceWhat$/.test(key) ? undefined : value,
    ),
  );
}

/** The generator's own last frame, driven here. */
async function ownLastFrame(run: WorkerCase["generator"], settings: unknown) {
  const signal = new AbortController().signal;
  let last: unknown;
  for await (const frame of timeSliced(run(settings, { tf, signal }), { signal, sliceMs: 0 })) {
    last = frame;
  }
  return last!;
}

for (const { name, generator, settings, check } of cases) {
  Deno.test(`liveComputations["${name}"](${JSON.stringify(settings).slice(0, 60)}) in the worker's server: its generator's last frame, cloned, done, with no tensor left`, async () => {
    const before = tf.memory().numTensors;
    const { frames, error, numTensors } = await framesInWorker(name, settings);
    assert.equal(error, undefined);
    assert.equal(numTensors, before, "tensors left in the worker");
    const last = frames.at(-1)!;
    assert.equal(last.done, true);
    assert.deepEqual(timeless(last), timeless(await ownLastFrame(generator, settings)));
    check?.(last);
  });
}

Deno.test("every entry of the live worker's registry has a case here, or runs only in the browser", () => {
  const covered = new Set([...cases.map((c) => c.name), ...runOnlyInBrowser]);
  assert.deepEqual(Object.keys(liveComputations).filter((name) => !covered.has(name as never)), []);
});
