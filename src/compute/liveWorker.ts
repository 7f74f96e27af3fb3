/**
 * The live-computation worker's side of its conversation with a page (the page's side is
 * components/liveWorker.ts; the entry that starts tfjs and calls `serveLive` is
 * liveWorkerEntry.ts). DOM-free, so Deno's tests drive it with a fake port and tfjs on the CPU.
 *
 * The page sends plain settings and gets back the frames of the live-run contract
 * (compute/liveRun.ts), made here by the same `timeSliced` driver from the same generators the
 * tests run: a computation is named by its key in a registry (compute/liveComputations.ts), since
 * functions cannot cross to a worker. Messages:
 * - page → worker: `start` (once: the backend a link forces, the .wasm URLs, whether threads may
 *   run), `input` (once per loaded file: a handle and its data), `run` (an id, a computation's
 *   name, its settings, the frame interval, its inputs' handles by name, whether Stop came
 *   first), `stop` (an id: Stop, or a newer run of the same section). Inputs cross once, so a run finds the very object an
 *   earlier run saw (a computation may cache what it derives from it).
 * - worker → page: `ready` (the backend and why) or `failed`; for each run, `frame`s, then `error`
 *   when it threw, then always `end`, sent after the computation's `finally` freed its tensors.
 * Every message after `ready` carries `numTensors`, the worker's live tensor count, so leak checks
 * count where the tensors are.
 */
import type { Tf } from "./tf.js";
import type { BackendName, StartedBackend } from "./tfStart.js";
import { type LiveComputation, timeSliced } from "./liveRun.js";

export interface StartMessage {
  type: "start";
  forced?: BackendName;
  wasmPaths: Record<string, string>;
  threads?: boolean;
}

export type ToWorker =
  | StartMessage
  | { type: "input"; handle: number; value: unknown }
  | {
    type: "run";
    id: number;
    name: string;
    settings: unknown;
    sliceMs?: number;
    inputs?: Record<string, number>;
    /** Stop came before the run was sent (pressed as the section began): see `serveLive`. */
    stopped?: boolean;
  }
  | { type: "stop"; id: number };

export type FromWorker =
  | ({ type: "ready"; numTensors: number } & StartedBackend)
  | { type: "failed"; message: string }
  | { type: "frame"; id: number; frame: Record<string, unknown>; numTensors: number }
  | { type: "error"; id: number; message: string; numTensors: number }
  | { type: "end"; id: number; numTensors: number };

/** The worker's global scope, as much of it as the server uses. */
export interface WorkerPort {
  postMessage(message: FromWorker): void;
  addEventListener(type: "message", listener: (event: { data: ToWorker }) => void): void;
}

// deno-lint-ignore no-explicit-any
export type LiveRegistry = Record<string, LiveComputation<any, any>>;

/** Starts tfjs as a `start` message asks; compute/liveWorkerEntry.ts gives the browser's. */
export type StartTf = (message: StartMessage) => Promise<{ tf: Tf } & StartedBackend>;

const messageOf = (error: unknown) => error instanceof Error ? error.message : String(error);

/** Answers a page's messages on `port`: starts tfjs once, then runs computations by name. */
export function serveLive(port: WorkerPort, registry: LiveRegistry, startTf: StartTf): void {
  let started: Promise<Tf> | undefined;
  const runs = new Map<number, AbortController>();
  const inputs = new Map<number, unknown>();

  const run = async (
    id: number,
    name: string,
    settings: unknown,
    sliceMs?: number,
    handles: Record<string, number> = {},
    stopped = false,
  ) => {
    const controller = new AbortController();
    runs.set(id, controller);
    const { signal } = controller;
    let tf: Tf | undefined;
    const count = () => tf?.memory().numTensors ?? 0;
    try {
      if (!started) throw new Error("the live worker was asked to run before it was started");
      tf = await started;
      const computation = registry[name];
      if (!computation) throw new Error(`the live worker knows no computation "${name}"`);
      const given = Object.fromEntries(
        Object.entries(handles).map(([key, handle]) => [key, inputs.get(handle)]),
      );
      const steps = computation(settings, { signal, tf, inputs: given });
      // A Stop the page had before it sent the run acts as it would have there: once the
      // computation has started (the loop below calls it at once), so that its first step is
      // still reported (the live-run contract, compute/liveRun.ts).
      if (stopped) queueMicrotask(() => controller.abort("stopped by the page"));
      for await (const frame of timeSliced(steps, { signal, sliceMs })) {
        port.postMessage({ type: "frame", id, frame, numTensors: count() });
      }
    } catch (error) {
      port.postMessage({ type: "error", id, message: messageOf(error), numTensors: count() });
    } finally {
      runs.delete(id);
      port.postMessage({ type: "end", id, numTensors: count() });
    }
  };

  port.addEventListener("message", ({ data }) => {
    if (data.type === "start") {
      started ??= startTf(data).then(
        ({ tf, ...backend }) => {
          port.postMessage({ type: "ready", ...backend, numTensors: tf.memory().numTensors });
          return tf;
        },
        (error) => {
          port.postMessage({ type: "failed", message: messageOf(error) });
          throw error;
        },
      );
      // A failed start is reported once, as `failed`; each run then reports it as its error.
      started.catch(() => {});
    } else if (data.type === "input") {
      inputs.set(data.handle, data.value);
    } else if (data.type === "run") {
      run(data.id, data.name, data.settings, data.sliceMs, data.inputs, data.stopped);
    } else if (data.type === "stop") {
      runs.get(data.id)?.abort("stopped by the page");
    }
  });
}
