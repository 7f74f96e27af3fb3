/**
 * The digits one CNN run uses, prepared once and shared by every run on the page or in the
 * loader: 50 digits of each class to train on, and the patches of the digits it is evaluated on
 * (the same 500 for training accuracy, 1,000 for validation, 1,000 for test), cut once because
 * every epoch evaluates them again.
 */
import type { DigitSet, DigitSplits } from "../digitSet.js";
import { digitPatches } from "./patches.js";
import { CNN_DATA } from "./settings.js";
import { firstOfEachClass } from "../digitBatch.js";

export interface EvalSet {
  count: number;
  /** Patch rows of every digit, in blocks of EVAL_CHUNK digits (patches.ts order per block). */
  patches: Float32Array[];
  labels: Uint8Array;
}

export interface CnnDataset {
  /** The split training batches are drawn from, and the digits of it that are used. */
  trainSet: DigitSet;
  trainIndices: number[];
  train: EvalSet;
  validation: EvalSet;
  /** Cut when first asked for (only at the end of a run). */
  test(): EvalSet;
}

/** Digits per forward pass when evaluating: small enough for one slice of the main thread. */
export const EVAL_CHUNK = 100;

function evalSet(set: DigitSet, indices: number[]): EvalSet {
  const patches: Float32Array[] = [];
  for (let at = 0; at < indices.length; at += EVAL_CHUNK) {
    patches.push(digitPatches(set, indices.slice(at, at + EVAL_CHUNK)));
  }
  return { count: indices.length, patches, labels: Uint8Array.from(indices, (i) => set.labels[i]) };
}

export function cnnDataset(splits: DigitSplits): CnnDataset {
  const trainIndices = firstOfEachClass(splits.train, CNN_DATA.trainPerClass);
  let test: EvalSet | undefined;
  return {
    trainSet: splits.train,
    trainIndices,
    train: evalSet(splits.train, trainIndices),
    validation: evalSet(
      splits.validation,
      firstOfEachClass(splits.validation, CNN_DATA.validationPerClass),
    ),
    test: () => test ??= evalSet(splits.test, firstOfEachClass(splits.test, CNN_DATA.testPerClass)),
  };
}
