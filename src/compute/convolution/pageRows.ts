/**
 * The rows of the convolution page's tables, keyed by the column headings the page shows: the
 * adjoint identity at each stride, the parameters of every group count, and the bottleneck
 * against the summed paths layer by layer.
 */
import { createRng } from "../prng.js";
import { transposedLength } from "../grid.js";
import { adjointCheck } from "./transposed.js";
import { type BlockCount, divisors, groupedConvParams } from "../parameterCounts.js";
import { BLOCK, TRANSPOSED_2D } from "./seeds.js";

/** Cells a side of the random small grid y in the adjoint table. */
export const ADJOINT_SIZE = 3;

export interface AdjointRow {
  stride: number;
  /** "5 × 5", or "none" when the padding leaves nothing of the transposed output. */
  x: string;
  "⟨conv(x), y⟩": number;
  "⟨x, convᵀ(y)⟩": number;
  "relative gap": number;
}

/**
 * Both sides of ⟨conv(x), y⟩ = ⟨x, convᵀ(y)⟩ at strides 1, 2 and 3 for the course's 2-D filter,
 * with random x and y of matching sizes (seeded by the stride), and the largest relative gap
 * among the strides that leave an output (NaN when none does).
 */
export function adjointRows(padding: number): { rows: AdjointRow[]; worstGap: number } {
  const filter = TRANSPOSED_2D.filter.map((r) => [...r]);
  const rows = [1, 2, 3].map((stride): AdjointRow => {
    const rng = createRng(stride);
    try {
      const big = transposedLength(ADJOINT_SIZE, filter.length, { stride, padding });
      const grid = (n: number) =>
        Array.from({ length: n }, () => Array.from({ length: n }, () => rng.normal()));
      const check = adjointCheck(grid(big), grid(ADJOINT_SIZE), filter, { stride, padding });
      return {
        stride,
        x: `${big} × ${big}`,
        "⟨conv(x), y⟩": check.left,
        "⟨x, convᵀ(y)⟩": check.right,
        "relative gap": check.relativeGap,
      };
    } catch {
      return { stride, x: "none", "⟨conv(x), y⟩": NaN, "⟨x, convᵀ(y)⟩": NaN, "relative gap": NaN };
    }
  });
  const finite = rows.map((r) => r["relative gap"]).filter(Number.isFinite);
  return { rows, worstGap: finite.length ? Math.max(...finite) : NaN };
}

export interface GroupRow {
  groups: number;
  "channels per group": number;
  weights: number;
  biases: number;
  total: number;
  /** "← shown" for the group count the slider picks, else "standard", "depthwise" or "". */
  "": string;
}

/** The block's middle layer (BLOCK.width channels in and out) for every group count dividing it. */
export function groupRows(shown: number): GroupRow[] {
  const { width, kernel } = BLOCK;
  return divisors(width).map((groups) => {
    const c = groupedConvParams({
      inChannels: width,
      outChannels: width,
      kernel,
      groups,
      bias: true,
    });
    return {
      groups,
      "channels per group": c.groupIn,
      weights: c.parts[0].count,
      biases: c.parts[1].count,
      total: c.total,
      "": groups === shown
        ? "← shown"
        : groups === 1
        ? "standard"
        : groups === width
        ? "depthwise"
        : "",
    };
  });
}

/** What a block layer does, from its name: "1×1 reduce", "1×1 expand" or "3×3 middle". */
export function layerRole(layer: string): string {
  return layer.includes("reduce")
    ? "1×1 reduce"
    : layer.includes("expand")
    ? "1×1 expand"
    : `${BLOCK.kernel}×${BLOCK.kernel} middle`;
}

/**
 * Weights and biases of each layer of the bottleneck beside the `paths` summed paths, with the
 * formula of each count.
 */
export function layerRows(
  bottleneck: BlockCount,
  split: BlockCount,
  paths: number,
): Record<string, string | number>[] {
  return [0, 1, 2].flatMap((l) =>
    ["weights", "biases"].map((part, i) => {
      const of = (c: BlockCount) => c.parts[2 * l + i];
      return {
        layer: layerRole(bottleneck.layers[l].name),
        part,
        bottleneck: of(bottleneck).count,
        "how (bottleneck)": of(bottleneck).formula,
        [`${paths} paths`]: of(split).count,
        [`how (${paths} paths)`]: of(split).formula,
      };
    })
  );
}

/** The 1-D transposed output's length N, or why there is none (a padding that crops it all). */
export function transposedSize1d(
  n: number,
  k: number,
  sp: { stride: number; padding: number },
): { value: number; error?: undefined } | { value?: undefined; error: string } {
  try {
    return { value: transposedLength(n, k, sp) };
  } catch (error) {
    return { error: (error as Error).message };
  }
}
