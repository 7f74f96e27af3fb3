/// <reference lib="deno.worker" />
/** One worker of freshRunsInWorkers: trains the draws it is sent and posts their runs back. */
import * as tf from "@tensorflow/tfjs-core";
import "@tensorflow/tfjs-backend-cpu";
import "@tensorflow/tfjs";
import { readMnistByClass } from "../../../src/loaders/shared/mnistSource.ts";
import { freshRuns } from "./freshRuns.ts";
import type { Draw } from "../../../src/compute/cnn-training/freshDraws.ts";
import type { CnnGrid } from "../../../src/compute/cnn-training/grid.ts";

self.onmessage = async (e: MessageEvent<{ settings: CnnGrid["settings"]; draws: Draw[] }>) => {
  try {
    await tf.setBackend("cpu");
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
