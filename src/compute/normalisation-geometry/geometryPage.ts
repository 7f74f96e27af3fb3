/**
 * The fixed choices of the normalisation-geometry page, shared with its browser test: how many
 * values each view draws, and the loss the weight-normalisation steps descend.
 */
import { integerAtLeast } from "../validate.js";
import { MAX_BATCH } from "./gaussianBatchNorm.js";

/** About this many batch-normalised values in the 1-D histogram, whatever the batch size. */
export const SAMPLES_1D = 20_000;

/** Standard normals the 1-D view draws at most (SAMPLES_1D rounded up to whole batches). */
export const NORMALS_1D = SAMPLES_1D + MAX_BATCH;

/** Whole batches of size m that make up about SAMPLES_1D values (at least 2, for the errors). */
export function batchesFor(m: number): number {
  integerAtLeast("batch size m", m, 2, MAX_BATCH);
  return Math.max(2, Math.round(SAMPLES_1D / m));
}

/** Batches drawn for each tracked input in the batch-noise view. */
export const NOISE_DRAWS = 1_000;

/** Points in the 2-D clouds. */
export const SAMPLES_2D = 400;

/** The weight-normalisation loss is ½‖w − w*‖² with this w*. */
export const WN_TARGET: readonly [number, number] = [1.6, 1.2];

/** Points in the whitened batch that shows BN(uᵀx) = wᵀx + β. */
export const WN_BATCH = 256;
