/**
 * The normalisation page's live computations as the page runs them: by their names in the live
 * worker's registry, through the worker's server (compute/liveWorker.ts) on tfjs's CPU backend,
 * with every message structured-cloned as between a page and its worker. Each ends on the frame its
 * generator ends on when driven here (times aside), and leaves no tensor.
 */
import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs-core";
import "@tensorflow/tfjs-backend-cpu";
import "@tensorflow/tfjs";
import { timeSliced } from "../../../src/compute/liveRun.ts";
import {
  type FromWorker,
  type LiveRegistry,
  serveLive,
  type ToWorker,
} from "../../../src/compute/liveWorker.ts";
import { liveComputations } from "../../../src/compute/liveComputations.ts";
import { startBackend } from "../../../src/compute/tfStart.ts";
import { DEFAULT_BATCH } from "../../../src/compute/normalisation/backwardExample.ts";

/** The frames of one run in the worker's server, each cloned as postMessage clones it. */
async function inWorker(name: string, settings: unknown) {
  const frames: unknown[] = [];
  let ended: (numTensors: number) => void;
  const end = new Promise<number>((resolve) => ended = resolve);
  let listener: (event: { data: ToWorker }) => void = () => {};
  serveLive(
    {
      postMessage(message: FromWorker) {
        const data = structuredClone(message);
        if (data.type === "frame") frames.push(data.frame);
        if (data.type === "error") frames.push({ error: data.message });
        if (data.type === "end") ended(data.numTensors);
      },
      addEventListener: (_type, l) => listener = l,
    },
    liveComputations,
    async () => ({ tf, ...(await startBackend(tf, { forced: "cpu", wasmPaths: {} })) }),
  );
  listener({ data: { type: "start", forced: "cpu", wasmPaths: {} } });
  const before = tf.memory().numTensors;
  listener({ data: { type: "run", id: 1, name, settings, sliceMs: 0 } });
  assert.equal(await end, before, `${name} left tensors`);
  return frames;
}

/** The same generator driven here. */
async function direct(name: keyof typeof liveComputations, settings: unknown) {
  const signal = new AbortController().signal;
  const computation: LiveRegistry[string] = liveComputations[name];
  const steps = computation(settings, { tf, signal });
  const frames: unknown[] = [];
  for await (const frame of timeSliced(steps, { signal, sliceMs: 0 })) frames.push(frame);
  return frames;
}

/** Frames without their times (elapsedMs, longestSliceMs, busyMs, longestChunkMs). */
const timeless = (frames: unknown[]) =>
  JSON.parse(JSON.stringify(frames, (key, value) => (/Ms$/.test(key) ? undefined : value)));

const runs: [keyof typeof liveComputations, unknown][] = [
  ["normalisation/axes", { seed: 1, delta: 1, groups: 2 }],
  ["normalisation/surviving", { batch: 8, gamma: 1.5, draws: 50, seed: 7 }],
  ["normalisation/backward", {
    x: DEFAULT_BATCH.map((row) => [...row]),
    epsilon: 1e-3,
    fdStep: 1e-5,
  }],
  ["normalisation/backward", { x: null, epsilon: 1e-3, fdStep: 1e-5 }],
];

for (const [name, settings] of runs) {
  Deno.test(`the live worker's "${name}" ends on its generator's last frame, as plain data, and frees its tensors (${JSON.stringify(settings).slice(0, 40)})`, async () => {
    const worker = await inWorker(name, settings);
    assert.ok(worker.length > 0);
    // The last frame: how many frames come before it depends on how fast the work runs.
    assert.deepEqual(
      timeless(worker.slice(-1)),
      timeless((await direct(name, settings)).slice(-1)),
    );
    assert.equal((worker.at(-1) as { done: boolean }).done, true);
  });
}
