/**
 * The small convolutional network of the cnn-training page, as numbers: its layers, their shapes
 * and their parameter counts. One layer of each kind the course asks for, sized so that the build
 * can train it four ways over several seeds on the tfjs CPU backend in well under a minute.
 *
 *   28×28 digit → conv 5×5, stride 2, 8 filters → 12×12×8
 *               → batch norm (per filter; a bias instead when it is off) → ReLU
 *               → max pool 2×2 → 6×6×8 = 288 features → dropout → dense → 10 logits
 */
import { forwardLength } from "../grid.js";
import { standardConvParams } from "../parameterCounts.js";
import { DIGIT_CLASSES, DIGIT_SIDE } from "../digitSet.js";

export const CNN_KERNEL = 5;
export const CNN_STRIDE = 2;
export const CNN_FILTERS = 8;
export const CNN_POOL = 2;
/** Side of each filter's output: ⌊(28 − 5)/2⌋ + 1 = 12. */
export const CONV_SIDE = forwardLength(DIGIT_SIDE, CNN_KERNEL, { stride: CNN_STRIDE, padding: 0 });
/** Side after pooling: 6. */
export const POOLED_SIDE = CONV_SIDE / CNN_POOL;
/** Values one digit hands to the dense layer: 6 · 6 · 8 = 288. */
export const CNN_FEATURES = POOLED_SIDE * POOLED_SIDE * CNN_FILTERS;
/** Taps of one filter: 25. */
export const PATCH_SIZE = CNN_KERNEL * CNN_KERNEL;
/** Positions inside one pooling window: 4. */
export const POOL_WINDOW = CNN_POOL * CNN_POOL;

if (!Number.isInteger(POOLED_SIDE)) throw new Error("the pool must tile the convolution output");

export interface CnnLayerRow {
  layer: string;
  /** Shape of the layer's output for one digit, e.g. "12×12×8". */
  output: string;
  parameters: number;
  /** How the count is made, e.g. "8 · 1 · 5²". */
  formula: string;
}

/**
 * The layer table. With batch norm the convolution has no bias (batch norm subtracts the mean,
 * which would cancel it) and batch norm learns a scale γ and a shift β per filter.
 */
export function cnnLayers({ batchNorm }: { batchNorm: boolean }): CnnLayerRow[] {
  const conv = standardConvParams({
    inChannels: 1,
    outChannels: CNN_FILTERS,
    kernel: CNN_KERNEL,
    bias: !batchNorm,
  });
  const convShape = `${CONV_SIDE}×${CONV_SIDE}×${CNN_FILTERS}`;
  const pooledShape = `${POOLED_SIDE}×${POOLED_SIDE}×${CNN_FILTERS}`;
  return [
    {
      layer: `convolution ${CNN_KERNEL}×${CNN_KERNEL}, stride ${CNN_STRIDE}`,
      output: convShape,
      parameters: conv.total,
      formula: conv.parts.map((p) => p.formula).join(" + "),
    },
    batchNorm
      ? {
        layer: "batch norm (γ, β per filter)",
        output: convShape,
        parameters: 2 * CNN_FILTERS,
        formula: `2 · ${CNN_FILTERS}`,
      }
      : { layer: "no batch norm", output: convShape, parameters: 0, formula: "0" },
    { layer: "ReLU", output: convShape, parameters: 0, formula: "0" },
    { layer: `max pool ${CNN_POOL}×${CNN_POOL}`, output: pooledShape, parameters: 0, formula: "0" },
    { layer: "dropout", output: String(CNN_FEATURES), parameters: 0, formula: "0" },
    {
      layer: "dense",
      output: String(DIGIT_CLASSES),
      parameters: CNN_FEATURES * DIGIT_CLASSES + DIGIT_CLASSES,
      formula: `${CNN_FEATURES} · ${DIGIT_CLASSES} + ${DIGIT_CLASSES}`,
    },
  ];
}

/** Learnable parameters in all (the dense layer holds most of them). */
export function cnnParameterCount(options: { batchNorm: boolean }): number {
  return cnnLayers(options).reduce((sum, row) => sum + row.parameters, 0);
}
