/**
 * Runs a registered live computation (src/compute/liveComputations.ts) as the live worker runs it:
 * serveLive on tfjs's CPU backend, every message structured-cloned as postMessage would. A page's
 * test compares the last frame with the generator's own, so a frame that cannot cross to the page
 * (a function, a class instance, a tensor) or a name missing from the registry fails in Deno.
 */
import * as tf from "@tensorflow/tfjs-core";
import "@tensorflow/tfjs-backend-cpu";
import { type FromWorker, serveLive, type ToWorker } from "../../src/compute/liveWorker.ts";
import { liveComputations } from "../../src/compute/liveComputations.ts";
import { startBackend } from "../../src/compute/tfStart.ts";

/** The frames a page would receive for one run of `name` on `settings`, or the run's error. */
export async function framesInWorker(
  name: keyof typeof liveComputations,
  settings: unknown,
): Promise<{ frames: Record<string, unknown>[]; error?: string; numTensors: number }> {
  const frames: Record<string, unknown>[] = [];
  let error: string | undefined;
  let toWorker: (event: { data: ToWorker }) => void = () => {};
  let numTensors = NaN;
  const ended = new Promise<void>((resolve) => {
    const port = {
      postMessage(message: FromWorker) {
        const copy = structuredClone(message);
        if (copy.type === "frame") frames.push(copy.frame);
        else if (copy.type === "error") error = copy.message;
        else if (copy.type === "end") {
          numTensors = copy.numTensors;
          resolve();
        }
      },
      addEventListener: (_type: "message", listener: typeof toWorker) => toWorker = listener,
    };
    serveLive(port, liveComputations, async () => ({
      tf,
      ...(await startBackend(tf, { forced: "cpu", wasmPaths: {} })),
    }));
  });
  toWorker({ data: { type: "start", forced: "cpu", wasmPaths: {} } });
  toWorker({ data: { type: "run", id: 1, name, settings, sliceMs: 0 } });
  await ended;
  return { frames, error, numTensors };
}

/** A frame without its timings (they differ from run to run). */
export function withoutTimings(frame: object): Record<string, unknown> {
  const { elapsedMs: _e, longestSliceMs: _l, busyMs: _b, ...rest } = frame as Record<
    string,
    unknown
  >;
  return rest;
}
