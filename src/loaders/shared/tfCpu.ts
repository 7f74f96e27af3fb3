/**
 * TensorFlow.js on its CPU backend, for the loaders that train with the pages' own trainers: the
 * CPU backend is plain JavaScript that computes in a fixed order, so a grid gives the same bytes
 * on every run and every machine.
 */
import * as tf from "@tensorflow/tfjs-core";
import "@tensorflow/tfjs-backend-cpu";
// tfjs-core registers gradients only on request; this bundle registers all of them in the
// registry that tfjs-core reads (Deno cannot import tfjs-core's own ESM registration file).
import "@tensorflow/tfjs";
import type { Tf } from "../../compute/tf.js";

export async function cpuTf(): Promise<Tf> {
  if (!(await tf.setBackend("cpu"))) throw new Error("tfjs could not start its CPU backend");
  return tf;
}
