/**
 * The page's side of the live-computation worker (the worker's side is compute/liveWorker.ts): a
 * page starts one worker for all its live sections and hands `section.run` the worker's
 * computations in place of the generators themselves:
 *
 *     const liveWorker = startLiveWorker(FileAttachment("../loaders/live-worker.js"));
 *     const run = section.run(liveWorker.computation("initialisation/network"), settings, {
 *       runtime: liveWorker.runtime, ...the same options as before
 *     });
 *
 * The worker computes, the page only draws. A worker computation yields the worker's frames as
 * they come (the driver `timeSliced` already ran there); Stop or a newer run sends `stop`, and the
 * computation ends only after the worker says the run ended, so a test hook published then sees
 * the worker's tensors freed. Pages run no tfjs of their own: the worker's backend and tensor
 * count are published on `globalThis.__explorables` (`backend`, `description`, `baselineTensors`,
 * and `tf.memory().numTensors`, read from the worker's latest message) for the badge and the leak
 * checks, and `liveWorker` holds how long each Stop took in the worker.
 */
import type { LiveComputation, LiveEnv } from "../compute/liveRun.js";
import type { FromWorker, ToWorker } from "../compute/liveWorker.js";
import type { LiveComputationName } from "../compute/liveComputations.js";
import type { StartedBackend } from "../compute/tfStart.js";
import { type BackendName, readBackend } from "./urlState.js";
import { afterFirstChart } from "./chartFigure.js";
import { testHook } from "./testHook.js";

/** URLs of tfjs-backend-wasm's .wasm files, absolute, for the live worker's tfjs. */
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

/**
 * When a page's live worker, whose file holds tfjs, may start: chartFigure's `afterFirstChart`,
 * the moment its first chart is on screen. A live section draws its charts empty from its run's
 * initial value, so on a page whose first chart is live that is when the page asks for its first
 * run. No timer: on a loaded machine or a slow phone the first chart may take seconds, and
 * tfjs's bytes must not arrive before it.
 */
const workerWanted: Promise<void> = afterFirstChart;

/** What a live worker offers a page. */
export interface LiveWorker {
  /** Resolves once tfjs runs in the worker (for `section.run`'s `runtime` and the badge). */
  runtime: Promise<StartedBackend>;
  /**
   * The named computation, run in the worker; `inputs` are its loaded data by name (values or
   * promises of them, structured-clonable), sent to the worker once each.
   */
  computation<S, F>(
    name: LiveComputationName,
    options?: ComputationOptions,
  ): WorkerComputation<S, F>;
}

export interface ComputationOptions {
  inputs?: Record<string, unknown>;
}

/** A computation that runs in a worker: its steps are already frames (runLive skips slicing). */
export type WorkerComputation<S, F> = LiveComputation<S, F> & { inWorker: true };

/** The part of a Worker the client uses (tests give a fake). */
export interface WorkerLike {
  postMessage(message: ToWorker): void;
  addEventListener(type: "message", listener: (event: { data: FromWorker }) => void): void;
  addEventListener(type: "error", listener: (event: { message?: string }) => void): void;
}

/** What the page publishes about its worker for tests (`__explorables.liveWorker`). */
export interface WorkerRecord {
  backend?: string;
  numTensors: number;
  /** From each stop message (Stop, a newer run) to the worker's word that the run ended, ms. */
  stopMs: number[];
}

type RunMessage = Exclude<FromWorker, { type: "ready" } | { type: "failed" }>;

