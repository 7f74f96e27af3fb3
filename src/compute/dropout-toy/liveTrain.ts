/**
 * The dropout toy's live training (the contract is compute/liveRun.ts): trainDropoutTf's chunks
 * gathered into the whole run so far, with its estimate and the closed form it should reach.
 */
import type { LiveEnv, LiveStep } from "../liveRun.js";
import { tfOf } from "../liveRun.js";
import type { DropoutTrainOptions } from "./dropoutTrain.js";
import { tailMean } from "./dropoutTrain.js";
import { expectedLossMinimiser } from "./dropoutToy.js";
import { trainDropoutTf } from "./dropoutTrainTf.js";

export interface TrainFrame {
  stepsDone: number;
  /** Batch loss and weights after each step so far. */
  losses: number[];
  w1: number[];
  w2: number[];
  /** True once the loss or the weights overflowed; the arrays stop at the last finite step. */
  diverged: boolean;
  /** Mean of the last quarter of the iterates so far: where the run is settling. */
  estimate: [number, number];
  /** The closed-form minimiser w*(r) of the expected loss. */
  target: number[];
}

/** About forty frames per run, and never fewer than fifty steps between two downloads. */
const chunkSteps = (steps: number) => Math.max(50, Math.ceil(steps / 40));

export async function* trainLive(
  settings: DropoutTrainOptions,
  env: LiveEnv,
): AsyncGenerator<LiveStep<TrainFrame>, void, undefined> {
  const losses: number[] = [];
  const w1: number[] = [];
  const w2: number[] = [];
  const target = expectedLossMinimiser(settings.rate);
  const options = { chunkSteps: chunkSteps(settings.steps), signal: env.signal };
  for await (const chunk of trainDropoutTf(tfOf(env), settings, options)) {
    losses.push(...chunk.losses);
    w1.push(...chunk.w1);
    w2.push(...chunk.w2);
    yield {
      stepsDone: losses.length,
      losses,
      w1,
      w2,
      diverged: chunk.diverged,
      estimate: [tailMean(w1), tailMean(w2)],
      target,
      progress: losses.length / settings.steps,
      done: chunk.done,
    };
  }
}
