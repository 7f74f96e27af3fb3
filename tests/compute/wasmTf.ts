/**
 * TensorFlow.js on its WebAssembly backend (single-threaded, SIMD), for the robustness tests that
 * train dozens of fresh runs in worker threads. It is one of the backends the pages train on, it
 * computes in float32 like the CPU backend the loaders use, and it is about four times faster
 * under Deno: one fresh digit-MLP run takes 1.6 s of CPU instead of 6.5 s, one fresh CNN draw
 * 3.2 s instead of 11.3 s, with the same accuracies to the last digit shown. Like the live worker
 * it sends transposed products down XNNPACK's fast path (compute/wasmMatMul.ts).
 */
import * as tf from "@tensorflow/tfjs-core";
import { setWasmPaths } from "@tensorflow/tfjs-backend-wasm";
// tfjs-core ships no gradients; the full bundle registers them, as in the loaders and the pages.
import "@tensorflow/tfjs";
import type { Tf } from "../../src/compute/tf.ts";
import { fastTransposedProducts } from "../../src/compute/wasmMatMul.ts";

const binaries = [
  "tfjs-backend-wasm.wasm",
  "tfjs-backend-wasm-simd.wasm",
  "tfjs-backend-wasm-threaded-simd.wasm",
];

export async function wasmTf(): Promise<Tf> {
  // A test's worker threads each run one backend on one core; threads inside it would only compete.
  tf.env().set("WASM_HAS_MULTITHREAD_SUPPORT", false);
  setWasmPaths(Object.fromEntries(
    binaries.map((
      name,
    ) => [name, import.meta.resolve(`@tensorflow/tfjs-backend-wasm/dist/${name}`)]),
  ));
  if (!(await tf.setBackend("wasm"))) throw new Error("tfjs could not start its wasm backend");
  // As the pages' live worker runs wasm: transposed products (every matMul gradient) take
  // XNNPACK's fast path.
  fastTransposedProducts();
  return tf;
}
