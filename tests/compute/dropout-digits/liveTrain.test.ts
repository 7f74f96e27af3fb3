/**
 * The dropout-digits page's live training as the page runs it (through timeSliced, handed the
 * bytes of a digit file) on tfjs's CPU backend: both runs are trainDigitMlpTf's runs of the same seed, the run without dropout is
 * reused when only a keep probability moves, and a stopped run leaves no tensor.
 */
import assert from "node:assert/strict";
import { small, splits } from "./smallRun.ts";
import * as tf from "@tensorflow/tfjs-core";
import { timeSliced } from "../../../src/compute/liveRun.ts";
import type { DigitMlpOptions } from "../../../src/compute/dropout-digits/mlpOptions.ts";
import { trainDigitMlpTf } from "../../../src/compute/dropout-digits/mlpTrainTf.ts";
import { digitsTrainLive, runPlan } from "../../../src/compute/dropout-digits/liveTrain.ts";
import { DIGITS_INPUT } from "../../../src/compute/digitInputs.ts";
import { encodeDigitFile } from "../../../src/compute/digitFile.ts";
import type { LiveEnv } from "../../../src/compute/liveRun.ts";

/** The live training as a page runs it: handed the bytes of a digit file of `splits`. */
async function withDigitFile() {
  const bytes = (await encodeDigitFile(splits)).slice().buffer;
  return (settings: DigitMlpOptions, env: LiveEnv) =>
    digitsTrainLive(settings, { ...env, inputs: { [DIGITS_INPUT]: bytes } });
}

async function lastFrame(
  run: Awaited<ReturnType<typeof withDigitFile>>,
  settings: DigitMlpOptions,
) {
  const signal = new AbortController().signal;
  let last;
  for await (const frame of timeSliced(run(settings, { tf, signal }), { signal, sliceMs: 0 })) {
    last = frame;
  }
  return last!;
}

async function directRun(options: DigitMlpOptions) {
  let last;
  for await (const frame of trainDigitMlpTf(tf, splits, options)) last = frame;
  return { epochs: last!.epochs, test: last!.test };
}

Deno.test("runPlan(settings): without dropout first, then with; one run when nothing is dropped", () => {
  assert.deepEqual(runPlan(small).map(([name, o]) => [name, o.keepInput, o.keepHidden]), [
    ["without dropout", 1, 1],
    ["with dropout", 0.7, 0.6],
  ]);
  assert.deepEqual(runPlan({ ...small, keepInput: 1, keepHidden: 1 }).map(([name]) => name), [
    "without dropout",
  ]);
});

Deno.test("digitsTrainLive: both runs are trainDigitMlpTf's; a moved keep probability reuses the run without dropout", async () => {
  const before = tf.memory().numTensors;
  const run = await withDigitFile();
  const first = await lastFrame(run, small);
  assert.equal(first.done, true);
  assert.equal(first.progress, 1);
  assert.equal(first.reused, false);
  assert.deepEqual(
    first.runs["without dropout"],
    await directRun({ ...small, keepInput: 1, keepHidden: 1 }),
  );
  assert.deepEqual(first.runs["with dropout"], await directRun(small));
  assert.ok(first.workSliceMs > 0);
  const moved = await lastFrame(run, { ...small, keepInput: 0.5 });
  assert.equal(moved.reused, true);
  assert.deepEqual(moved.runs["without dropout"], first.runs["without dropout"]);
  assert.deepEqual(moved.runs["with dropout"], await directRun({ ...small, keepInput: 0.5 }));
  assert.equal(tf.memory().numTensors, before);
});

Deno.test("digitsTrainLive: stopped part-way, the last frame holds the epochs so far and no tensor is left", async () => {
  const before = tf.memory().numTensors;
  const run = await withDigitFile();
  const controller = new AbortController();
  let last;
  const steps = run({ ...small, epochs: 4 }, { tf, signal: controller.signal });
  for await (const frame of timeSliced(steps, { signal: controller.signal, sliceMs: 0 })) {
    last = frame;
    if (frame.stepsDone >= 5) controller.abort();
  }
  assert.equal(last!.done, false);
  assert.equal(last!.training, "without dropout");
  assert.equal(last!.runs["with dropout"], undefined);
  assert.equal(last!.runs["without dropout"]!.test, undefined);
  assert.equal(tf.memory().numTensors, before);
  // The stopped run was not kept as a baseline: the next run trains it again.
  assert.equal((await lastFrame(run, { ...small, epochs: 1 })).reused, false);
});
