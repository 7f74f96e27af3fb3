/**
 * The dropout-noise page's live computations as the page runs them (through timeSliced): the
 * Monte-Carlo runs equal monteCarloMean on the same stream, with the closed form as `exact`, and
 * the order check equals compareOrdersTf on tfjs's CPU backend.
 */
import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs-core";
import "@tensorflow/tfjs-backend-cpu";
import { type Frame, type LiveStep, timeSliced } from "../../../src/compute/liveRun.ts";
import {
  activationOrders,
  dropoutMonteCarlo,
  gaussianMonteCarlo,
} from "../../../src/compute/dropout-noise/liveChecks.ts";
import { generateRegression, problemStreams } from "../../../src/compute/regression.ts";
import { lossSampler, monteCarloMean } from "../../../src/compute/monteCarlo.ts";
import {
  dropoutExpectedLoss,
  gaussianNoiseExpectedLoss,
  invertedDropoutExpectedLoss,
} from "../../../src/compute/tikhonov.ts";
import { compareOrders, randomLayer } from "../../../src/compute/dropout-noise/activation.ts";
import { compareOrdersTf } from "../../../src/compute/dropout-noise/activationTf.ts";

await tf.setBackend("cpu");

const problemSettings = { n: 30, d: 4, noise: 0.5, seed: 5, draws: 3000 };
const problem = generateRegression(problemSettings);

async function lastFrame<F>(steps: Iterable<LiveStep<F>>) {
  let last: Frame<F> | undefined;
  for await (const frame of timeSliced(steps, { sliceMs: 0 })) last = frame;
  return last!;
}

Deno.test("dropoutMonteCarlo(settings): monteCarloMean on mask stream 0 (plain) or 1 (inverted), exact from the closed form", async () => {
  for (
    const [masks, stream, expected] of [
      ["plain", 0, dropoutExpectedLoss],
      ["inverted", 1, invertedDropoutExpectedLoss],
    ] as const
  ) {
    const last = await lastFrame(dropoutMonteCarlo({ ...problemSettings, p: 0.7, masks }));
    const model = { kind: "bernoulli", keep: 0.7, inverted: masks === "inverted" } as const;
    const sampler = lossSampler(problem, problem.wTrue, model, problemStreams(5).masks(stream));
    const direct = monteCarloMean(sampler, 3000);
    assert.equal(last.done, true);
    assert.equal(last.count, 3000);
    assert.equal(last.mean, direct.mean);
    assert.equal(last.standardError, direct.standardError);
    assert.equal(last.exact, expected(problem, problem.wTrue, 0.7).total);
    assert.equal(last.checkpoints.at(-1)!.count, 3000);
  }
});

Deno.test("gaussianMonteCarlo(settings): monteCarloMean on stream 2, within 4 standard errors of its exact value", async () => {
  const last = await lastFrame(gaussianMonteCarlo({ ...problemSettings, mu: 1, sigma: 0.5 }));
  const model = { kind: "gaussian", mean: 1, sd: 0.5 } as const;
  const sampler = lossSampler(problem, problem.wTrue, model, problemStreams(5).masks(2));
  assert.equal(last.mean, monteCarloMean(sampler, 3000).mean);
  assert.equal(last.exact, gaussianNoiseExpectedLoss(problem, problem.wTrue, 1, 0.5).total);
  assert.ok(Math.abs(last.mean - last.exact) < 4 * last.standardError);
});

Deno.test("activationOrders(settings, env): one done step with compareOrdersTf's numbers and the Float64 reference", async () => {
  const before = tf.memory().numTensors;
  const settings = { seed: 3, rate: 0.4, activation: "sigmoid" as const };
  const signal = new AbortController().signal;
  const frames = [];
  for await (const frame of timeSliced(activationOrders(settings, { tf, signal }), { signal })) {
    frames.push(frame);
  }
  assert.equal(frames.length, 1);
  const [frame] = frames;
  const layer = randomLayer(3, 0.4);
  const direct = await compareOrdersTf(tf, layer, "sigmoid");
  const float64 = compareOrders(layer, "sigmoid");
  assert.equal(frame.done, true);
  assert.deepEqual(frame.difference, Array.from(direct.difference));
  assert.deepEqual(frame.dropoutFirst, Array.from(direct.dropoutFirst));
  assert.deepEqual(frame.kept, Array.from(layer.keep, (m) => m === 1));
  assert.equal(frame.units, layer.keep.length);
  assert.equal(frame.nonZero, direct.nonZero);
  assert.deepEqual(frame.reference, {
    nonZero: float64.nonZero,
    maxAbsDifference: float64.maxAbsDifference,
  });
  assert.equal(tf.memory().numTensors, before);
});
