/**
 * The momentum page's live computations (the contract is compute/liveRun.ts): tfjs's own
 * optimisers (tfReference.ts) follow the page's Float64 runs (optimizers.ts) on the same surface,
 * from the same start, meeting the same noise, and each frame says how far they have strayed.
 */
import type { Tf } from "../tf.js";
import type { LiveEnv, LiveStep } from "../liveRun.js";
import { tfOf } from "../liveRun.js";
import { type OptimizerSpec, runOptimizer } from "../optimizers.js";
import { makeSurface, type SurfaceKind, type SurfaceSpec } from "../surfaces.js";
import { runTfOptimizer } from "../tfReference.js";
import {
  ADAM_PROBLEM,
  ADAM_START,
  ADAM_STEPS,
  type AdamSettings,
  adamSpec,
} from "./pageProblems.js";

/** The controls of the trajectory section, as the page names them. */
export interface PathSettings {
  surface: SurfaceKind;
  kappa: number;
  noise: number;
  seed: number;
  beta: number;
  step: number;
  steps: number;
  x0: number;
  y0: number;
}

export interface ReferenceFrame {
  /** tfjs steps taken so far; fewer than `steps` at the end when the run blew up. */
  stepsDone: number;
  steps: number;
  /** tfjs's positions θ₀ … θ_stepsDone (float32 values), θ₀ the start. */
  x: number[];
  y: number[];
  /** Largest distance between tfjs's positions and the Float64 run's, so far. */
  gap: number;
  diverged: boolean;
}

/** Steps per tfjs chunk: one download per chunk, and Stop is honoured between chunks. */
const CHUNK_STEPS = 10;

/**
 * tfjs's optimiser for `spec` on `surfaceSpec`, against runOptimizer's Float64 path. The first
 * chunk runs before the first frame, so a run stopped at once still reports its first steps.
 */
async function* followedByTf(
  tf: Tf,
  surfaceSpec: SurfaceSpec,
  spec: OptimizerSpec,
  run: { start: readonly [number, number]; steps: number },
  signal: AbortSignal,
): AsyncGenerator<LiveStep<ReferenceFrame>, void, undefined> {
  const float64 = runOptimizer(makeSurface(surfaceSpec), spec, run);
  const x = [run.start[0]];
  const y = [run.start[1]];
  let gap = 0;
  const options = { chunkSteps: CHUNK_STEPS, signal };
  for await (const chunk of runTfOptimizer(tf, surfaceSpec, spec, run, options)) {
    for (let i = 0; i < chunk.x.length; i++) {
      x.push(chunk.x[i]);
      y.push(chunk.y[i]);
      const t = x.length - 1;
      if (t < float64.x.length) {
        gap = Math.max(gap, Math.hypot(x[t] - float64.x[t], y[t] - float64.y[t]));
      }
    }
    yield {
      stepsDone: chunk.stepsDone,
      steps: run.steps,
      x,
      y,
      gap,
      diverged: chunk.diverged,
      progress: chunk.stepsDone / run.steps,
      done: chunk.done,
    };
  }
}

/** tf.train.momentum(ε, β) on the trajectory section's surface. */
export function momentumReference(settings: PathSettings, env: LiveEnv) {
  const { surface, kappa, noise, seed, beta, step, steps, x0, y0 } = settings;
  return followedByTf(
    tfOf(env),
    { kind: surface, kappa, noise, seed },
    { kind: "momentum", alpha: beta, epsilon: step },
    { start: [x0, y0], steps },
    env.signal,
  );
}

/** tf.train.adam on the Adam section's fixed problem. */
export function adamReference(settings: AdamSettings, env: LiveEnv) {
  return followedByTf(
    tfOf(env),
    ADAM_PROBLEM,
    adamSpec(settings, true),
    { start: ADAM_START, steps: ADAM_STEPS },
    env.signal,
  );
}
