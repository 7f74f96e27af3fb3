/**
 * The normalisation page's status lines for its three live checks, built from their frames so a
 * stopped run is described as such. Pure string building (no DOM), tested in Deno.
 */
import { num, sciText } from "../math.js";
import { NORM_METHODS } from "../../compute/normalisation/normAxes.js";
import type {
  AxesFrame,
  BackwardFrame,
  SurvivingSettings,
} from "../../compute/normalisation/liveChecks.js";
import type { SurvivingRow } from "../../compute/normalisation/survivingStream.js";

interface Ended {
  stopped?: boolean;
  backend?: string;
  elapsedMs: number;
}

/** The four methods measured: every group's moments, and example 1's change under each. */
export function axesStatus(frame: Partial<AxesFrame> & Ended, delta: number): string {
  const { changes, count, worstMean, worstVariance } = frame;
  if (frame.stopped || !changes) {
    return "Stopped before TensorFlow.js finished; move a control to measure again.";
  }
  const others = NORM_METHODS.filter((m) => m !== "batch");
  const othersZero = others.every((m) => changes[m].maxAbs === 0);
  return `On ${frame.backend}: all ${count} groups of the four methods come out with mean within ${
    sciText(worstMean!)
  } of 0 and variance within ${
    sciText(worstVariance!)
  } of σ²/(σ² + ε). With examples 2 and 3 changed by δ = ${delta}, example 1's output moves by up to ${
    num(changes.batch.maxAbs, 4)
  } under batch norm and by ${
    othersZero ? "exactly 0" : others.map((m) => sciText(changes[m].maxAbs)).join(", ")
  } under layer, instance and group norm.`;
}

/** The surviving share at the reader's batch size, and how the run ended. */
export function survivingStatus(
  frame: { rows: SurvivingRow[]; total?: number; longestChunkMs?: number } & Ended,
  { batch, draws }: Pick<SurvivingSettings, "batch" | "draws">,
  total: number,
): string {
  const { rows } = frame;
  if (rows.length === 0) {
    return `Stopped before the first batch size, n = ${batch}, was measured; move a control to measure again.`;
  }
  const current = rows.find((r) => r.n === batch);
  const apart = current && current.standardError > 0
    ? `, ${
      (Math.abs(current.mean - current.theory) / current.standardError).toFixed(1)
    } standard errors apart`
    : "";
  const summary = current
    ? `n = ${batch}: mean share ${current.mean.toFixed(4)} against (n − 1)/n = ${
      current.theory.toFixed(4)
    }${apart}`
    : "";
  return frame.stopped
    ? `Stopped after ${rows.length} of ${total} batch sizes. ${summary}.`
    : `${summary}. ${rows.length} batch sizes × ${draws} batches took ${
      Math.round(frame.elapsedMs)
    } ms on ${frame.backend}; the longest slice ${(frame.longestChunkMs ?? 0).toFixed(0)} ms.`;
}

/** Batch norm's backward pass by tf.grads against the closed form. */
export function backwardStatus(frame: Partial<BackwardFrame> & Ended): string {
  if (frame.invalid) return "Nothing to check until X is a valid batch.";
  if (frame.stopped || frame.gap === undefined) {
    return "Stopped before TensorFlow.js finished; edit X or change ε to check again.";
  }
  return `TensorFlow.js (tf.grads through the batch mean and variance, float32, on ${frame.backend}) gives ∂L/∂X within ${
    sciText(frame.gap)
  } of the closed form, relative to the largest term (a), and ∂L/∂γ, ∂L/∂β within ${
    sciText(frame.paramGap!)
  }.`;
}
