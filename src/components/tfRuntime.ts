/**
 * Picks the TensorFlow.js backend once per page and says which one runs.
 *
 * Order: WebGPU when the browser hands out an adapter, WASM (SIMD) otherwise, then WebGL, then CPU.
 * Browsers hand out WebGPU adapters only for a usable device: Chrome offers its software adapter
 * (SwiftShader) only when started with flags that ask for it, which is how the tests reach the
 * WebGPU path on machines without a GPU. `?backend=webgpu|wasm|webgl|cpu` forces one; a bad value
 * is reported by the page's link notice (readParams) and the usual order runs.
 * Backends are imported lazily so a reader downloads only the one that runs, and tfjs itself is
 * imported only when a page asks for it: prose, math and precomputed charts never wait for it.
 */
import type { Tf } from "../compute/tf.js";
import { firstChartDrawn } from "./chartFigure.js";
import { type BackendName, backendNames, readBackend } from "./urlState.js";

export type { BackendName };
export const backendOrder: readonly BackendName[] = backendNames;

export interface TfRuntime {
  tf: Tf;
  backend: BackendName;
  /** What a reader sees: the backend and why it was chosen. */
  description: string;
  /** Tensors alive right after start-up, for leak checks. */
  baselineTensors: number;
}

interface GpuAdapterLike {
  info?: { vendor?: string; architecture?: string; isFallbackAdapter?: boolean };
  isFallbackAdapter?: boolean;
}

async function webgpuAdapter(): Promise<GpuAdapterLike | null> {
  const gpu = (navigator as unknown as { gpu?: { requestAdapter(): Promise<unknown> } }).gpu;
  if (!gpu) return null;
  try {
    return (await gpu.requestAdapter()) as GpuAdapterLike | null;
  } catch {
    return null;
  }
}

function wasmPaths(): Record<string, string> {
  // Framework copies each file named by import.meta.resolve from node_modules into the site.
  return {
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
}

/** Registers one backend and makes it current; resolves to a note about it, rejects if unusable. */
async function activate(tf: Tf, name: BackendName): Promise<string> {
  let note = "";
  if (name === "webgpu") {
    const adapter = await webgpuAdapter();
    if (!adapter) throw new Error("this browser offers no WebGPU adapter");
    const info = adapter.info ?? {};
    const software = info.isFallbackAdapter ?? adapter.isFallbackAdapter ?? false;
    note = [info.vendor, info.architecture].filter(Boolean).join(" ");
    if (software) note = `software adapter${note ? `: ${note}` : ""}`;
    await import("@tensorflow/tfjs-backend-webgpu");
  } else if (name === "wasm") {
    const wasm = await import("@tensorflow/tfjs-backend-wasm");
    // Threads need cross-origin isolation, which a plain static host does not give.
    tf.env().set("WASM_HAS_MULTITHREAD_SUPPORT", false);
    wasm.setWasmPaths(wasmPaths());
    note = "SIMD when the browser supports it";
  } else if (name === "webgl") {
    await import("@tensorflow/tfjs-backend-webgl");
  } else {
    await import("@tensorflow/tfjs-backend-cpu");
  }
  if (!(await tf.setBackend(name))) throw new Error(`tfjs could not start its ${name} backend`);
  await tf.ready();
  // A one-op smoke test: a backend that registers but cannot run would fail later, mid-chart.
  const probe = tf.tidy(() => tf.sum(tf.mul(tf.tensor1d([1, 2]), tf.tensor1d([3, 4]))));
  const [value] = await probe.data();
  probe.dispose();
  if (value !== 11) throw new Error(`${name} backend computed 1·3 + 2·4 = ${value}`);
  return note;
}

const labels: Record<BackendName, string> = {
  webgpu: "WebGPU",
  wasm: "WebAssembly",
  webgl: "WebGL",
  cpu: "plain JavaScript (CPU)",
};

/** The backend `?backend=` forces; undefined for none or a bad value (readParams reports it). */
export function requestedBackend(search: string): BackendName | undefined {
  return readBackend(search).backend;
}

let runtime: Promise<TfRuntime> | undefined;

/** Starts tfjs now, once per page; pages call startTf(), which waits for their first chart. */
function initTf(search: string = globalThis.location?.search ?? ""): Promise<TfRuntime> {
  runtime ??= (async () => {
    // tfjs-core first: Framework bundles the gradient module with its own copy of tfjs-core, and
    // whichever copy runs first creates the shared engine. Made by that copy, tensors have no op
    // handler, so tensor.clone() (which addN's gradient calls) threw on about half of page loads.
    const tf = await import("@tensorflow/tfjs-core");
    // Optimisers need the gradient kernels, which tfjs-core registers only on request.
    await import("@tensorflow/tfjs-core/dist/register_all_gradients");
    const forced = requestedBackend(search);
    const order = forced ? [forced, ...backendOrder.filter((b) => b !== forced)] : backendOrder;
    const failures: string[] = [];
    for (const name of order) {
      try {
        const note = await activate(tf, name);
        const why = forced === name
          ? "chosen by the ?backend= parameter"
          : failures.length
          ? `after ${failures.join("; ")}`
          : "the first in our order that this browser supports";
        const description = `${labels[name]}${note ? ` (${note})` : ""}: ${why}`;
        const result = { tf, backend: name, description, baselineTensors: tf.memory().numTensors };
        // Pages keep their own test hooks on the same object (lastRun, lastLive).
        const hooks = globalThis as { __explorables?: Record<string, unknown> };
        Object.assign(hooks.__explorables ??= {}, result);
        return result;
      } catch (error) {
        failures.push(`${labels[name]} unavailable: ${(error as Error).message}`);
      }
    }
    throw new Error(`no TensorFlow.js backend could start: ${failures.join("; ")}`);
  })();
  return runtime;
}

/**
 * What a page calls at start-up: tfjs starts loading as soon as the page's first chart is on
 * screen (or after a short wait on a page whose first chart is live), so the first chart never
 * waits behind tfjs's bytes. The promise sits inside an object so that no Observable cell waits
 * for it by referring to it; live cells await `runtime` themselves.
 */
export function startTf(): { runtime: Promise<TfRuntime> } {
  const wait = Promise.race([firstChartDrawn, new Promise((r) => setTimeout(r, 1000))]);
  return { runtime: wait.then(() => initTf()) };
}