/** Talks to one started worker; `liveWorkerOf` below is the page's way in. */
export function liveWorkerOf(worker: WorkerLike, search = globalThis.location?.search ?? "") {
  const listeners = new Map<number, (message: RunMessage) => void>();
  const record: WorkerRecord = { numTensors: 0, stopMs: [] };
  const publish = () => {
    const hooks = globalThis as { __explorables?: Record<string, unknown> };
    const own = hooks.__explorables ??= {};
    own.tf = { memory: () => ({ numTensors: record.numTensors }) };
    testHook("liveWorker", record);
  };
  let nextId = 1;
  /** Each input sent to the worker, by value: its handle there. */
  const sent = new Map<unknown, number>();
  const handleOf = (value: unknown) => {
    let handle = sent.get(value);
    if (handle === undefined) {
      sent.set(value, handle = sent.size + 1);
      worker.postMessage({ type: "input", handle, value });
    }
    return handle;
  };
  const handlesOf = async (inputs: Record<string, unknown> = {}) => {
    const entries = await Promise.all(
      Object.entries(inputs).map(async ([key, value]) => [key, handleOf(await value)] as const),
    );
    return Object.fromEntries(entries);
  };
  const runtime = new Promise<StartedBackend>((resolve, reject) => {
    worker.addEventListener("error", (event) => {
      const message = `the live worker failed: ${event.message ?? "no reason given"}`;
      reject(new Error(message));
      // A dead worker sends nothing more: end its runs here, so no section waits for ever.
      for (const [id, listener] of listeners) {
        listener({ type: "error", id, message, numTensors: record.numTensors });
        listener({ type: "end", id, numTensors: record.numTensors });
      }
    });
    worker.addEventListener("message", ({ data }) => {
      if (data.type === "ready") {
        const { type: _, numTensors, ...started } = data;
        record.backend = started.backend;
        record.numTensors = numTensors;
        const hooks = globalThis as { __explorables?: Record<string, unknown> };
        Object.assign(hooks.__explorables ??= {}, started);
        publish();
        resolve(started);
      } else if (data.type === "failed") {
        reject(new Error(data.message));
      } else {
        record.numTensors = data.numTensors;
        listeners.get(data.id)?.(data);
      }
    });
  });
  runtime.catch(() => {/* each run reports it as its runtime's failure */});
  worker.postMessage({
    type: "start",
    forced: requestedBackend(search),
    wasmPaths: wasmPaths(),
    threads: globalThis.crossOriginIsolated === true,
  });

  async function* inWorker<S, F>(
    name: string,
    settings: S,
    env: LiveEnv,
    options: ComputationOptions,
  ) {
    const inputs = await handlesOf(options.inputs);
    const id = nextId++;
    const queue: RunMessage[] = [];
    let wake: (() => void) | undefined;
    listeners.set(id, (message) => {
      queue.push(message);
      wake?.();
    });
    let stoppedAt: number | undefined;
    const stop = () => {
      stoppedAt ??= performance.now();
      worker.postMessage({ type: "stop", id });
    };
    env.signal.addEventListener("abort", stop, { once: true });
    // Stopped while its inputs were on their way (Stop pressed as the section began): the abort
    // event has passed, so the run goes with `stopped` and the worker stops it after its first step.
    const stopped = env.signal.aborted;
    if (stopped) stoppedAt = performance.now();
    let ended = false;
    const next = async (): Promise<RunMessage> => {
      while (queue.length === 0) await new Promise<void>((resolve) => wake = resolve);
      const message = queue.shift()!;
      if (message.type === "end") {
        ended = true;
        if (stoppedAt !== undefined) record.stopMs.push(performance.now() - stoppedAt);
      }
      return message;
    };
    try {
      worker.postMessage({
        type: "run",
        id,
        name,
        settings,
        sliceMs: env.sliceMs,
        inputs,
        stopped,
      });
      for (let message = await next(); message.type !== "end"; message = await next()) {
        if (message.type === "error") throw new Error(message.message);
        yield message.frame as F & { progress: number; done?: boolean };
      }
    } finally {
      env.signal.removeEventListener("abort", stop);
      if (!ended) {
        // Left early (Stop, a newer run, the page's loop broke off): end it in the worker, and
        // wait until it has freed its tensors.
        stop();
        while (!ended) await next().catch(() => {});
      }
      listeners.delete(id);
      publish();
    }
  }

  return {
    runtime,
    computation<S, F>(
      name: LiveComputationName,
      options: ComputationOptions = {},
    ): WorkerComputation<S, F> {
      const computation = (settings: S, env: LiveEnv) =>
        inWorker<S, F>(name, settings, env, options);
      return Object.assign(computation, { inWorker: true as const });
    },
  };
}

/**
 * Starts the page's live worker from its bundled file (src/loaders/live-worker.js.ts) when
 * `workerWanted` says: the worker's file holds tfjs, and the first chart never waits behind it.
 */
export function startLiveWorker(file: { url(): Promise<string> | string }): LiveWorker {
  const worker = workerWanted.then(() => file.url()).then((url) =>
    new Worker(url, { type: "module" })
  );
  // The worker starts at once, but `runtime` and the computations wait for its file's URL.
  const client = worker.then((w) => liveWorkerOf(w as unknown as WorkerLike));
  return {
    runtime: client.then((c) => c.runtime),
    computation<S, F>(name: LiveComputationName, options?: ComputationOptions) {
      const computation = async function* (settings: S, env: LiveEnv) {
        yield* (await client).computation<S, F>(name, options)(settings, env);
      };
      return Object.assign(computation, { inWorker: true as const });
    },
  };
}
