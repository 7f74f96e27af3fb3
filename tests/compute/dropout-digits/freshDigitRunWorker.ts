/**
 * A worker for the robustness test (dropoutRobustness.test.ts): trains the page's digit MLP with
 * the page's trainer on TensorFlow.js's WebAssembly backend (wasmTf.ts: float32 like the build's
 * CPU backend, and four times faster), without dropout and with it, for each fresh draw it is
 * sent. Each draw has its own data split as well as its own seed, so the spread covers a new
 * sample of digits, not only new weights, batches and masks.
 */
/// <reference lib="deno.worker" />
import { splitDigits } from "../../../src/compute/digitSet.ts";
import type { DigitMlpOptions } from "../../../src/compute/dropout-digits/mlpOptions.ts";
import { runDigitMlpToEnd } from "../../../src/compute/dropout-digits/precompute.ts";
import type { DigitRun } from "../../../src/compute/dropout-digits/digitRuns.ts";
import { readMnistByClass } from "../../../src/loaders/shared/mnistSource.ts";
import { PER_CLASS } from "../../../src/loaders/mnist-digits.bin.ts";
import { wasmTf } from "../wasmTf.ts";

export interface FreshDraw {
  seed: number;
  splitSeed: number;
}
export interface FreshRequest {
  draws: FreshDraw[];
  /** Settings shared by both runs; the keep probabilities of the run with dropout. */
  base: Omit<DigitMlpOptions, "seed" | "keepInput" | "keepHidden">;
  dropout: { keepInput: number; keepHidden: number };
}
export interface FreshPair {
  draw: FreshDraw;
  off: DigitRun;
  on: DigitRun;
}

self.onmessage = async (event: MessageEvent<FreshRequest>) => {
  try {
    const tf = await wasmTf();
    const byClass = await readMnistByClass();
    const { base, dropout } = event.data;
    for (const draw of event.data.draws) {
      const splits = splitDigits(byClass, PER_CLASS, draw.splitSeed);
      const seed = draw.seed;
      const off = await runDigitMlpToEnd(tf, splits, {
        ...base,
        keepInput: 1,
        keepHidden: 1,
        seed,
      });
      const on = await runDigitMlpToEnd(tf, splits, { ...base, ...dropout, seed });
      self.postMessage({ pair: { draw, off, on } satisfies FreshPair });
    }
    self.postMessage({ done: true });
  } catch (error) {
    self.postMessage({ error: (error as Error).message });
  }
};
