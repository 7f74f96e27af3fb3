/**
 * The live worker's entry: the module that src/loaders/live-worker.js.ts bundles, with tfjs, into
 * the one file a page starts as `new Worker(url, {type: "module"})` (components/liveWorker.ts).
 * It starts tfjs here, off the page's main thread, on the backend order of compute/tfStart.ts
 * (a software WebGPU adapter below WebAssembly), and serves the registry's computations. On
 * WebAssembly it sends transposed products down the fast path (wasmMatMul.ts).
 */
import * as tf from "@tensorflow/tfjs-core";
// Optimisers need the gradient kernels, which tfjs-core registers only on request.
import "@tensorflow/tfjs-core/dist/register_all_gradients";
import { startBackend } from "./tfStart.js";
import { serveLive, type WorkerPort } from "./liveWorker.js";
import { liveComputations } from "./liveComputations.js";
import { fastTransposedProducts } from "./wasmMatMul.js";

serveLive(globalThis as unknown as WorkerPort, liveComputations, async (message) => {
  const started = await startBackend(tf, {
    forced: message.forced,
    wasmPaths: message.wasmPaths,
    threads: message.threads,
    skipFallbackAdapter: true,
  });
  if (started.backend === "wasm") fastTransposedProducts();
  return { tf, ...started };
});
