/**
 * The sum of many same-shaped tensors on the device, in kernels of at most MAX_KERNEL_INPUTS
 * inputs. WebGPU allows 8 storage buffers per compute stage by default (the output takes one), so
 * one tf.addN of an epoch's 20 batch losses is an invalid pipeline there, and its result garbage.
 */
import type * as TfCore from "@tensorflow/tfjs-core";
import type { Tf } from "../tf.js";

/** Inputs of one addN: WebGPU's default of 8 storage buffers per stage, less the output's. */
export const MAX_KERNEL_INPUTS = 7;

/**
 * Σ tensors as a left fold: addN of the first 7, then addN of the running sum and the next 6, …
 * On the CPU backend addN adds its inputs one after another into a float32 zero, so this gives
 * bit for bit the numbers of one addN over all of them (the precomputed runs stay as they are).
 * Call inside tf.tidy; the result belongs to the caller's scope.
 */
export function sumTensors(tf: Tf, tensors: readonly TfCore.Tensor[]): TfCore.Tensor {
  if (tensors.length === 0) throw new RangeError("sumTensors needs at least one tensor");
  // addN even of one tensor: a new tensor, so the caller may dispose the inputs.
  let sum = tf.addN(tensors.slice(0, MAX_KERNEL_INPUTS));
  for (let at = MAX_KERNEL_INPUTS; at < tensors.length; at += MAX_KERNEL_INPUTS - 1) {
    sum = tf.addN([sum, ...tensors.slice(at, at + MAX_KERNEL_INPUTS - 1)]);
  }
  return sum;
}
