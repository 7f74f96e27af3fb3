/**
 * Picks the TensorFlow.js backend once per page and says which one runs.
 *
 * Order (compute/tfStart.ts, shared with the live worker): WebGPU when the browser hands out an
 * adapter, WASM (SIMD) otherwise, then WebGL, then CPU. Browsers hand out WebGPU adapters only for
 * a usable device: Chrome offers its software adapter (SwiftShader) only when started with flags
 * that ask for it, which is how the tests reach the WebGPU path on machines without a GPU. `?backend=webgpu|wasm|webgl|cpu` forces one; a bad value
 * is reported by the page's link notice (readParams) and the usual order runs.
 * Backends are imported lazily so a reader downloads only the one that runs, and tfjs itself is
 * imported only when a page asks for it: prose, math and precomputed charts never wait for it.
 */
import type { Tf } from "../compute/tf.js";
import { afterFirstChart } from "./chartFigure.js";
import { type BackendName, readBackend } from "./urlState.js";
import { startBackend } from "../compute/tfStart.js";

export type { BackendName };

export interface TfRuntime {
  tf: Tf;
  backend: BackendName;
  /** What a reader sees: the backend and why it was chosen. */
  description: string;
  /** Tensors alive right after start-up, for leak checks. */
  baselineTensors: number;
}

/** URLs of tfjs-backend-wasm's .wasm files, absolute, for the page's tfjs or the live worker's. */
export function wasmPaths(): Record<string, string> {
  // Framework copies each file named by import.meta.resolve from node_modules into the site.
  const paths = {
    "tfjs-backend-wasm.wasm": import.meta.resolve(
      "@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm",
    ),
    "tfjs-backend-wasm-simd.wasm": import.meta.resolve(
      "@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm",
    ),
    "tfjs-backend-wasm-threaded-simd.wasm": import.meta.resolve(
      "@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm",
    ),
  };
  // A worker started from a blob or another folder resolves relative URLs differently.
  const base = globalThis.location?.href ?? import.meta.url;
  return Object.fromEntries(
    Object.entries(paths).map(([file, url]) => [file, new URL(url, base).href]),
  );
}

/** The backend `?backend=` forces; undefined for none or a bad value (readParams reports it). */
export function requestedBackend(search: string): BackendName | undefined {
  return readBackend(search).backend;
}

let runtime: Promise<TfRuntime> | undefined;

/** Starts tfjs now, once per page; pages call startTf(), which waits for `tfWanted`. */
function initTf(search: string = globalThis.location?.search ?? ""): Promise<TfRuntime> {
  runtime ??= (async () => {
    // tfjs-core first: Framework bundles the gradient module with its own copy of tfjs-core, and
    // whichever copy runs first creates the shared engine. Made by that copy, tensors have no op
    // handler, so tensor.clone() (which addN's gradient calls) threw on about half of page loads.
    const tf = await import("@tensorflow/tfjs-core");
    // Optimisers need the gradient kernels, which tfjs-core registers only on request.
    await import("@tensorflow/tfjs-core/dist/register_all_gradients");
    const started = await startBackend(tf, {
      forced: requestedBackend(search),
      wasmPaths: wasmPaths(),
    });
    const result = { tf, ...started };
    // Pages keep their own test hooks on the same object (lastRun, lastLive).
    const hooks = globalThis as { __explorables?: Record<string, unknown> };
    Object.assign(hooks.__explorables ??= {}, result);
    return result;
  })();
  return runtime;
}

/**
 * When a page's tfjs (or its live worker, whose file holds tfjs) may start: chartFigure's
 * `afterFirstChart`, the moment its first chart is on screen. A live section draws its charts
 * empty from its run's initial value, so on a page whose first chart is live that is when the
 * page asks for its first run. No timer: on a loaded machine or a slow phone the first chart may
 * take seconds, and tfjs's bytes must not arrive before it; nothing else on a page needs tfjs.
 */
export const tfWanted: Promise<void> = afterFirstChart;

/**
 * What a page calls at start-up: tfjs starts loading when `tfWanted` says, so the first chart
 * never waits behind tfjs's bytes. The promise sits inside an object so that no Observable cell
 * waits for it by referring to it; live cells await `runtime` themselves.
 */
export function startTf(): { runtime: Promise<TfRuntime> } {
  return { runtime: tfWanted.then(() => initTf()) };
}
