import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs-core";
import "@tensorflow/tfjs-backend-cpu";
// tfjs-core ships no gradient definitions; the full bundle registers them (in the global
// registry that tfjs-core reads), exactly as on the page.
import "@tensorflow/tfjs";
import {
  expectedLossMinimiser,
  maxStableLearningRate,
} from "../../../src/compute/dropout-toy/dropoutToy.ts";
import {
  type DropoutTrainOptions,
  trainDropout,
} from "../../../src/compute/dropout-toy/dropoutTrain.ts";
import {
  type DropoutTfRunOptions,
  trainDropoutTf,
} from "../../../src/compute/dropout-toy/dropoutTrainTf.ts";

await tf.setBackend("cpu");

/** Runs trainDropoutTf to the end and concatenates its chunks. */
async function collectDropoutTf(opts: DropoutTrainOptions, run: DropoutTfRunOptions = {}) {
  const w1: number[] = [];
  const w2: number[] = [];
  const losses: number[] = [];
  let diverged = false;
  for await (const chunk of trainDropoutTf(tf, opts, run)) {
    losses.push(...chunk.losses);
    w1.push(...chunk.w1);
    w2.push(...chunk.w2);
    diverged ||= chunk.diverged;
  }
  return {
    losses: Float32Array.from(losses),
    w1: Float32Array.from(w1),
    w2: Float32Array.from(w2),
    diverged,
  };
}

const tailMean = (w: Float32Array) => {
  const k = Math.ceil(w.length / 4);
  let s = 0;
  for (let i = w.length - k; i < w.length; i++) s += w[i];
  return s / k;
};

const sgd: DropoutTrainOptions = {
  rate: 0.5,
  batchSize: 64,
  learningRate: 0.004,
  steps: 3000,
  optimizer: "sgd",
  seed: 7,
};
const adam: DropoutTrainOptions = { ...sgd, optimizer: "adam", learningRate: 0.01 };

/**
 * Both trainers read the same createRng(seed) stream in the same order (two uniforms per mask,
 * feature 1 first, masks in step order), so they see identical masks: the only difference
 * between them is float32 arithmetic in tfjs against Float64. Over 3000 steps that moved the tail
 * means and the last iterates by at most 1.6e-7 (SGD) and 4.6e-6 (Adam, still in its transient at
 * the page's lr 0.002) relative, at a few settings and seeds; the tolerances below sit just above
 * (1e-6 and 1e-5). Against the closed form a single seed's tail mean also carries seed noise
 * (standard deviation about 0.4 % of each weight here, tailMeanNoise), so that check allows 1.5 %.
 */
const TOL_FLOAT64 = { sgd: 1e-6, adam: 1e-5 };
const TOL_CLOSED = 0.015;

for (const opts of [sgd, adam]) {
  Deno.test(`trainDropoutTf(${opts.optimizer}, r = 0.5) equals the Float64 trainer to float32 precision`, async () => {
    const before = tf.memory().numTensors;
    const run = await collectDropoutTf(opts);
    assert.equal(tf.memory().numTensors, before, "tensors leaked");
    assert.equal(run.losses.length, opts.steps);
    assert.ok(!run.diverged);
    const got = [tailMean(run.w1), tailMean(run.w2)];
    const want = expectedLossMinimiser(0.5);
    const f64 = trainDropout(opts);
    const tol = TOL_FLOAT64[opts.optimizer];
    got.forEach((v, i) => {
      const ref = f64.tailMean[i];
      assert.ok(Math.abs(v - ref) <= tol * Math.abs(ref), `w${i + 1} ${v} vs Float64 ${ref}`);
      assert.ok(Math.abs(v - want[i]) <= TOL_CLOSED * want[i], `w${i + 1} ${v} vs ${want[i]}`);
    });
    // Step by step too: the last iterate and the last loss.
    const last = opts.steps - 1;
    for (const [a, b, what] of [[run.w1, f64.w1, "w1"], [run.w2, f64.w2, "w2"]] as const) {
      assert.ok(Math.abs(a[last] - b[last]) <= tol * Math.abs(b[last]), `last ${what}`);
    }
  });
}

