/**
 * The TensorFlow.js namespace that callers pass in: compute modules never import tfjs themselves,
 * so the same code runs on whichever backend a page started, and on the CPU in loaders and tests.
 */
import type * as TfCore from "@tensorflow/tfjs-core";

export type Tf = typeof TfCore;
