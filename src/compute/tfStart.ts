/**
 * Starts a TensorFlow.js backend, inside the live-computation worker
 * (compute/liveWorkerEntry.ts; pages run no tfjs of their own) or in Deno's tests, in one order,
 * with the reason the backend badge shows. No DOM: `navigator.gpu` exists
 * in workers too.
 *
 * Order: WebGPU when the browser hands out an adapter, WASM (SIMD) otherwise, then WebGL, then CPU.
 * With `skipFallbackAdapter` a software WebGPU adapter (SwiftShader, which Chromium offers when
 * asked) ranks below WebAssembly, since it was 5 to 130 times slower on every live page (issue 20,
 * item 6); a `?backend=webgpu` link still gets it. Backends are imported lazily, so a reader
 * downloads only the one that runs.
 */
import type { Tf } from "./tf.js";

export const backendOrder = ["webgpu", "wasm", "webgl", "cpu"] as const;
export type BackendName = (typeof backendOrder)[number];

export interface StartedBackend {
  backend: BackendName;
  /** What a reader sees: the backend and why it was chosen. */
  description: string;
  /** Tensors alive right after start-up, for leak checks. */
  baselineTensors: number;
}

export interface StartOptions {
  /** The backend a `?backend=` link forces (tried first). */
  forced?: BackendName;
  /** URLs of tfjs-backend-wasm's three .wasm files, by file name. */
  wasmPaths: Record<string, string>;
  /** Whether the threaded WebAssembly build may run (needs cross-origin isolation). */
  threads?: boolean;
  /** Rank a software (fallback) WebGPU adapter below WebAssembly unless it is forced. */
  skipFallbackAdapter?: boolean;
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

/** Registers one backend and makes it current; resolves to a note about it, rejects if unusable. */
async function activate(
  tf: Tf,
  name: BackendName,
  options: StartOptions,
  forced: boolean,
): Promise<string> {
  let note = "";
  if (name === "webgpu") {
    const adapter = await webgpuAdapter();
    if (!adapter) throw new Error("this browser offers no WebGPU adapter");
    const info = adapter.info ?? {};
    const software = info.isFallbackAdapter ?? adapter.isFallbackAdapter ?? false;
    if (software && options.skipFallbackAdapter && !forced) {
      throw new Error("its only WebGPU adapter is a software one, slower than WebAssembly");
    }
    note = [info.vendor, info.architecture].filter(Boolean).join(" ");
    if (software) note = `software adapter${note ? `: ${note}` : ""}`;
    await import("@tensorflow/tfjs-backend-webgpu");
  } else if (name === "wasm") {
    const wasm = await import("@tensorflow/tfjs-backend-wasm");
    // Threads need cross-origin isolation, which a plain static host does not give.
    const threads = options.threads ?? false;
    tf.env().set("WASM_HAS_MULTITHREAD_SUPPORT", threads);
    wasm.setWasmPaths(options.wasmPaths);
    if (threads) wasm.setThreadsCount(wasmThreads());
    await ready(tf, name);
    const count = threads ? wasm.getThreadsCount() : 1;
    // The pool may have fewer threads than asked (see wasmThreads): the note says how many.
    return count > 1 ? `SIMD and ${count} threads` : "SIMD when the browser supports it";
  } else if (name === "webgl") {
    await import("@tensorflow/tfjs-backend-webgl");
  } else {
    await import("@tensorflow/tfjs-backend-cpu");
  }
  await ready(tf, name);
  return note;
}

/**
 * Threads asked for XNNPACK's pool (the calling thread is one of them): one per core, at most
 * four. The live products are small (a 256 × 512 by 512 × 512 product at most), and past a few
 * threads their split costs more than it saves. tfjs-backend-wasm 4.22 caps the pool at half the
 * logical cores (it assumes two per physical core), so a two-core machine gets one thread, which
 * the note then says.
 */
function wasmThreads(): number {
  const cores = (globalThis.navigator as { hardwareConcurrency?: number } | undefined)
    ?.hardwareConcurrency ?? 1;
  return Math.max(1, Math.min(4, cores));
}

/** Makes `name` current and smoke-tests it; rejects if it cannot run. */
async function ready(tf: Tf, name: BackendName): Promise<void> {
  if (!(await tf.setBackend(name))) throw new Error(`tfjs could not start its ${name} backend`);
  await tf.ready();
  // A one-op smoke test: a backend that registers but cannot run would fail later, mid-chart.
  const probe = tf.tidy(() => tf.sum(tf.mul(tf.tensor1d([1, 2]), tf.tensor1d([3, 4]))));
  const [value] = await probe.data();
  probe.dispose();
  if (value !== 11) throw new Error(`${name} backend computed 1·3 + 2·4 = ${value}`);
}

const labels: Record<BackendName, string> = {
  webgpu: "WebGPU",
  wasm: "WebAssembly",
  webgl: "WebGL",
  cpu: "plain JavaScript (CPU)",
};

/** Starts the first backend of the order (the forced one first) that runs; says why it was chosen. */
export async function startBackend(tf: Tf, options: StartOptions): Promise<StartedBackend> {
  const { forced } = options;
  const order = forced ? [forced, ...backendOrder.filter((b) => b !== forced)] : backendOrder;
  const failures: string[] = [];
  for (const name of order) {
    try {
      const note = await activate(tf, name, options, name === forced);
      const why = forced === name
        ? "chosen by the ?backend= parameter"
        : failures.length
        ? `after ${failures.join("; ")}`
        : "the first in our order that this browser supports";
      const description = `${labels[name]}${note ? ` (${note})` : ""}: ${why}`;
      return { backend: name, description, baselineTensors: tf.memory().numTensors };
    } catch (error) {
      failures.push(`${labels[name]} unavailable: ${(error as Error).message}`);
    }
  }
  throw new Error(`no TensorFlow.js backend could start: ${failures.join("; ")}`);
}
