/// <reference lib="deno.worker" />
/**
 * One worker of freshRunsInWorkers: trains the draws it is sent on tfjs's WebAssembly backend
 * (wasmTf.ts, four times faster than the CPU backend) and posts their runs back.
 */
import { readMnistByClass } from "../../../src/loaders/shared/mnistSource.ts";
import { freshRuns } from "./freshRuns.ts";
import { wasmTf } from "../wasmTf.ts";
import type { Draw } from "../../../src/compute/cnn-training/freshDraws.ts";
import type { CnnGrid } from "../../../src/compute/cnn-training/grid.ts";

self.onmessage = async (e: MessageEvent<{ settings: CnnGrid["settings"]; draws: Draw[] }>) => {
  try {
    const tf = await wasmTf();
    const byClass = await readMnistByClass();
    const runs = [];
    for (const draw of e.data.draws) {
      runs.push(...await freshRuns(tf, e.data.settings, draw, byClass));
    }
    self.postMessage({ runs });
  } catch (error) {
    self.postMessage({ error: String((error as Error)?.stack ?? error) });
  }
};
