/**
 * The live-speed bench's peak worker (bundled by tests/bench/liveSpeed.ts as the live worker is by
 * src/loaders/live-worker.js.ts): it starts tfjs exactly as the live worker does
 * (compute/tfStart.ts, from the same `start` message) and times one large product, the fastest
 * the backend multiplies in this browser. It answers `{gflops, description}`.
 */
import * as tf from "@tensorflow/tfjs-core";
import { startBackend } from "../../src/compute/tfStart.ts";
import type { StartMessage } from "../../src/compute/liveWorker.ts";

/** Side of the square product: 1024³ multiply-adds, about a billion. */
const SIDE = 1024;

const scope = globalThis as unknown as {
  postMessage(message: unknown): void;
  onmessage: (event: { data: StartMessage }) => void;
};

scope.onmessage = async ({ data }) => {
  try {
    const { description } = await startBackend(tf, { ...data, skipFallbackAdapter: true });
    const a = tf.randomNormal([SIDE, SIDE]);
    const b = tf.randomNormal([SIDE, SIDE]);
    let best = Infinity;
    // The best of five, after one warm-up: the peak, not the average of a loaded machine.
    for (let k = 0; k < 6; k++) {
      const started = performance.now();
      const c = tf.matMul(a, b);
      await c.data();
      const ms = performance.now() - started;
      c.dispose();
      if (k > 0) best = Math.min(best, ms);
    }
    tf.dispose([a, b]);
    scope.postMessage({ gflops: (2 * SIDE ** 3) / best / 1e6, description });
  } catch (error) {
    scope.postMessage({ error: (error as Error).message });
  }
};