Deno.test("tf: Adam at r = 0 keeps w1 = w2 and ends at (1, 1)", async () => {
  // Same reason as for the Float64 trainer: per-coordinate normalisation of a gradient that is
  // always proportional to (10, 1) gives both weights the same step.
  const run = await collectDropoutTf({ ...adam, rate: 0, steps: 1500 });
  assert.ok(Math.abs(tailMean(run.w1) - 1) < 1e-3 && Math.abs(tailMean(run.w2) - 1) < 1e-3);
  for (let i = 0; i < run.w1.length; i += 50) assert.ok(Math.abs(run.w1[i] - run.w2[i]) < 1e-4);
});

Deno.test("tf: chunks report progress, and the run does not depend on the chunk size", async () => {
  const opts = { ...sgd, steps: 250 };
  const chunks = [];
  for await (const c of trainDropoutTf(tf, opts, { chunkSteps: 100 })) chunks.push(c);
  assert.deepEqual(chunks.map((c) => c.stepsDone), [100, 200, 250]);
  assert.deepEqual(chunks.map((c) => c.done), [false, false, true]);
  assert.deepEqual(chunks.map((c) => c.w1.length), [100, 100, 50]);
  const a = await collectDropoutTf(opts, { chunkSteps: 100 });
  const b = await collectDropoutTf(opts, { chunkSteps: 37 });
  assert.deepEqual(a.losses, b.losses);
  assert.deepEqual(a.w2, b.w2);
});

Deno.test("tf: stopping early releases every tensor", async () => {
  const before = tf.memory().numTensors;
  for await (const c of trainDropoutTf(tf, adam, { chunkSteps: 50 })) {
    if (c.stepsDone >= 150) break;
  }
  assert.equal(tf.memory().numTensors, before, "after break");

  const gen = trainDropoutTf(tf, sgd, { chunkSteps: 50 });
  await gen.next();
  await gen.return();
  assert.equal(tf.memory().numTensors, before, "after .return()");

  const controller = new AbortController();
  let seen = 0;
  for await (const c of trainDropoutTf(tf, sgd, { chunkSteps: 50, signal: controller.signal })) {
    seen = c.stepsDone;
    if (seen >= 100) controller.abort();
  }
  assert.equal(seen, 100, "abort ends the run after the current chunk");
  assert.equal(tf.memory().numTensors, before, "after abort");
});

Deno.test("tf: divergence stops the run with finite data", async () => {
  const before = tf.memory().numTensors;
  const lr = 1.5 * maxStableLearningRate(0);
  const chunks = [];
  for await (const c of trainDropoutTf(tf, { ...sgd, rate: 0, learningRate: lr })) chunks.push(c);
  const last = chunks.at(-1)!;
  assert.ok(last.diverged && last.done && last.divergedAt! > 1);
  assert.ok(chunks.length < 30, "stopped long before 3000 steps");
  assert.ok(last.w1.every(Number.isFinite) && last.losses.every(Number.isFinite));
  assert.equal(tf.memory().numTensors, before);
});

Deno.test("tf: bad options throw RangeError naming the option", async () => {
  const before = tf.memory().numTensors;
  const cases: [Partial<DropoutTrainOptions>, RegExp][] = [
    [{ batchSize: 0 }, /batchSize/],
    [{ rate: 1 }, /drop rate must be in \[0, 1\); got 1/],
    [{ learningRate: -1 }, /learningRate must be a finite number > 0; got -1/],
    [{ steps: NaN }, /steps/],
  ];
  for (const [patch, msg] of cases) {
    await assert.rejects(
      () => trainDropoutTf(tf, { ...sgd, ...patch }).next(),
      (e: unknown) => e instanceof RangeError && msg.test(e.message),
    );
  }
  await assert.rejects(
    () => trainDropoutTf(tf, sgd, { chunkSteps: 0 }).next(),
    /chunkSteps must be an integer/,
  );
  assert.equal(tf.memory().numTensors, before);
});
